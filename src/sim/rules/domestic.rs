//! Blocks F–J (legitimacy, state capacity, armed groups, grievance, domestic stability):
//! per-nation bounded updates, all in deviation form so a world without actions stands still.

use super::super::bounded::{Driver, bounded_update};
use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder};
use super::super::state::{NationState, State};
use super::super::world::World;

const UNIT: (f64, f64) = (0.0, 1.0);

/// Size-weighted mean of `value` over the other nations of i's region (0 when i is alone):
/// S̄_nbr for stability, N̄_nbr for armed groups.
pub fn neighbour_mean(
    world: &World,
    state: &State,
    sizes: &[f64],
    i: NationIx,
    value: impl Fn(&NationState) -> f64,
) -> f64 {
    let region = &world.regions[world.nations[i.ix()].region.ix()];
    let (num, den) =
        region
            .members
            .iter()
            .filter(|&&m| m != i)
            .fold((0.0, 0.0), |(num, den), &m| {
                let s = sizes[m.ix()];
                (num + s * value(state.nation(m)), den + s)
            });
    if den > 0.0 { num / den } else { 0.0 }
}

/// Computes the new bounded domestic variables of nation `i` from the old state (Jacobi update).
pub fn update_nation(
    world: &World,
    old: &State,
    derived: &Derived,
    i: NationIx,
    ledger: &mut LedgerBuilder,
) -> NationState {
    let p = &world.params;
    let x = old.nation(i);
    let base = x.baseline;
    let entity = Entity::Nation(i);
    let fighting = derived.fighting[i.ix()];
    let presence = derived.presence[i.ix()];
    let effect = derived.effectiveness[i.ix()];
    let mut next = x.clone();

    // F. Legitimacy.
    let legitimacy = bounded_update(
        x.legitimacy,
        UNIT,
        p.legitimacy_reversion,
        base.legitimacy,
        &[],
    );
    next.legitimacy = legitimacy.value;
    ledger.record(
        entity,
        "legitimacy",
        x.legitimacy,
        legitimacy.value,
        legitimacy.terms,
        legitimacy.saturated,
    );

    // G. State capacity.
    let capacity = bounded_update(
        x.capacity,
        UNIT,
        p.capacity_reversion,
        base.capacity,
        &[
            Driver::new(
                "u_cap_nsa",
                "armed groups erode capacity",
                -p.capacity_insurgency * (x.armed_groups - base.armed_groups),
            ),
            Driver::new(
                "u_cap_war",
                "fighting erodes capacity",
                -p.capacity_war * fighting,
            ),
        ],
    );
    next.capacity = capacity.value;
    ledger.record(
        entity,
        "capacity",
        x.capacity,
        capacity.value,
        capacity.terms,
        capacity.saturated,
    );

    // H. Non-state armed groups.
    let spill = neighbour_mean(world, old, &derived.size, i, |x| x.armed_groups);
    let armed = bounded_update(
        x.armed_groups,
        UNIT,
        p.armed_groups_reversion,
        base.armed_groups,
        &[
            Driver::new(
                "u_grv",
                "grievance recruitment",
                p.grievance_recruitment * (x.grievance - base.grievance),
            ),
            Driver::new(
                "u_sp",
                "cross-border spillover",
                p.spillover * f64::max(0.0, spill - x.armed_groups)
                    - p.spillover * f64::max(0.0, world_calibrated_spill(world, i)),
            ),
            Driver::new(
                "u_sup",
                "counter-insurgency / peacekeeping",
                -p.suppression * presence * effect,
            )
            .because(presence_cause(world, old, i)),
        ],
    );
    next.armed_groups = armed.value;
    ledger.record(
        entity,
        "armed_groups",
        x.armed_groups,
        armed.value,
        armed.terms,
        armed.saturated,
    );

    // I. Grievance.
    let grievance = bounded_update(
        x.grievance,
        UNIT,
        p.grievance_reversion,
        base.grievance,
        &[Driver::new(
            "u_griev_war",
            "grievance from fighting",
            p.war_grievance * fighting,
        )],
    );
    next.grievance = grievance.value;
    ledger.record(
        entity,
        "grievance",
        x.grievance,
        grievance.value,
        grievance.terms,
        grievance.saturated,
    );

    // J. Domestic stability (the plotted variable).
    let nbr = neighbour_mean(world, old, &derived.size, i, |x| x.stability)
        - world.calibration.neighbour_stability[i.ix()];
    let nbr = if nbr < 0.0 { nbr } else { 0.5 * nbr };
    let stability = bounded_update(
        x.stability,
        UNIT,
        p.stability_reversion,
        base.stability,
        &[
            Driver::new(
                "u_econ",
                "economy",
                p.stability_economy * (x.growth / 0.01).clamp(-1.0, 1.0),
            ),
            Driver::new(
                "u_burden",
                "defence burden",
                -p.stability_burden
                    * (burden_pressure(p, x.burden())
                        - burden_pressure(p, world.calibration.economy[i.ix()].burden_share)),
            ),
            Driver::new(
                "u_threat",
                "external threat",
                -p.stability_threat
                    * (derived.threat_level[i.ix()] - world.calibration.threat_level[i.ix()])
                        .clamp(0.0, 1.0),
            ),
            Driver::new(
                "u_cap",
                "state capacity",
                p.stability_capacity * (x.capacity - base.capacity) / base.capacity.max(1e-6),
            ),
            Driver::new(
                "u_nsa",
                "insurgency / non-state actors",
                -p.stability_armed_groups * (x.armed_groups - base.armed_groups),
            ),
            Driver::new(
                "u_griev",
                "grievances",
                -p.stability_grievance * (x.grievance - base.grievance),
            ),
            Driver::new("u_war", "interstate fighting", -p.stability_war * fighting),
            Driver::new(
                "u_pres",
                "foreign security presence",
                p.stability_presence * presence * effect,
            )
            .because(presence_cause(world, old, i)),
            Driver::new("u_nbr", "neighbourhood", p.stability_neighbourhood * nbr),
            Driver::new(
                "u_leg",
                "international standing",
                p.stability_legitimacy * (x.legitimacy - base.legitimacy),
            ),
        ],
    );
    next.stability = stability.value;
    ledger.record(
        entity,
        "stability",
        x.stability,
        stability.value,
        stability.terms,
        stability.saturated,
    );

    next.presence = presence;
    next
}

/// The load-time spillover gap max(0, N̄_nbr − N) that calibration removes, so regions whose
/// armed groups differ at load do not drift.
fn world_calibrated_spill(world: &World, i: NationIx) -> f64 {
    world
        .calibration
        .spillover_gap
        .get(i.ix())
        .copied()
        .unwrap_or(0.0)
}

/// The attribution cause of the presence term, for the ledger: the largest active intervention.
pub fn presence_cause(world: &World, state: &State, target: NationIx) -> Cause {
    world
        .interventions
        .iter()
        .enumerate()
        .filter(|(i, info)| info.target == target && state.interventions[*i].status.is_active())
        .max_by(|a, b| a.1.force_ratio.total_cmp(&b.1.force_ratio))
        .map_or(Cause::Dynamics, |(i, _)| {
            Cause::Intervention(super::super::ids::InterventionIx(i as u32))
        })
}

/// clamp((b − b̄)/0.05, 0, 1): how far the defence burden is above the threshold.
fn burden_pressure(p: &crate::model::Params, burden: f64) -> f64 {
    ((burden - p.burden_threshold) / 0.05).clamp(0.0, 1.0)
}
