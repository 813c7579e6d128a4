//! The observable variables of a state, under their documented CSV names (docs/FORMAT.md).
//!
//! One list serves the CSV export, the GUI plots and the tests, so a variable has one name
//! everywhere.

use super::ids::{AllianceIx, NationIx, RegionIx, to_u32};
use super::state::State;
use super::world::World;

/// What kind of thing a row describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A region.
    Region,
    /// A nation.
    Nation,
    /// A pair of nations.
    Dyad,
    /// An alliance (or a member's commitment to it).
    Alliance,
}

impl Kind {
    /// The CSV name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            Self::Region => "region",
            Self::Nation => "nation",
            Self::Dyad => "dyad",
            Self::Alliance => "alliance",
        }
    }
}

/// Nation variables exported, in CSV order.
pub const NATION_VARIABLES: [&str; 19] = [
    "stability",
    "economy",
    "defence_effort",
    "defence_burden",
    "capability",
    "legitimacy",
    "capacity",
    "armed_groups",
    "grievance",
    "presence",
    "ideology",
    "democracy",
    "size",
    "stability_baseline",
    "legitimacy_baseline",
    "capacity_baseline",
    "armed_groups_baseline",
    "grievance_baseline",
    "relapse_hazard",
];

/// One observed value.
#[derive(Clone, Debug, PartialEq)]
pub struct Observation {
    /// Kind of thing.
    pub kind: Kind,
    /// Its id (`A|B` for pairs, `alliance|nation` for commitments).
    pub id: String,
    /// Variable name.
    pub variable: &'static str,
    /// Value.
    pub value: f64,
}

/// Every observable value of `state`, in a fixed order: regions, nations, dyads, alliances.
pub fn observe(world: &World, state: &State) -> Vec<Observation> {
    let mut rows = Vec::new();
    let mut push = |kind, id: String, variable, value| {
        rows.push(Observation {
            kind,
            id,
            variable,
            value,
        })
    };
    for (r, info) in world.regions.iter().enumerate() {
        push(
            Kind::Region,
            info.id.to_string(),
            "stability",
            state.region_stability[r],
        );
    }
    let derived = super::derived::Derived::compute(world, state);
    let sizes = &derived.size;
    for (i, info) in world.nations.iter().enumerate() {
        let x = &state.nations[i];
        let values = [
            x.stability,
            x.economy,
            x.effort,
            x.burden(),
            x.capability,
            x.legitimacy,
            x.capacity,
            x.armed_groups,
            x.grievance,
            x.presence,
            x.ideology,
            x.democracy,
            sizes[i],
            x.baseline.stability,
            x.baseline.legitimacy,
            x.baseline.capacity,
            x.baseline.armed_groups,
            x.baseline.grievance,
            super::hazards::relapse(world, state, &derived, NationIx(to_u32(i))),
        ];
        for (variable, value) in NATION_VARIABLES.iter().zip(values) {
            push(Kind::Nation, info.id.to_string(), variable, value);
        }
    }
    for dyad in state.dyads.iter() {
        let id = dyad_id(world, dyad.a, dyad.b);
        push(Kind::Dyad, id.clone(), "relation", dyad.relation);
        push(Kind::Dyad, id.clone(), "trust", dyad.trust);
        push(Kind::Dyad, id.clone(), "fighting", dyad.fighting);
        push(
            Kind::Dyad,
            id.clone(),
            "proximity",
            world.proximity(dyad.a, dyad.b),
        );
        // Directed risks, named after the order of the id `A|B` (A is the smaller id).
        let (first, second) = if world.nations[dyad.a.ix()].id <= world.nations[dyad.b.ix()].id {
            (dyad.a, dyad.b)
        } else {
            (dyad.b, dyad.a)
        };
        let forward = super::hazards::attack(world, state, &derived, first, second);
        let backward = super::hazards::attack(world, state, &derived, second, first);
        push(Kind::Dyad, id.clone(), "attack_hazard_ab", forward);
        push(Kind::Dyad, id, "attack_hazard_ba", backward);
    }
    for (a, info) in world.alliances.iter().enumerate() {
        let alliance = &state.alliances[a];
        if matches!(alliance.status, super::state::Status::Pending) {
            continue;
        }
        let id = info.id.to_string();
        push(
            Kind::Alliance,
            id.clone(),
            "cohesion",
            derived.alliance_cohesion(state, AllianceIx(to_u32(a))),
        );
        push(
            Kind::Alliance,
            id.clone(),
            "members",
            alliance.members.len() as f64,
        );
        for &(member, omega) in &alliance.members {
            push(
                Kind::Alliance,
                format!("{id}|{}", world.nations[member.ix()].id),
                "commitment",
                omega,
            );
        }
    }
    rows
}

/// `A|B` with the smaller id (as a string) first.
pub fn dyad_id(world: &World, a: NationIx, b: NationIx) -> String {
    let (x, y) = (
        world.nations[a.ix()].id.as_str(),
        world.nations[b.ix()].id.as_str(),
    );
    if x <= y {
        format!("{x}|{y}")
    } else {
        format!("{y}|{x}")
    }
}

/// The RSI of every region at every tick of a trajectory, as (region index, values).
pub fn region_series(states: &[State], region: RegionIx) -> Vec<f64> {
    states
        .iter()
        .map(|s| s.region_stability[region.ix()])
        .collect()
}
