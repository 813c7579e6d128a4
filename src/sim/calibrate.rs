//! Baseline calibration at load (MODEL.md 2.11): measures the reference values of
//! [`super::reference`] that make a world without actions a fixed point, prices in the pairs and
//! alliance members, and runs the self-test.

use std::sync::Arc;

use super::derived::Derived;
use super::ids::NationIx;
use super::reference::{Calibration, LoadSnapshot, Normalisers, Scales};
use super::rules::relations;
use super::state::{DyadReference, State};
use super::world::World;

fn positive_mean(values: impl Iterator<Item = f64>, count: usize) -> f64 {
    let mean = values.sum::<f64>() / count.max(1) as f64;
    // A world with no military at all still needs finite normalisers.
    if mean > 0.0 { mean } else { 1.0 }
}

/// The means of the state at load.
pub fn normalisers(state: &State) -> Normalisers {
    let n = state.nations.len();
    Normalisers {
        capability: positive_mean(state.nations.iter().map(|x| x.capability), n),
        economy: positive_mean(state.nations.iter().map(|x| x.economy), n),
        effort: positive_mean(state.nations.iter().map(|x| x.effort), n),
    }
}

/// The per-nation scales of the state at load (after every pair the rules can move is stored).
pub fn scales(world: &World, state: &State, norms: &Normalisers) -> Scales {
    // A tenth of the world's mean defence burden, applied to the nation's own economy: the
    // floor keeps a nation that spends nothing finitely sensitive, and a build-up relative to
    // it never weighs more than the war-economy cap on the nation's burden.
    let floor_share = 0.1 * norms.effort / norms.economy;
    let mut scales = Scales::default();
    for i in state.nation_indices() {
        let x = state.nation(i);
        scales
            .effort
            .push(f64::max(x.effort, floor_share * x.economy));
        scales.effort_at_load.push(x.effort);
        scales.capability_at_load.push(x.capability);
        let reach: f64 = state
            .dyads
            .neighbours(i)
            .iter()
            .map(|&(j, _)| world.proximity(i, j))
            .sum();
        scales.threat.push(f64::max(1.0, reach));
    }
    scales
}

/// Measures the reference values on the state at load; `world.calibration` already holds the
/// normalisers and scales.
pub fn measure(world: &World, state: &State) -> Calibration {
    let derived = Derived::compute(world, state);
    let p = &world.params;
    let calibrate = world.settings.calibrate_baseline;
    let mut calibration = Calibration {
        norms: world.calibration.norms,
        scales: world.calibration.scales.clone(),
        ..Calibration::default()
    };
    for i in world.nation_indices() {
        let x = state.nation(i);
        calibration.ideology.push(x.ideology);
        calibration
            .domestic
            .push(super::rules::domestic::measure_inputs(
                world, state, &derived, i,
            ));
        let fear = super::rules::arms::fear(&derived, i);
        calibration.fear.push(fear);
        calibration.effort.push(x.effort);
        calibration.ambition.push(if calibrate {
            p.fatigue_a * x.effort - p.reaction_k * fear
        } else {
            0.0
        });
        calibration
            .economy
            .push(super::rules::economy::measure_terms(
                world, state, &derived, i,
            ));
        calibration
            .arms_inflow
            .push(derived.agreements.arms_inflow[i.ix()]);
        calibration.threat_level.push(derived.threat_level[i.ix()]);
        calibration.cbm.push(derived.agreements.cbm[i.ix()]);
        calibration.stability.push(x.stability);
        calibration
            .conflict
            .push(x.armed_groups + derived.fighting[i.ix()]);
        calibration.armed_groups.push(x.armed_groups);
    }
    calibration.load = Arc::new(LoadSnapshot {
        dyads: state.dyads.clone(),
        sizes: derived.size.clone(),
        legitimacy: state.nations.iter().map(|x| x.legitimacy).collect(),
        neighbourhoods: Arc::new(super::neighbourhood::Neighbourhoods::of(
            &state.dyads,
            &derived.weights,
        )),
    });
    calibration
}

/// The load-time value of every driver the deviation rule subtracts, for a pair stored at load.
fn reference_at_load(
    world: &World,
    state: &State,
    derived: &Derived,
    a: NationIx,
    b: NationIx,
    balance: f64,
) -> DyadReference {
    let link = derived.link(a, b);
    DyadReference {
        balance: if world.settings.calibrate_baseline {
            balance
        } else {
            0.0
        },
        allies: link.allies,
        bloc: relations::bloc_provocation(state, derived, a, b),
        treaty_relation: link.treaty_relation,
        evidence: relations::positive_evidence(state, derived, a, b),
        ideology_gap: (state.nation(a).ideology - state.nation(b).ideology).abs(),
    }
}

/// The references of a pair stored during a run: its drivers' values in the load state, so the
/// changes since load that made the pair matter (a common neighbour's new relation, a new
/// alliance or treaty) move it as they would have moved a pair stored from the start. A pair
/// stored later had no alliance, treaty or bloc link at load (those pairs are stored at load), so
/// only its balance sum and its soft-power evidence were not zero then. The ideological gap is
/// taken when the pair is created: drift before then did not touch a pair that did not exist.
pub fn reference_of_new_pair(
    world: &World,
    state: &State,
    a: NationIx,
    b: NationIx,
) -> DyadReference {
    let load = &world.calibration.load;
    let balance = if world.settings.calibrate_baseline {
        let denominator = load.neighbourhoods.denominator(&load.sizes, a, b, None);
        relations::balance_of_pair(&load.dyads, &load.sizes, denominator, a, b)
    } else {
        0.0
    };
    let ideology = &world.calibration.ideology;
    DyadReference {
        balance,
        evidence: relations::soft_power(
            load.legitimacy[a.ix()],
            load.legitimacy[b.ix()],
            ideology[a.ix()],
            ideology[b.ix()],
        ),
        ideology_gap: (state.nation(a).ideology - state.nation(b).ideology).abs(),
        ..DyadReference::default()
    }
}

/// Prices in the pairs stored since the references were last set (by events or because the rules
/// can now move them): each starts at its own rest point.
pub fn price_in_new_pairs(world: &World, state: &mut State) {
    let priced = state.dyads.references_len();
    if priced == state.dyads.len() {
        return;
    }
    let references: Vec<DyadReference> = (priced..state.dyads.len())
        .map(|position| {
            let (a, b) = state.dyads.ends(position);
            reference_of_new_pair(world, state, a, b)
        })
        .collect();
    state.dyads.extend_references(references);
}

/// Stores in every pair the load values of the drivers the deviation rule subtracts, and in every
/// member of an alliance in force at load the load values of its commitment's inputs.
pub fn set_references(world: &World, state: &mut State) {
    let derived = Derived::compute(world, state);
    let balance = super::rules::balance_pull::balance_sums(state, &derived);
    let references: Vec<DyadReference> = (0..state.dyads.len())
        .zip(balance)
        .map(|(position, balance)| {
            let (a, b) = state.dyads.ends(position);
            reference_at_load(world, state, &derived, a, b, balance)
        })
        .collect();
    state.dyads.set_references(references);
    super::rules::alliances::record_load_members(world, state, &derived);
}

/// Runs the self-test: one tick of a copy of the world without events or random events.
pub fn self_test(world: &World, state: &State) -> f64 {
    let mut quiet = world.clone();
    quiet.events.clear();
    quiet.settings.random_events = false;
    let mut next = state.clone();
    next.pending_random.clear();
    super::step::step(&quiet, &mut next, false);
    let before = super::observe::observe(&quiet, state);
    let after = super::observe::observe(&quiet, &next);
    before
        .iter()
        .zip(&after)
        .filter(|(a, b)| a.kind == b.kind && a.id == b.id && a.variable == b.variable)
        .map(|(a, b)| (a.value - b.value).abs())
        .fold(0.0, f64::max)
}
