//! Blocks A (defence effort, the Richardson block) and B (capability).

use crate::model::InterventionKind;

use super::super::derived::Derived;
use super::super::ids::{InterventionIx, NationIx};
use super::super::ledger::{Cause, Entity, LedgerBuilder, Term};
use super::super::state::{NationState, State, Status};
use super::super::world::World;

/// Σ_j w_ij·x_j: the rivals' effort nation i fears.
pub fn fear(state: &State, derived: &Derived, i: NationIx) -> f64 {
    derived.threat.fear(state, i)
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
    (p.fatigue_a * target - p.reaction_k * fear(state, derived, i)) * load / now.max(1e-9)
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

    // A. Δx = k·Σ w_ij x_j − a·x + g (+ the fading resolve to rearm after a strike).
    let mut terms = vec![
        Term {
            id: "fear",
            label: "fear of rivals",
            value: p.reaction_k * fear(old, derived, i),
            cause: Cause::Dynamics,
        },
        Term {
            id: "fatigue",
            label: "fiscal fatigue",
            value: -p.fatigue_a * x.effort,
            cause: Cause::Dynamics,
        },
        Term {
            id: "ambition",
            label: "ambition & grievance",
            value: effective_ambition(world, old, derived, i),
            cause: Cause::Dynamics,
        },
    ];
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
        terms.push(Term {
            id: "resolve",
            label: "resolve to rearm after a strike",
            value: p.strike_resolve
                * p.fatigue_a
                * old.interventions[v].target_effort_before
                * fade,
            cause: Cause::Intervention(InterventionIx(v as u32)),
        });
    }
    let raw = x.effort + terms.iter().map(|t| t.value).sum::<f64>();
    let cap = p.effort_cap_share * x.economy;
    let effort = raw.clamp(0.0, cap);
    terms.push(Term {
        id: "cap",
        label: "war-economy cap and zero floor",
        value: effort - raw,
        cause: Cause::Dynamics,
    });
    next.effort = effort;
    next.effort_change = effort - x.effort;
    ledger.record(entity, "defence_effort", x.effort, effort, terms, false);

    // B. M' = (1 − δ_M)·M + μ·x + arms inflow − ω_W·W·M.
    let inflow = derived.agreements.arms_inflow[i.ix()] - world.calibration.arms_inflow[i.ix()];
    let mut terms = vec![
        Term {
            id: "depreciation",
            label: "wear and obsolescence",
            value: -p.capability_depreciation * x.capability,
            cause: Cause::Dynamics,
        },
        Term {
            id: "procurement",
            label: "procurement from defence effort",
            value: world.calibration.capability_per_effort[i.ix()] * x.effort,
            cause: Cause::Dynamics,
        },
        Term {
            id: "arms_transfers",
            label: "arms transfers received",
            value: inflow,
            cause: Cause::Dynamics,
        },
        Term {
            id: "attrition",
            label: "losses in fighting",
            value: -p.war_attrition * derived.fighting[i.ix()] * x.capability,
            cause: Cause::Dynamics,
        },
    ];
    let raw = x.capability + terms.iter().map(|t| t.value).sum::<f64>();
    let capability = raw.max(0.0);
    terms.push(Term {
        id: "floor",
        label: "capability cannot be negative",
        value: capability - raw,
        cause: Cause::Dynamics,
    });
    next.capability = capability;
    ledger.record(entity, "capability", x.capability, capability, terms, false);
}
