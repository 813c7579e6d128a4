//! The bounded update operator of MODEL.md 2.2.
//!
//! A variable on \[lo, hi\] moves by a reversion term plus one contribution per driver, each
//! scaled by the room left in its direction. If the coefficient budget ρ + Σ|u| exceeds 1, every
//! coefficient is divided by it, so the result can never leave the interval.

use super::ledger::{Cause, Term};

/// One signed driver u of a bounded variable, with its ledger identity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Driver {
    /// Term id, e.g. `"u_nsa"`.
    pub id: &'static str,
    /// Plain-language label.
    pub label: &'static str,
    /// The coefficient u (per tick).
    pub u: f64,
    /// The coefficient the same driver had at load (model 2's deviation rule for agreements and
    /// alliances): the term is B(X, u) − B(X, u_load), what the driver does now minus what it
    /// did at load, both at the current X. Removing a push then undoes it with the room it
    /// used, so an agreement that ends moves a variable as much as signing it did, whichever
    /// side of the interval the variable is near. 0 for drivers already in deviation form.
    pub reference: f64,
    /// What caused it.
    pub cause: Cause,
}

impl Driver {
    /// A driver caused by the model's own dynamics.
    #[inline]
    pub fn new(id: &'static str, label: &'static str, u: f64) -> Self {
        Self {
            id,
            label,
            u,
            reference: 0.0,
            cause: Cause::Dynamics,
        }
    }

    /// A driver measured against what it did at load (see [`Driver::reference`]).
    #[inline]
    pub fn against_load(id: &'static str, label: &'static str, u: f64, at_load: f64) -> Self {
        Self {
            reference: at_load,
            ..Self::new(id, label, u)
        }
    }

    /// The same driver, attributed to a cause.
    #[inline]
    pub fn because(mut self, cause: Cause) -> Self {
        self.cause = cause;
        self
    }
}

/// Term id and label of reversion toward the structural value.
pub const REVERSION: (&str, &str) = ("reversion", "return toward the structural level");

/// Term id and label of the interval's bound holding a value.
pub const BOUND: (&str, &str) = ("bound", "held within its range");

/// The result of one bounded update.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// The new value.
    pub value: f64,
    /// The contributions (reversion first, then drivers in order); they sum to the change.
    /// Empty unless the update was asked to record them.
    pub terms: Vec<Term>,
    /// Whether the budget exceeded 1 and coefficients were scaled.
    pub saturated: bool,
}

/// B(X, u) on \[lo, hi\]: u times the room left in u's direction.
#[inline]
pub fn push(x: f64, lo: f64, hi: f64, u: f64) -> f64 {
    if u >= 0.0 { u * (hi - x) } else { u * (x - lo) }
}

/// B(X, u) with the room in u's direction at most the room it has at `anchor` (the structural
/// value): the push an agreement gave at load, undone when the agreement ends, does not grow as
/// the variable moves away from where it gave it, so an end undoes what the agreement did
/// without feeding on itself.
#[inline]
fn push_at_most(x: f64, anchor: f64, lo: f64, hi: f64, u: f64) -> f64 {
    if u >= 0.0 {
        u * f64::min(hi - x, hi - anchor)
    } else {
        u * f64::min(x - lo, anchor - lo)
    }
}

/// X' = X + ρ·(X* − X) + Σ [B(X, u_k) − B⁺(X, u_k,load)] on \[lo, hi\], with budget scaling over
/// ρ + Σ(|u| + |u_load|); B⁺ caps the room at its value at X* (see [`push_at_most`]). The terms are listed only when `record` is set (the ledger is on); the
/// value is the same either way.
#[inline(always)]
pub fn bounded_update(
    x: f64,
    (lo, hi): (f64, f64),
    reversion: f64,
    target: f64,
    drivers: &[Driver],
    record: bool,
) -> Update {
    let budget = reversion.abs()
        + drivers
            .iter()
            .map(|d| d.u.abs() + d.reference.abs())
            .sum::<f64>();
    let (scale, saturated) = if budget > 1.0 {
        (1.0 / budget, true)
    } else {
        (1.0, false)
    };
    let reverted = reversion * scale * (target - x);
    let (sum, mut terms) = contributions(
        reverted,
        drivers,
        |d| {
            let now = push(x, lo, hi, d.u * scale);
            if d.reference == 0.0 {
                now
            } else {
                now - push_at_most(x, target, lo, hi, d.reference * scale)
            }
        },
        record,
    );
    // Without references the lemma guarantees the interval; undoing a load-time push near the
    // far bound can overshoot it, and the bound then holds the value (a named term).
    let value = (x + sum).clamp(lo, hi);
    let held = value - (x + sum);
    if record && held.abs() > 1e-15 {
        terms.push(Term {
            id: BOUND.0,
            label: BOUND.1,
            value: held,
            cause: Cause::Dynamics,
        });
    }
    Update {
        value,
        terms,
        saturated,
    }
}

/// The sum of the reversion term and every driver's contribution, in that order, and the terms
/// themselves when `record` is set. One sum for both modes, so recording never changes a value.
#[inline(always)]
fn contributions(
    reverted: f64,
    drivers: &[Driver],
    value: impl Fn(&Driver) -> f64,
    record: bool,
) -> (f64, Vec<Term>) {
    let sum: f64 = std::iter::once(reverted)
        .chain(drivers.iter().map(&value))
        .sum();
    let terms = if record {
        std::iter::once(Term {
            id: REVERSION.0,
            label: REVERSION.1,
            value: reverted,
            cause: Cause::Dynamics,
        })
        .chain(drivers.iter().map(|driver| Term {
            id: driver.id,
            label: driver.label,
            value: value(driver),
            cause: driver.cause,
        }))
        .collect()
    } else {
        Vec::new()
    };
    (sum, terms)
}

/// The logistic trust update T' = T + T(1−T)·Σe + ρ(T0 − T), with |Σe| ≤ 1 − ρ (MODEL.md 2.2).
/// Terms are listed only when `record` is set (as for [`bounded_update`]).
#[inline(always)]
pub fn logistic_update(
    t: f64,
    reversion: f64,
    target: f64,
    evidence: &[Driver],
    record: bool,
) -> Update {
    let total: f64 = evidence.iter().map(|e| e.u).sum();
    let room = (1.0 - reversion).max(0.0);
    let (scale, saturated) = if total.abs() > room && total != 0.0 {
        (room / total.abs(), true)
    } else {
        (1.0, false)
    };
    let reverted = reversion * (target - t);
    let (sum, terms) = contributions(reverted, evidence, |e| t * (1.0 - t) * e.u * scale, record);
    Update {
        value: (t + sum).clamp(0.0, 1.0),
        terms,
        saturated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(u: f64) -> Driver {
        Driver::new("u", "u", u)
    }

    #[test]
    fn push_scales_by_headroom_and_floor_room() {
        assert_eq!(push(0.75, 0.0, 1.0, 0.4), 0.4 * 0.25);
        assert_eq!(push(0.75, 0.0, 1.0, -0.4), -0.4 * 0.75);
        assert_eq!(push(0.5, -1.0, 1.0, -0.2), -0.2 * 1.5);
    }

    #[test]
    fn terms_sum_to_the_change() {
        let update = bounded_update(
            0.4,
            (0.0, 1.0),
            0.05,
            0.6,
            &[d(0.1), d(-0.3), d(0.02)],
            true,
        );
        let sum: f64 = update.terms.iter().map(|t| t.value).sum();
        assert!((update.value - 0.4 - sum).abs() < 1e-15);
        assert!(!update.saturated);
    }

    #[test]
    fn an_oversized_budget_is_scaled_and_stays_in_bounds() {
        for x in [0.0, 0.01, 0.5, 0.99, 1.0] {
            let update = bounded_update(x, (0.0, 1.0), 0.5, 1.0, &[d(3.0), d(2.0)], true);
            assert!(update.saturated);
            assert!(
                (0.0..=1.0).contains(&update.value),
                "{x} -> {}",
                update.value
            );
            let update = bounded_update(x, (0.0, 1.0), 0.5, 0.0, &[d(-3.0)], true);
            assert!((0.0..=1.0).contains(&update.value));
        }
    }

    #[test]
    fn no_drivers_at_the_target_is_a_fixed_point() {
        let update = bounded_update(0.37, (0.0, 1.0), 0.05, 0.37, &[d(0.0)], true);
        assert_eq!(update.value, 0.37);
    }

    #[test]
    fn logistic_trust_stays_inside_the_open_interval() {
        for t in [0.001, 0.2, 0.5, 0.999] {
            let up = logistic_update(t, 0.01, 0.5, &[d(5.0)], true);
            let down = logistic_update(t, 0.01, 0.5, &[d(-5.0)], true);
            assert!(up.value > 0.0 && up.value < 1.0 || up.value == 1.0 && t > 0.99);
            assert!(down.value > 0.0);
            assert!(up.saturated && down.saturated);
        }
    }
}
