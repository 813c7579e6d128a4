//! Block C (economy): growth is the sum of named drags and gains, in deviation form for the terms
//! that objects present at load already produce; the index is detrended so the baseline is flat
//! and returns toward its trend from either side.

use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder, TermSum};
use super::super::state::{NationState, State};
use super::super::world::World;

pub use super::super::reference::EconomyReference;

/// The growth-rate terms that objects produce for nation `i` in `state`.
pub fn measure_terms(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
) -> EconomyReference {
    let p = &world.params;
    let x = state.nation(i);
    let agreements = &derived.agreements;
    EconomyReference {
        burden: -p.burden_drag * f64::max(0.0, x.burden() - p.burden_threshold),
        trade: p.trade_gain * agreements.trade[i.ix()],
        arms_sales: agreements.arms_sales[i.ix()],
        cost: -p.intervention_cost * agreements.cost[i.ix()],
        economy: x.economy,
        burden_share: x.burden(),
    }
}

/// Updates E and gE of nation `i` into `next` from the old state.
pub fn update(
    world: &World,
    old: &State,
    derived: &Derived,
    i: NationIx,
    next: &mut NationState,
    ledger: &mut LedgerBuilder,
) {
    let p = &world.params;
    let x = old.nation(i);
    let now = measure_terms(world, old, derived, i);
    let load = world.calibration.economy[i.ix()];
    // The burden that drags growth is measured against the economy at load (model 2): the drag
    // then follows the effort, and an economy that shrinks does not raise its own drag (a loop
    // the small-gain condition cannot bound; docs/MODEL.md).
    let burden = -p.burden_drag * f64::max(0.0, x.effort / load.economy - p.burden_threshold);
    let rates = [
        ("burden", "defence burden", burden - load.burden),
        (
            "war",
            "interstate fighting",
            -p.war_drag * derived.fighting[i.ix()],
        ),
        (
            "insurgency",
            "armed groups",
            -p.insurgency_drag * f64::max(0.0, x.armed_groups - x.baseline.armed_groups),
        ),
        (
            "instability",
            "domestic instability",
            -p.instability_drag * f64::max(0.0, x.baseline.stability - x.stability),
        ),
        ("trade", "treaty trade", now.trade - load.trade),
        ("arms_sales", "arms sales", now.arms_sales - load.arms_sales),
        (
            // Both ways (model 2): an economy above its trend returns to it as one below does,
            // so a disturbance that fades leaves the economy where it was.
            "recovery",
            "return toward the trend",
            p.economy_recovery * (1.0 - x.economy / load.economy),
        ),
        (
            "intervention_cost",
            "cost of interventions",
            now.cost - load.cost,
        ),
    ];
    let mut terms = TermSum::new(ledger.is_enabled());
    for (id, label, rate) in rates {
        terms.add(id, label, x.economy * rate, Cause::Dynamics);
    }
    let raw = x.economy + terms.total();
    let floor = 0.05 * load.economy;
    let economy = f64::max(raw, floor);
    terms.note(
        "floor",
        "economy cannot fall below 5% of its start",
        economy - raw,
    );
    next.economy = economy;
    next.growth = if x.economy > 0.0 {
        economy / x.economy - 1.0
    } else {
        0.0
    };
    ledger.record(
        Entity::Nation(i),
        "economy",
        x.economy,
        economy,
        terms.into_terms(),
        false,
    );
}
