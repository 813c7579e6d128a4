//! The ledger (MODEL.md 2.2, 2.12): every change of every variable as an exact sum of named terms.

use super::ids::{AllianceIx, EventIx, InterventionIx, NationIx, RegionIx, TreatyIx};

/// What a variable belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Entity {
    /// A nation.
    Nation(NationIx),
    /// A pair of nations, smaller index first.
    Dyad(NationIx, NationIx),
    /// An alliance as a whole.
    Alliance(AllianceIx),
    /// One member's commitment to an alliance.
    Member(AllianceIx, NationIx),
    /// A region.
    Region(RegionIx),
}

/// What caused a term, when something identifiable did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Cause {
    /// Nothing in particular: the model's own dynamics.
    Dynamics,
    /// A scheduled event.
    Event(EventIx),
    /// An intervention.
    Intervention(InterventionIx),
    /// A treaty.
    Treaty(TreatyIx),
    /// An alliance.
    Alliance(AllianceIx),
    /// Another nation (a neighbour, a rival).
    Nation(NationIx),
    /// A seeded random event of the given kind (MODEL.md 2.10).
    Random(&'static str),
    /// A change the model made on its own (a treaty running out, forces drawing down, a member
    /// leaving, an alliance dissolving) or what a change set off further on: the most recent
    /// trigger to reach the variable's owner through its ties (docs/MODEL.md, "Causes").
    After(Trigger),
}

/// Something that starts a chain of changes: the ledger names it on the terms it causes directly
/// and on every change it sets off through the ties between nations.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trigger {
    /// A scheduled event of the timeline.
    Event(EventIx),
    /// A treaty reached the end of its term.
    TreatyEnded(TreatyIx),
    /// An intervention's active phase ended and its forces draw down.
    Drawdown(InterventionIx),
    /// A member left an alliance because its commitment fell (or it wanted the other camp).
    Exit(AllianceIx, NationIx),
    /// An alliance dissolved: too few members, or its cohesion broke.
    Dissolution(AllianceIx),
    /// A seeded random event of the given kind.
    Random(&'static str),
}

/// The most recent trigger to reach a nation and the tick it happened at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// What started the chain.
    pub trigger: Trigger,
    /// When it happened (a later trigger replaces an earlier one).
    pub tick: u32,
    /// Whether the trigger touched the nation itself (it intervened or was the target, was a
    /// party to the treaty, left the alliance) rather than reaching it through its ties.
    pub direct: bool,
}

/// One named contribution to a change.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term {
    /// Stable term id, e.g. `"u_nsa"`.
    pub id: &'static str,
    /// Plain-language label shown to users, e.g. `"insurgency / non-state actors"`.
    pub label: &'static str,
    /// Signed contribution to the variable.
    pub value: f64,
    /// What caused it.
    pub cause: Cause,
}

/// The change of one variable over one tick.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Whose variable.
    pub entity: Entity,
    /// Which variable (CSV name, e.g. `"stability"`).
    pub var: &'static str,
    /// Value at the start of the tick.
    pub before: f64,
    /// Value at the end of the tick.
    pub after: f64,
    /// Contributions; they sum to `after - before` (up to rounding).
    pub terms: Vec<Term>,
    /// Whether the coefficient budget exceeded 1 and the drivers were scaled down (MODEL.md 2.2).
    pub saturated: bool,
}

impl Change {
    /// The change, after − before.
    pub fn delta(&self) -> f64 {
        self.after - self.before
    }

    /// Terms sorted by decreasing absolute value (the order the UI shows them in).
    pub fn largest_terms(&self) -> Vec<Term> {
        let mut terms = self.terms.clone();
        terms.sort_by(|a, b| b.value.abs().total_cmp(&a.value.abs()));
        terms
    }
}

/// All changes of one tick: the step from `tick - 1` to `tick`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TickLedger {
    /// The tick whose values these changes produced.
    pub tick: u32,
    /// Changes in the order they were first touched during the step (a fixed order).
    pub changes: Vec<Change>,
}

impl TickLedger {
    /// The change of one variable this tick, if it changed.
    pub fn change(&self, entity: Entity, var: &str) -> Option<&Change> {
        self.changes
            .iter()
            .find(|change| change.entity == entity && change.var == var)
    }
}

/// Collects terms during a step. Recording can be switched off for speed; the state update is
/// the same either way, because values are applied by the rules, not by the ledger.
#[derive(Debug, Default)]
pub struct LedgerBuilder {
    enabled: bool,
    changes: Vec<Change>,
    positions: std::collections::BTreeMap<(Entity, &'static str), usize>,
}

impl LedgerBuilder {
    /// A builder that records (`enabled`) or ignores everything.
    pub fn new(enabled: bool) -> Self {
        Self {
            enabled,
            ..Self::default()
        }
    }

    /// Whether terms are being recorded.
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }

    /// Records that `var` of `entity` went from `before` to `after` through `terms`.
    /// Several records of one variable in one tick (a shock, then the continuous update) chain up.
    pub fn record(
        &mut self,
        entity: Entity,
        var: &'static str,
        before: f64,
        after: f64,
        terms: impl IntoIterator<Item = Term>,
        saturated: bool,
    ) {
        if !self.enabled {
            return;
        }
        let terms = terms.into_iter().filter(|term| term.value != 0.0);
        match self.positions.get(&(entity, var)) {
            Some(&position) => {
                let change = &mut self.changes[position];
                change.after = after;
                change.terms.extend(terms);
                change.saturated |= saturated;
            }
            None => {
                self.positions.insert((entity, var), self.changes.len());
                self.changes.push(Change {
                    entity,
                    var,
                    before,
                    after,
                    terms: terms.collect(),
                    saturated,
                });
            }
        }
    }

    /// Adds everything `other` recorded, as if it had been recorded here now (changes of a
    /// variable already recorded here chain up).
    pub fn absorb(&mut self, other: LedgerBuilder) {
        for change in other.changes {
            self.record(
                change.entity,
                change.var,
                change.before,
                change.after,
                change.terms,
                change.saturated,
            );
        }
    }

    /// Records a one-off shock that set a variable from `before` to `after`.
    pub fn shock(
        &mut self,
        entity: Entity,
        var: &'static str,
        before: f64,
        after: f64,
        term: (&'static str, &'static str),
        cause: Cause,
    ) {
        let value = after - before;
        self.record(
            entity,
            var,
            before,
            after,
            [Term {
                id: term.0,
                label: term.1,
                value,
                cause,
            }],
            false,
        );
    }

    /// Finishes the tick; unchanged variables are dropped.
    pub fn finish(self, tick: u32) -> TickLedger {
        TickLedger {
            tick,
            changes: self
                .changes
                .into_iter()
                .filter(|change| change.after != change.before || !change.terms.is_empty())
                .collect(),
        }
    }
}

/// The named terms of an update that is a plain sum (defence effort, capability, economy): their
/// running total, added in order, and the terms themselves only when the ledger is on. The total
/// is the same either way, so recording never changes a value.
#[derive(Debug)]
pub struct TermSum {
    total: f64,
    terms: Option<Vec<Term>>,
}

impl TermSum {
    /// An empty sum that lists its terms when `record` is set.
    pub fn new(record: bool) -> Self {
        // −0.0, as a sum over no terms is in Rust, so totals match summing a list of them.
        Self {
            total: -0.0,
            terms: record.then(Vec::new),
        }
    }

    /// Adds a term.
    pub fn add(&mut self, id: &'static str, label: &'static str, value: f64, cause: Cause) {
        self.total += value;
        if let Some(terms) = &mut self.terms {
            terms.push(Term {
                id,
                label,
                value,
                cause,
            });
        }
    }

    /// Lists a term that is not part of the total (a clamp's correction, computed from it).
    pub fn note(&mut self, id: &'static str, label: &'static str, value: f64) {
        if let Some(terms) = &mut self.terms {
            terms.push(Term {
                id,
                label,
                value,
                cause: Cause::Dynamics,
            });
        }
    }

    /// The total so far.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// The terms listed (none when not recording).
    pub fn into_terms(self) -> Vec<Term> {
        self.terms.unwrap_or_default()
    }
}
