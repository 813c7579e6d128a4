//! One tick of the engine in the fixed order of MODEL.md 2.1.

use std::cell::RefCell;

use super::derived::Derived;
use super::events::apply_scheduled;
use super::ids::NationIx;
use super::index::{RegionsAtStart, measure_regions, update_regions};
use super::ledger::{LedgerBuilder, TickLedger};
use super::origins;
use super::rules::alliances::{self, initial_commitment};
use super::rules::balance_pull::BalancePull;
use super::rules::{arms, domestic, economy, relations};
use super::state::{NationState, State};
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
        let records = commitments
            .iter()
            .map(|&(m, omega)| {
                alliances::join_record(
                    world,
                    state,
                    &derived,
                    &info.founders,
                    state.alliances[a].age,
                    m,
                    omega,
                    alliances::Joining::AtLoad,
                )
            })
            .collect();
        state.alliances[a].members = commitments;
        state.alliances[a].records = records;
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

/// Buffers one step needs, kept from tick to tick so that stepping allocates nothing once they
/// have grown to the world's size. Nothing in them carries over between steps: every step
/// overwrites what it reads.
#[derive(Debug, Default)]
struct Workspace {
    derived: Derived,
    nations: Vec<NationState>,
    pull: BalancePull,
    balance: Vec<f64>,
    pair_inputs: relations::PairInputs,
    commitments: Vec<f64>,
    sizes: Vec<f64>,
}

thread_local! {
    static WORKSPACE: RefCell<Workspace> = RefCell::new(Workspace::default());
}

/// Computes every nation's new variables from `old` into `next`; `RECORD` says whether `ledger`
/// records.
fn update_nations<const RECORD: bool>(
    world: &World,
    old: &State,
    derived: &Derived,
    next: &mut Vec<NationState>,
    ledger: &mut LedgerBuilder,
) {
    next.clear();
    for i in old.nation_indices() {
        let mut nation = domestic::update_nation::<RECORD>(world, old, derived, i, ledger);
        arms::update(world, old, derived, i, &mut nation, ledger);
        economy::update(world, old, derived, i, &mut nation, ledger);
        next.push(nation);
    }
}

/// Updates every stored pair in place from the step's inputs; `RECORD` says whether `ledger`
/// records, a constant so the plain loop carries no ledger work.
fn update_pairs<const RECORD: bool>(
    world: &World,
    state: &mut State,
    pair_inputs: &relations::PairInputs,
    balance: &[f64],
    ledger: &mut LedgerBuilder,
) {
    let tick = state.tick;
    let (nations, dyads) = (&state.nations, &mut state.dyads);
    let inputs = pair_inputs.in_storage_order(balance);
    for (position, input) in inputs.enumerate() {
        let dyad = dyads.at(position);
        let next = relations::update_dyad::<RECORD>(world, nations, tick, &dyad, &input, ledger);
        dyads.set_values(position, next.relation, next.trust, next.fighting);
    }
}

/// Advances `state` by one tick and returns what changed (empty when `record` is false).
pub fn step(world: &World, state: &mut State, record: bool) -> TickLedger {
    WORKSPACE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut workspace) => step_with(world, state, record, &mut workspace),
        // A step inside a step (never in the engine itself) gets buffers of its own.
        Err(_) => step_with(world, state, record, &mut Workspace::default()),
    })
}

fn step_with(
    world: &World,
    state: &mut State,
    record: bool,
    workspace: &mut Workspace,
) -> TickLedger {
    let mut ledger = LedgerBuilder::new(record);
    let start = RegionsAtStart::measure(state, record);

    // 1. Discrete actions and their one-off shocks; the nations they touch are marked with them
    // (`origins`), and so are those a treaty running out or a drawdown touches.
    apply_scheduled(world, state, &mut ledger, &mut workspace.derived);

    // 2. Derived quantities from the post-shock state.
    let derived = &mut workspace.derived;
    derived.recompute(world, state);

    // Pairs the rules can now move are stored, each priced in at its load values, so storing
    // one changes nothing by itself.
    relations::close_pairs(world, state, derived);
    super::calibrate::price_in_new_pairs(world, state);

    // Triggers pass one tie on (over the pairs stored now, so a threat that appears this tick
    // carries its origin), as this step passes the changes of the last one on. The ledger
    // names these origins on this tick's responses.
    origins::spread(world, state);
    let origins_now = record.then(|| state.origins.clone());

    // 3. Every continuous update reads the same post-shock state (Jacobi). New values of nations
    // and commitments go to buffers; a pair's new values depend only on its own old ones (and on
    // sums taken before), so pairs are updated in place, after everything that reads them.
    let old: &State = state;
    if record {
        update_nations::<true>(world, old, derived, &mut workspace.nations, &mut ledger);
    } else {
        update_nations::<false>(world, old, derived, &mut workspace.nations, &mut ledger);
    }
    // Commitments are recorded after the pairs, as they always were: the ledger lists changes
    // in the order the step first touches them.
    let mut commitment_ledger = LedgerBuilder::new(record);
    workspace.commitments.clear();
    alliances::update_commitments(
        world,
        old,
        derived,
        &mut workspace.commitments,
        &mut commitment_ledger,
    );
    workspace.pull.compute(old, derived, &mut workspace.balance);
    workspace.pair_inputs.compute(world, old, derived);
    let (pair_inputs, balance) = (&workspace.pair_inputs, &workspace.balance);
    if record {
        update_pairs::<true>(world, state, pair_inputs, balance, &mut ledger);
    } else {
        update_pairs::<false>(world, state, pair_inputs, balance, &mut ledger);
    }
    ledger.absorb(commitment_ledger);

    // 4. Apply the new values of nations and commitments.
    std::mem::swap(&mut state.nations, &mut workspace.nations);
    alliances::apply_commitments(state, &workspace.commitments);
    for alliance in &mut state.alliances {
        if alliance.status.is_active() {
            alliance.age = alliance.age.saturating_add(1);
        }
    }

    // 5. Alliance checks and the regional indices.
    state.tick += 1;
    alliances::membership_checks(world, state, &mut ledger);
    super::intervention::after_step(world, state, &mut ledger);
    super::derived::sizes_into(state, &world.calibration.norms, &mut workspace.sizes);
    update_regions(world, &start, state, &workspace.sizes, &mut ledger);

    // 6. Random events for the next tick, drawn from the finished state.
    if world.settings.random_events {
        derived.recompute(world, state);
        state.pending_random = super::random_events::draw(world, state, derived, state.tick);
    }

    let mut finished = ledger.finish(state.tick);
    if let Some(origins_now) = origins_now {
        origins::attribute(world, state, &origins_now, &mut finished);
    }
    finished
}
