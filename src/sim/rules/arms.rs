//! Blocks A (defence effort, the Richardson block) and B (capability).

use crate::model::InterventionKind;

use super::super::derived::Derived;
use super::super::ids::{InterventionIx, NationIx};
use super::super::ledger::{Cause, Entity, LedgerBuilder, TermSum};
use super::super::state::{NationState, State, Status};
use super::super::world::World;

/// X_i·Θ_i: the rivals' effort nation i fears, in its own units (model 2: a mean over its
/// relations of threat-weighted relative efforts, times its effort scale).
pub fn fear(derived: &Derived, i: NationIx) -> f64 {
    derived.fear[i.ix()]
}

/// The ambition g in force: the calibrated or chosen g, cut by confidence-building measures
/// signed after load (g ← g·(1 − γ_CBM·σ)).
pub fn effective_ambition(world: &World, state: &State, derived: &Derived, i: NationIx) -> f64 {
    let cut = world.params.cbm_ambition_cut;
    let now = 1.0 - cut * derived.agreements.cbm[i.ix()];
    let load = 1.0 - cut * world.calibration.cbm[i.ix()];
    state.nation(i).ambition * now / load.max(1e-9)
}

/// The ambition that makes Δx_i = 0 at defence share `share` in `state` (a defence policy).
pub fn ambition_for_share(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
    share: f64,
) -> f64 {
    let p = &world.params;
    let target = share * state.nation(i).economy;
    let cut = world.params.cbm_ambition_cut;
    let now = 1.0 - cut * derived.agreements.cbm[i.ix()];
    let load = 1.0 - cut * world.calibration.cbm[i.ix()];
    // Undo the CBM factor so that effective_ambition gives exactly the balancing g.
    (p.fatigue_a * target - p.reaction_k * fear(derived, i)) * load / now.max(1e-9)
}

/// Updates x (defence effort) and M (capability) of nation `i` into `next`.
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
    let entity = Entity::Nation(i);

    // A. Δx = k·X·Θ − a·x + g (+ the fading resolve to rearm after a strike), written as each
    // term's change since load plus the balance of the three at load (zero when calibrated), so
    // the ledger shows what moved and names what moved it.
    let c = &world.calibration;
    let (fear_load, effort_load, ambition_load) =
        (c.fear[i.ix()], c.effort[i.ix()], c.ambition[i.ix()]);
    let mut terms = TermSum::new(ledger.is_enabled());
    terms.add(
        "fear",
        "fear of rivals",
        p.reaction_k * (fear(derived, i) - fear_load),
        Cause::Dynamics,
    );
    terms.add(
        "fatigue",
        "fiscal fatigue",
        -p.fatigue_a * (x.effort - effort_load),
        Cause::Dynamics,
    );
    terms.add(
        "ambition",
        "ambition & grievance",
        effective_ambition(world, old, derived, i) - ambition_load,
        Cause::Dynamics,
    );
    terms.add(
        "at_load",
        "arms balance at load",
        p.reaction_k * fear_load - p.fatigue_a * effort_load + ambition_load,
        Cause::Dynamics,
    );
    for &v in world.interventions_on(i) {
        let info = &world.interventions[v.ix()];
        let v = v.ix();
        if info.kind != InterventionKind::PreventiveStrike {
            continue;
        }
        if let Status::Pending = old.interventions[v].status {
            continue;
        }
        let mut fade = 1.0;
        for _ in 0..old.tick.saturating_sub(info.start).min(2_000) {
            fade *= 1.0 - p.strike_resolve_fade;
        }
        terms.add(
            "resolve",
            "resolve to rearm after a strike",
            p.strike_resolve * p.fatigue_a * old.interventions[v].target_effort_before * fade,
            Cause::Intervention(InterventionIx(v as u32)),
        );
    }
    let raw = x.effort + terms.total();
    let cap = p.effort_cap_share * x.economy;
    let effort = raw.clamp(0.0, cap);
    terms.note("cap", "war-economy cap and zero floor", effort - raw);
    next.effort = effort;
    ledger.record(
        entity,
        "defence_effort",
        x.effort,
        effort,
        terms.into_terms(),
        false,
    );

    // B. M' = (1 − δ_M)·M + δ_M·M0·(1 + b) + arms inflow − ω_W·W·M: procurement buys what kept
    // the load capability, more or less with the build-up b since load (no division by an
    // effort that may be zero).
    let inflow = derived.agreements.arms_inflow[i.ix()] - world.calibration.arms_inflow[i.ix()];
    let mut terms = TermSum::new(ledger.is_enabled());
    // Written as changes since load: δ_M·M0 bought and worn each tick at load cancel.
    let capability_load = world.calibration.scales.capability_at_load[i.ix()];
    terms.add(
        "depreciation",
        "wear and obsolescence",
        -p.capability_depreciation * (x.capability - capability_load),
        Cause::Dynamics,
    );
    terms.add(
        "procurement",
        "procurement from defence effort",
        p.capability_depreciation
            * capability_load
            * world.calibration.scales.build_up(i, x.effort),
        Cause::Dynamics,
    );
    terms.add(
        "arms_transfers",
        "arms transfers received",
        inflow,
        Cause::Dynamics,
    );
    terms.add(
        "attrition",
        "losses in fighting",
        -p.war_attrition * derived.fighting[i.ix()] * x.capability,
        Cause::Dynamics,
    );
    let raw = x.capability + terms.total();
    let capability = raw.max(0.0);
    terms.note("floor", "capability cannot be negative", capability - raw);
    next.capability = capability;
    ledger.record(
        entity,
        "capability",
        x.capability,
        capability,
        terms.into_terms(),
        false,
    );
}
