//! One tick of the engine in the fixed order of MODEL.md 2.1.

use super::derived::Derived;
use super::events::apply_scheduled;
use super::ids::NationIx;
use super::index::{RegionsAtStart, measure_regions, update_regions};
use super::ledger::{LedgerBuilder, TickLedger};
use super::rules::alliances::{self, initial_commitment};
use super::rules::{arms, domestic, economy, relations};
use super::state::State;
use super::world::World;

/// Sets the commitments of alliances in force at load with the creation formula (MODEL.md 2.5 K).
/// Runs before calibration, which measures the world with these commitments in place.
pub fn commit_load_alliances(world: &World, state: &mut State) {
    let derived = Derived::compute(world, state);
    for (a, info) in world.alliances.iter().enumerate() {
        if info.formed_by.is_some() {
            continue;
        }
        let commitments: Vec<(NationIx, f64)> = info
            .founders
            .iter()
            .map(|&m| {
                (
                    m,
                    initial_commitment(world, state, &derived, m, &info.founders),
                )
            })
            .collect();
        state.alliances[a].members = commitments;
        state.alliances[a].records = info
            .founders
            .iter()
            .map(|&m| super::rules::alliances::join_record(state, m, &info.founders))
            .collect();
    }
}

/// Fills the derived outputs of the state at load: presence and the regional indices.
pub fn finish_load(world: &World, state: &mut State) {
    let derived = Derived::compute(world, state);
    for (i, nation) in state.nations.iter_mut().enumerate() {
        nation.presence = derived.presence[i];
    }
    measure_regions(world, state, &derived);
}

/// Advances `state` by one tick and returns what changed (empty when `record` is false).
pub fn step(world: &World, state: &mut State, record: bool) -> TickLedger {
    let mut ledger = LedgerBuilder::new(record);
    let start_sizes = super::derived::sizes(state, &world.calibration.norms);
    let start = RegionsAtStart::measure(world, state, &start_sizes, record);

    // 1. Discrete actions and their one-off shocks.
    apply_scheduled(world, state, &mut ledger);

    // 2. Derived quantities from the post-shock state.
    let derived = Derived::compute(world, state);

    // Pairs the rules can now move are stored (neutral, so no value changes).
    relations::close_pairs(world, state, &derived);

    // 3–4. Every continuous update reads the same post-shock state (Jacobi) and is applied after.
    let old = state.clone();
    for i in old.nation_indices() {
        let mut next = domestic::update_nation(world, &old, &derived, i, &mut ledger);
        arms::update(world, &old, &derived, i, &mut next, &mut ledger);
        economy::update(world, &old, &derived, i, &mut next, &mut ledger);
        state.nations[i.ix()] = next;
    }
    let balance = relations::balance_sums(&old, &derived);
    for (dyad, balance) in state.dyads.values_mut().zip(balance) {
        *dyad = relations::update_dyad(world, &old, &derived, dyad, balance, &mut ledger);
    }
    for alliance in &mut state.alliances {
        if alliance.status.is_active() {
            alliance.age = alliance.age.saturating_add(1);
        }
    }

    // 5. Alliance checks and the regional indices.
    alliances::update_commitments(world, &old, &derived, state, &mut ledger);
    state.tick += 1;
    alliances::membership_checks(world, state, &mut ledger);
    super::intervention::after_step(world, state, &mut ledger);
    let end_sizes = super::derived::sizes(state, &world.calibration.norms);
    update_regions(world, &start, state, &end_sizes, &mut ledger);

    // 6. Random events for the next tick, drawn from the finished state.
    if world.settings.random_events {
        let derived = Derived::compute(world, state);
        state.pending_random = super::random_events::draw(world, state, &derived, state.tick);
    }

    ledger.finish(state.tick)
}
