//! Blocks F–J (legitimacy, state capacity, armed groups, grievance, domestic stability):
//! per-nation bounded updates, all in deviation form so a world without actions stands still.

use super::super::bounded::{Driver, bounded_update};
use super::super::derived::Derived;
use super::super::ids::NationIx;
use super::super::ledger::{Cause, Entity, LedgerBuilder};
use super::super::state::{NationState, State};
use super::super::world::World;

const UNIT: (f64, f64) = (0.0, 1.0);

/// Legitimacy lost per tick at full turmoil (design: 0.02). Model 2 uses 0.002: with turmoil
/// costing standing and standing steadying stability and trust, the loops through legitimacy
/// left the small-gain condition no margin at 0.005 (docs/MODEL.md, small gain).
pub const TURMOIL_COST: f64 = 0.002;

/// Armed groups suppressed per tick per unit of intelligence sharing, as a share of their
/// strength (design: 0.02). Model 2 uses 0.002: at 0.02 a treaty halved a nation's insurgency,
/// and one ending doubled it (docs/MODEL.md).
const INTELLIGENCE_SUPPRESSION: f64 = 0.002;

/// Growth at which the economy's push on stability is full (design: 0.01). Model 2 uses 0.05:
/// with 0.01 the loop stability → growth → stability had a gain of 0.8 (docs/MODEL.md).
pub const GROWTH_SCALE: f64 = 0.05;

/// Capacity baseline below which the capacity term no longer grows more sensitive (model 2: no
/// division by a small quantity).
pub const CAPACITY_FLOOR: f64 = 0.1;

/// Size-weighted mean of `value` over the other nations of i's region (0 when i is alone):
/// N̄_nbr for armed groups, now (`value` reads the state) or at load (it reads the calibration).
pub fn neighbour_mean(
    world: &World,
    sizes: &[f64],
    i: NationIx,
    value: impl Fn(NationIx) -> f64,
) -> f64 {
    let region = &world.regions[world.nations[i.ix()].region.ix()];
    let (num, den) =
        region
            .members
            .iter()
            .filter(|&&m| m != i)
            .fold((0.0, 0.0), |(num, den), &m| {
                let s = sizes[m.ix()];
                (num + s * value(m), den + s)
            });
    if den > 0.0 { num / den } else { 0.0 }
}

/// S̄_nbr − S̄0_nbr of a "bad neighbourhood": the size-weighted mean change of stability of the
/// other nations of i's region since load, each counted in proportion to its conflict — the rise
/// of its armed groups plus fighting since load, in units of c_nb, at most 1 (Goldstone et al.
/// 2010: neighbours in armed conflict; Salehyan & Gleditsch 2006). A neighbour whose stability
/// moves only through relations, costs or standing passes nothing on, so contagion stays regional
/// and tied to violence.
pub fn neighbourhood(world: &World, state: &State, derived: &Derived, i: NationIx) -> f64 {
    let calibration = &world.calibration;
    let scale = world.params.neighbourhood_conflict;
    neighbour_mean(world, &derived.size, i, |m| {
        let x = state.nation(m);
        let conflict = x.armed_groups + derived.fighting[m.ix()] - calibration.conflict[m.ix()];
        let weight = (conflict / scale).clamp(0.0, 1.0);
        weight * (x.stability - calibration.stability[m.ix()])
    })
}

/// Computes the new bounded domestic variables of nation `i` from the old state (Jacobi update).
#[inline(always)]
pub fn update_nation<const RECORD: bool>(
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

    let now = measure_inputs(world, old, derived, i);
    // Causes name interventions in the ledger only; the plain step skips looking them up.
    let (aftermath, presence_source) = if RECORD {
        (
            aftermath_cause(world, old, i),
            presence_cause(world, old, i),
        )
    } else {
        (Cause::Dynamics, Cause::Dynamics)
    };
    let load = &world.calibration.domestic[i.ix()];
    let engagement = now.engagement;

    // F. Legitimacy.
    let legitimacy = bounded_update(
        x.legitimacy,
        UNIT,
        p.legitimacy_reversion,
        base.legitimacy,
        &[
            Driver::new(
                "u_quag",
                "quagmire",
                -p.quagmire * (now.quagmire - load.quagmire),
            ),
            Driver::against_load(
                "u_pk",
                "peacekeeping contribution",
                0.005 * now.peacekeeping,
                0.005 * load.peacekeeping,
            ),
            Driver::against_load(
                "u_tr",
                "treaty compliance",
                0.002 * now.treaties.min(5.0),
                0.002 * load.treaties.min(5.0),
            ),
            Driver::new(
                "u_dom",
                "domestic turmoil",
                -TURMOIL_COST * (now.turmoil - load.turmoil),
            ),
        ],
        RECORD,
    );
    next.legitimacy = legitimacy.value;
    if RECORD {
        ledger.record(
            entity,
            "legitimacy",
            x.legitimacy,
            legitimacy.value,
            legitimacy.terms,
            legitimacy.saturated,
        );
    }

    // G. State capacity: rebuilding is slow after institutions were dismantled, and speeds up
    // continuously as capacity comes back (full speed at 95% of the target).
    let rebuilding = x.rebuilding.map_or(1.0, |slow| {
        let recovered = if x.capacity_target > 0.0 {
            ((x.capacity / x.capacity_target - 0.75) / 0.2).clamp(0.0, 1.0)
        } else {
            1.0
        };
        slow + (1.0 - slow) * recovered
    });
    let capacity = bounded_update(
        x.capacity,
        UNIT,
        p.capacity_reversion * rebuilding,
        x.capacity_target,
        &[
            Driver::new(
                "u_cap_nsa",
                "armed groups erode capacity",
                -p.capacity_insurgency * (x.armed_groups - base.armed_groups),
            )
            .because(aftermath),
            Driver::new(
                "u_cap_war",
                "fighting erodes capacity",
                -p.capacity_war * fighting,
            ),
            Driver::new(
                "u_cap_pk",
                "peacekeepers build capacity",
                p.capacity_peacekeeping
                    * presence
                    * derived.peacekeeping_effectiveness[i.ix()]
                    * engagement
                    * now.consent,
            )
            .because(presence_source),
        ],
        RECORD,
    );
    next.capacity = capacity.value;
    if RECORD {
        ledger.record(
            entity,
            "capacity",
            x.capacity,
            capacity.value,
            capacity.terms,
            capacity.saturated,
        );
    }
    if x.rebuilding.is_some() && capacity.value >= 0.95 * x.capacity_target {
        next.rebuilding = None;
    }

    // H. Non-state armed groups.
    // Spillover in deviation form: the gap now minus the gap the load values leave with the same
    // weights, so neither a gap present at load nor a drift of sizes spills anything.
    let sizes = &derived.size;
    let load_armed = &world.calibration.armed_groups;
    let spill = p.spillover
        * (f64::max(
            0.0,
            neighbour_mean(world, sizes, i, |m| old.nation(m).armed_groups) - x.armed_groups,
        ) - f64::max(
            0.0,
            neighbour_mean(world, sizes, i, |m| load_armed[m.ix()]) - load_armed[i.ix()],
        ));
    let armed = bounded_update(
        x.armed_groups,
        UNIT,
        p.armed_groups_reversion,
        base.armed_groups,
        &[
            Driver::new(
                "u_vac",
                "power vacuum",
                p.vacuum_recruitment * (now.vacuum - load.vacuum),
            )
            .because(aftermath),
            Driver::new(
                "u_grv",
                "grievance recruitment",
                p.grievance_recruitment * (x.grievance - base.grievance),
            )
            .because(aftermath),
            Driver::new("u_sp", "cross-border spillover", spill),
            Driver::new(
                "u_px",
                "foreign backing of insurgents",
                p.proxy_backing * (now.proxy - load.proxy),
            )
            .because(aftermath),
            Driver::new(
                "u_sup",
                "counter-insurgency / peacekeeping",
                -p.suppression * presence * effect,
            )
            .because(presence_source),
            Driver::against_load(
                "u_intel",
                "intelligence sharing",
                -INTELLIGENCE_SUPPRESSION * now.intelligence,
                -INTELLIGENCE_SUPPRESSION * load.intelligence,
            ),
        ],
        RECORD,
    );
    next.armed_groups = armed.value;
    if RECORD {
        ledger.record(
            entity,
            "armed_groups",
            x.armed_groups,
            armed.value,
            armed.terms,
            armed.saturated,
        );
    }

    // I. Grievance: heals faster when locals own the process.
    let grievance = bounded_update(
        x.grievance,
        UNIT,
        p.grievance_reversion * (0.5 + 0.5 * engagement),
        x.grievance_target,
        &[
            Driver::new(
                "u_occ",
                "foreign presence seen as illegitimate",
                p.occupation_grievance * (now.occupation - load.occupation),
            )
            .because(presence_source),
            Driver::new(
                "u_ex",
                "dismantled institutions, excluded elites",
                p.exclusion_grievance * (now.exclusion - load.exclusion),
            )
            .because(aftermath),
            Driver::new(
                "u_griev_war",
                "grievance from fighting",
                p.war_grievance * fighting,
            ),
        ],
        RECORD,
    );
    next.grievance = grievance.value;
    if RECORD {
        ledger.record(
            entity,
            "grievance",
            x.grievance,
            grievance.value,
            grievance.terms,
            grievance.saturated,
        );
    }

    // J. Domestic stability (the plotted variable).
    let nbr = neighbourhood(world, old, derived, i);
    let nbr = if nbr < 0.0 { nbr } else { 0.5 * nbr };
    let stability = bounded_update(
        x.stability,
        UNIT,
        p.stability_reversion,
        base.stability,
        &[
            Driver::against_load(
                "u_ally",
                "alliance reassurance",
                p.stability_alliance * now.reassurance,
                p.stability_alliance * load.reassurance,
            ),
            Driver::new(
                "u_econ",
                "economy",
                p.stability_economy * (x.growth / GROWTH_SCALE).clamp(-1.0, 1.0),
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
                p.stability_capacity * (x.capacity - base.capacity)
                    / base.capacity.max(CAPACITY_FLOOR),
            )
            .because(aftermath),
            Driver::new(
                "u_nsa",
                "insurgency / non-state actors",
                -p.stability_armed_groups * (x.armed_groups - base.armed_groups),
            )
            .because(aftermath),
            Driver::new(
                "u_griev",
                "grievances",
                -p.stability_grievance * (x.grievance - base.grievance),
            )
            .because(aftermath),
            Driver::new("u_war", "interstate fighting", -p.stability_war * fighting),
            Driver::new(
                "u_pres",
                "foreign security presence",
                p.stability_presence * presence * effect,
            )
            .because(presence_source),
            Driver::new("u_nbr", "neighbourhood", p.stability_neighbourhood * nbr),
            Driver::new(
                "u_leg",
                "international standing",
                p.stability_legitimacy * (x.legitimacy - base.legitimacy),
            ),
        ],
        RECORD,
    );
    next.stability = stability.value;
    if RECORD {
        ledger.record(
            entity,
            "stability",
            x.stability,
            stability.value,
            stability.terms,
            stability.saturated,
        );
    }

    next.presence = presence;
    next
}

/// The attribution cause of the presence term, for the ledger: the largest active intervention.
pub fn presence_cause(world: &World, state: &State, target: NationIx) -> Cause {
    world
        .interventions_on(target)
        .iter()
        .filter(|v| state.interventions[v.ix()].status.is_active())
        .max_by(|a, b| {
            let force =
                |v: &&super::super::ids::InterventionIx| world.interventions[v.ix()].force_ratio;
            force(a).total_cmp(&force(b))
        })
        .map_or(Cause::Dynamics, |&v| Cause::Intervention(v))
}

/// Ticks after an intervention ends during which the target's domestic deviations are still
/// attributed to it in the ledger.
const AFTERMATH: u32 = 40;

/// The attribution cause of a nation's domestic deviations (armed groups, grievance, capacity):
/// the most recent intervention in it, while it runs and for 40 ticks after; otherwise none.
pub fn aftermath_cause(world: &World, state: &State, target: NationIx) -> Cause {
    use super::super::state::Status;
    world
        .interventions_on(target)
        .iter()
        .filter(|v| match state.interventions[v.ix()].status {
            Status::Active { .. } => true,
            Status::Ended { at } => state.tick < at + AFTERMATH,
            Status::Pending => false,
        })
        .max_by_key(|v| (world.interventions[v.ix()].start, v.ix()))
        .map_or(Cause::Dynamics, |&v| Cause::Intervention(v))
}

/// clamp((b − b̄)/0.05, 0, 1): how far the defence burden is above the threshold.
fn burden_pressure(p: &crate::model::Params, burden: f64) -> f64 {
    ((burden - p.burden_threshold) / 0.05).clamp(0.0, 1.0)
}

pub use super::super::reference::DomesticReference;

/// The inputs of blocks F–J of nation `i` in `state`.
pub fn measure_inputs(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
) -> DomesticReference {
    let p = &world.params;
    let x = state.nation(i);
    let presence = derived.presence[i.ix()];
    let effect = derived.effectiveness[i.ix()];
    let agreements = &derived.agreements;
    let (engagement, local, consent) = agreements.local_measures(i).unwrap_or((1.0, 1.0, 0.0));
    let treaties = agreements.treaties[i.ix()];
    let intelligence = agreements.intelligence[i.ix()];
    let quagmire = agreements.quagmire[i.ix()];
    let peacekeeping = agreements.peacekeeping[i.ix()];
    let gap = f64::max(0.0, x.baseline.capacity - x.capacity);
    DomesticReference {
        vacuum: f64::max(0.0, gap - p.presence_substitution * presence * effect),
        proxy: super::super::intervention::proxy(world, state, &derived.size, i),
        intelligence,
        treaties,
        turmoil: f64::max(0.0, 0.4 - x.stability) / 0.4,
        quagmire,
        peacekeeping,
        occupation: presence * (1.0 - local),
        exclusion: gap * (1.0 - engagement),
        engagement,
        consent,
        reassurance: super::super::hazards::reassurance(world, derived, i),
    }
}
