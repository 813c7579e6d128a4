//! A simulation run: a world, its current state and the trajectory so far.

use crate::model::Scenario;

use super::calibrate::{Calibration, Normalisers};
use super::ledger::TickLedger;
use super::state::State;
use super::world::{InvalidScenario, World};

/// A run of a scenario: every state from tick 0 to the current tick.
///
/// The ledger is not kept: the ledger of tick t is recomputed on demand by stepping the kept state
/// of tick t − 1 again with recording on ([`Simulation::ledger`]). The step is deterministic, so
/// this gives exactly the ledger a recording run would have produced, while plain stepping stays
/// free of the ledger's cost in time and memory.
#[derive(Clone, Debug)]
pub struct Simulation {
    world: World,
    states: Vec<State>,
}

impl Simulation {
    /// Starts a run at tick 0: validates and resolves the scenario, calibrates the baseline.
    pub fn new(scenario: &Scenario) -> Result<Simulation, InvalidScenario> {
        Self::with_seed(scenario, scenario.seed)
    }

    /// Like [`Simulation::new`] with the seed replaced.
    pub fn with_seed(scenario: &Scenario, seed: u64) -> Result<Simulation, InvalidScenario> {
        let (world, state) = start(scenario, seed)?;
        Ok(Simulation {
            world,
            states: vec![state],
        })
    }

    /// The resolved world.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The latest state.
    pub fn current(&self) -> &State {
        self.states
            .last()
            .expect("a simulation always holds its tick-0 state")
    }

    /// Every state so far, tick 0 first.
    pub fn states(&self) -> &[State] {
        &self.states
    }

    /// The ledger of the step that produced tick `tick` (1 ≤ tick ≤ the latest tick), recomputed
    /// from the kept state of the tick before.
    pub fn ledger(&self, tick: u32) -> Option<TickLedger> {
        let before = self.states.get(tick.checked_sub(1)? as usize)?;
        if tick > self.tick() {
            return None;
        }
        Some(ledger_of_step(&self.world, before))
    }

    /// The ledgers of ticks `from + 1 ..= to`, in tick order (empty where not computed yet).
    pub fn ledgers(&self, from: u32, to: u32) -> Vec<TickLedger> {
        (from.saturating_add(1)..=to.min(self.tick()))
            .filter_map(|tick| self.ledger(tick))
            .collect()
    }

    /// The tick of the latest state.
    pub fn tick(&self) -> u32 {
        self.current().tick
    }

    /// Advances one tick.
    pub fn step(&mut self) {
        let mut state = self.current().clone();
        super::step::step(&self.world, &mut state, false);
        self.states.push(state);
    }

    /// Appends a state computed elsewhere (a background thread) by stepping a copy of this run's
    /// latest state with [`super::step::step`]; a state that is not the next tick is ignored.
    pub fn push_state(&mut self, state: State) {
        if state.tick == self.tick() + 1 && state.tick <= self.world.horizon {
            self.states.push(state);
        }
    }

    /// A run of `scenario` that keeps `previous`'s states and ledgers up to tick `from` when they
    /// are provably the same: `scenario` may differ from the one `previous` ran only in events at
    /// `from` or later (see [`first_affected_tick`]), and both runs start from the same tick-0
    /// state and calibration. Anything else starts over from tick 0. Either way the result equals
    /// a fresh run of `scenario`; reusing the prefix only saves the work.
    pub fn resume(
        previous: &Simulation,
        scenario: &Scenario,
        from: u32,
    ) -> Result<Simulation, InvalidScenario> {
        let mut run = Self::new(scenario)?;
        let same_start = previous.states[0] == run.states[0]
            && previous.world.calibration == run.world.calibration;
        if from > 0 && same_start {
            let keep = from.min(previous.tick()).min(run.world.horizon);
            run.states = previous.states[..=keep as usize].to_vec();
        }
        Ok(run)
    }

    /// Forgets every state after `tick`, so the run continues from there (a rewind). Stepping
    /// again reproduces the same states, because the step is deterministic.
    pub fn truncate_to(&mut self, tick: u32) {
        let keep = tick as usize + 1;
        self.states.truncate(keep.max(1));
    }

    /// Advances until the latest state is at `tick` (no-op if already there or beyond).
    pub fn run_to(&mut self, tick: u32) {
        while self.tick() < tick {
            self.step();
        }
    }
}

/// The ledger of the step from `before` to the next tick (the step is deterministic, so this is
/// the ledger the run's own step had).
pub fn ledger_of_step(world: &World, before: &State) -> TickLedger {
    let mut state = before.clone();
    super::step::step(world, &mut state, true)
}

/// Builds the world and the calibrated tick-0 state of a scenario under `seed`.
pub fn start(scenario: &Scenario, seed: u64) -> Result<(World, State), InvalidScenario> {
    let mut world = World::build(scenario)?;
    world.seed = seed;
    let mut state = State::initial(scenario, &world);
    // Order matters: sizes first, then the commitments of load alliances (they shape threat),
    // then every pair the rules can move, then the reference values measured on all of it.
    world.calibration.norms = Normalisers::measure(&state);
    super::step::commit_load_alliances(&world, &mut state);
    let derived = super::derived::Derived::compute(&world, &state);
    super::rules::relations::close_pairs(&world, &mut state, &derived);
    world.calibration = Calibration::measure(&world, &state);
    world.calibration.set_references(&world, &mut state);
    for (nation, &ambition) in state.nations.iter_mut().zip(&world.calibration.ambition) {
        nation.ambition = ambition;
    }
    super::step::finish_load(&world, &mut state);
    world.calibration.self_test_drift = Calibration::self_test(&world, &state);
    if world.settings.random_events {
        let derived = super::derived::Derived::compute(&world, &state);
        state.pending_random = super::random_events::draw(&world, &state, &derived, 0);
    }
    Ok((world, state))
}

/// The first tick whose result can differ between runs of `old` and `new`: the tick of the first
/// event that differs when only the timeline (and the canvas layout) changed, else 0. Events at
/// tick t act during the step from t to t + 1, so every state up to t is unaffected.
pub fn first_affected_tick(old: &Scenario, new: &Scenario) -> u32 {
    let without_timeline = |scenario: &Scenario| Scenario {
        events: Vec::new(),
        layout: Default::default(),
        exercise: None,
        ..scenario.clone()
    };
    if without_timeline(old) != without_timeline(new) {
        return 0;
    }
    // Compared position by position: an event found in one list only, or at another position,
    // shows up as a difference at some position, and the earliest tick among them bounds what
    // can change (without relying on the lists being sorted).
    let (a, b) = (&old.events, &new.events);
    let mut first = old.horizon.max(new.horizon);
    for k in 0..a.len().max(b.len()) {
        match (a.get(k), b.get(k)) {
            (Some(x), Some(y)) if x == y => {}
            (x, y) => {
                for event in [x, y].into_iter().flatten() {
                    first = first.min(event.tick);
                }
            }
        }
    }
    first
}
