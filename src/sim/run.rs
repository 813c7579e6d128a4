//! A simulation run: a world, its current state and the trajectory so far.

use std::borrow::Cow;
use std::sync::{Mutex, PoisonError};

use crate::model::Scenario;

use super::ledger::TickLedger;
use super::state::State;
use super::world::{InvalidScenario, World};

/// Bytes of kept states above which a run keeps fewer of them (see [`Simulation`]).
pub const STATE_BUDGET_BYTES: usize = 64 << 20;

/// A run of a scenario: its states from tick 0 to the current tick.
///
/// States are kept at every tick while they fit in [`STATE_BUDGET_BYTES`] (every bundled scenario
/// and classroom-sized world). Past that, the run keeps only checkpoints — the ticks divisible by
/// a spacing that doubles each time the kept states outgrow the budget — and the latest state; a
/// state between checkpoints is recomputed from the one before it (at most spacing − 1 steps).
/// The step is deterministic, so a recomputed state is bit-identical to the one that was dropped.
///
/// The ledger is not kept either: the ledger of tick t is recomputed on demand by stepping the
/// state of tick t − 1 again with recording on ([`Simulation::ledger`]), which gives exactly the
/// ledger a recording run would have produced, while plain stepping stays free of its cost.
#[derive(Clone, Debug)]
pub struct Simulation {
    world: World,
    /// Kept states in tick order: tick 0, every tick divisible by `spacing`, and the latest.
    kept: Vec<State>,
    /// Distance between checkpoints (a power of two; 1 keeps every state).
    spacing: u32,
    /// Approximate heap bytes of `kept`.
    kept_bytes: usize,
    /// Bytes of kept states above which `spacing` doubles.
    budget: usize,
    /// The state recomputed last, so that reading the next tick (playback) takes one step.
    replayed: ReplayCache,
}

/// The last state [`Simulation::state`] recomputed between checkpoints. Every state of a run is
/// fixed once computed (the step is deterministic), so the cache never goes stale; a copy of the
/// run starts with an empty one.
#[derive(Debug, Default)]
struct ReplayCache(Mutex<Option<State>>);

impl Clone for ReplayCache {
    fn clone(&self) -> Self {
        ReplayCache::default()
    }
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
            kept_bytes: state.approximate_bytes(),
            kept: vec![state],
            spacing: 1,
            budget: STATE_BUDGET_BYTES,
            replayed: ReplayCache::default(),
        })
    }

    /// Replaces the memory budget for kept states (tests use small ones to exercise
    /// checkpoints on small worlds). Takes effect from the next step.
    pub fn with_state_budget(mut self, bytes: usize) -> Simulation {
        self.budget = bytes;
        self
    }

    /// The resolved world.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// The latest state.
    pub fn current(&self) -> &State {
        self.kept
            .last()
            .expect("a simulation always holds its tick-0 state")
    }

    /// The distance between kept states (1 while every state is kept).
    pub fn checkpoint_spacing(&self) -> u32 {
        self.spacing
    }

    /// The state at `tick`, borrowed when it is kept and recomputed from the checkpoint before it
    /// otherwise; None past the latest tick.
    pub fn state(&self, tick: u32) -> Option<Cow<'_, State>> {
        if tick > self.tick() {
            return None;
        }
        let at = self.kept.partition_point(|s| s.tick <= tick) - 1;
        let kept = &self.kept[at];
        if kept.tick == tick {
            return Some(Cow::Borrowed(kept));
        }
        let mut cache = self
            .replayed
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut state = match cache.take() {
            Some(cached) if kept.tick < cached.tick && cached.tick <= tick => cached,
            _ => kept.clone(),
        };
        while state.tick < tick {
            super::step::step(&self.world, &mut state, false);
        }
        *cache = Some(state.clone());
        Some(Cow::Owned(state))
    }

    /// The latest kept state at or before `tick` (a checkpoint, or the state itself when kept):
    /// where recomputing the state at `tick` starts.
    pub fn kept_state_at_or_before(&self, tick: u32) -> &State {
        let at = self.kept.partition_point(|s| s.tick <= tick).max(1) - 1;
        &self.kept[at]
    }

    /// Calls `visit` with every state from `from` to `to` (clamped to the latest tick) in tick
    /// order, recomputing each stretch between checkpoints once.
    pub fn for_each_state(&self, from: u32, to: u32, mut visit: impl FnMut(&State)) {
        let to = to.min(self.tick());
        if from > to {
            return;
        }
        let mut replay: Option<State> = None;
        for tick in from..=to {
            let at = self.kept.partition_point(|s| s.tick <= tick) - 1;
            if self.kept[at].tick == tick {
                replay = None;
                visit(&self.kept[at]);
                continue;
            }
            let state = match replay.as_mut() {
                Some(state) if state.tick + 1 == tick => state,
                _ => {
                    let mut state = self.kept[at].clone();
                    while state.tick + 1 < tick {
                        super::step::step(&self.world, &mut state, false);
                    }
                    replay.insert(state)
                }
            };
            super::step::step(&self.world, state, false);
            visit(state);
        }
    }

    /// Copies of every state so far, tick 0 first (recomputing those between checkpoints): for
    /// tests and for handing a whole run to another thread.
    pub fn collect_states(&self) -> Vec<State> {
        let mut states = Vec::with_capacity(self.tick() as usize + 1);
        self.for_each_state(0, self.tick(), |state| states.push(state.clone()));
        states
    }

    /// The ledger of the step that produced tick `tick` (1 ≤ tick ≤ the latest tick), recomputed
    /// from the state of the tick before.
    pub fn ledger(&self, tick: u32) -> Option<TickLedger> {
        if tick == 0 || tick > self.tick() {
            return None;
        }
        let before = self.state(tick - 1)?;
        Some(ledger_of_step(&self.world, &before))
    }

    /// The ledgers of ticks `from + 1 ..= to`, in tick order (empty where not computed yet).
    pub fn ledgers(&self, from: u32, to: u32) -> Vec<TickLedger> {
        let mut ledgers = Vec::new();
        if to > from {
            self.for_each_state(from, to.saturating_sub(1), |before| {
                ledgers.push(ledger_of_step(&self.world, before));
            });
        }
        ledgers
    }

    /// The tick of the latest state.
    pub fn tick(&self) -> u32 {
        self.current().tick
    }

    /// Advances one tick. The latest state is stepped in place unless it is a checkpoint, in
    /// which case a copy of it is.
    pub fn advance(&mut self) {
        if self.latest_is_checkpoint() {
            // The checkpoint stays as it is from now on: without the spare capacity that
            // stepping it in place left, it costs what the budget counts.
            if let Some(checkpoint) = self.kept.last_mut() {
                checkpoint.shrink_to_fit();
            }
            let mut state = self.current().clone();
            super::step::step(&self.world, &mut state, false);
            self.keep(state);
            return;
        }
        let Some(latest) = self.kept.last_mut() else {
            return;
        };
        self.kept_bytes -= latest.approximate_bytes();
        super::step::step(&self.world, latest, false);
        self.kept_bytes += latest.approximate_bytes();
        self.thin();
    }

    /// Whether the latest state must be kept when the run moves on: tick 0 and the ticks
    /// divisible by the checkpoint spacing.
    fn latest_is_checkpoint(&self) -> bool {
        self.kept.len() == 1 || self.tick().is_multiple_of(self.spacing)
    }

    /// Appends a state computed elsewhere (a background thread) by stepping a copy of this run's
    /// latest state with [`super::step::step`]; a state that is not the next tick is ignored.
    pub fn push_state(&mut self, state: State) {
        if state.tick == self.tick() + 1 && state.tick <= self.world.horizon {
            self.keep(state);
        }
    }

    /// Makes `state` (the next tick) the latest, dropping the previous latest unless it is a
    /// checkpoint, and thins the checkpoints while the kept states outgrow the budget.
    fn keep(&mut self, state: State) {
        if !self.latest_is_checkpoint()
            && let Some(dropped) = self.kept.pop()
        {
            self.kept_bytes -= dropped.approximate_bytes();
        }
        self.kept_bytes += state.approximate_bytes();
        self.kept.push(state);
        self.thin();
    }

    /// Doubles the checkpoint spacing (dropping the checkpoints in between) while the kept
    /// states outgrow the budget.
    fn thin(&mut self) {
        while self.kept_bytes > self.budget && self.kept.len() > 2 {
            self.spacing = self.spacing.saturating_mul(2);
            let (spacing, latest) = (self.spacing, self.tick());
            self.kept
                .retain(|s| s.tick.is_multiple_of(spacing) || s.tick == latest);
            self.kept_bytes = self.kept.iter().map(State::approximate_bytes).sum();
        }
    }

    /// A run of `scenario` that takes over `previous`'s states up to tick `from` when they are
    /// provably the same: `from` is `Some` when `scenario` differs from the one `previous` ran
    /// only in events at `from` or later (see [`first_affected_tick`]; `None` when the world
    /// itself changed), and both worlds start alike ([`World::same_load`]). Then the calibration
    /// is reused rather than measured again, and the states after `from` are dropped, not
    /// copied. Anything else starts over from tick 0. Either way the result equals a fresh run
    /// of `scenario`; reusing only saves the work.
    pub fn resume(
        previous: Simulation,
        scenario: &Scenario,
        from: Option<u32>,
    ) -> Result<Simulation, InvalidScenario> {
        if let Some(from) = from {
            let mut world = World::build(scenario)?;
            world.seed = scenario.seed;
            if world.same_load(&previous.world) {
                world.calibration = previous.world.calibration.clone();
                let run = previous.continued_in(world, from);
                debug_assert!(
                    start(scenario, scenario.seed)
                        .is_ok_and(|(fresh, state)| fresh.calibration == run.world.calibration
                            && state == run.kept[0]),
                    "a resumed run must start as a fresh one"
                );
                return Ok(run);
            }
        }
        Ok(Self::new(scenario)?.with_state_budget(previous.budget))
    }

    /// This run's states up to `tick`, continued in `world` (same start, other events).
    fn continued_in(mut self, world: World, tick: u32) -> Simulation {
        let keep = tick.min(self.tick()).min(world.horizon);
        self.world = world;
        self.replayed = ReplayCache::default();
        self.truncate_to(keep);
        self
    }

    /// Forgets every state after `tick`, so the run continues from there (a rewind). Stepping
    /// again reproduces the same states, because the step is deterministic.
    pub fn truncate_to(&mut self, tick: u32) {
        if tick >= self.tick() {
            return;
        }
        let keep = self.kept.partition_point(|s| s.tick <= tick).max(1);
        for dropped in self.kept.drain(keep..) {
            self.kept_bytes -= dropped.approximate_bytes();
        }
        // The latest kept state may be a checkpoint before `tick`: recompute up to it.
        self.run_to(tick);
    }

    /// Advances until the latest state is at `tick` (no-op if already there or beyond).
    pub fn run_to(&mut self, tick: u32) {
        while self.tick() < tick {
            self.advance();
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
    // then every pair the rules can move, then the scales and reference values measured on all
    // of it.
    world.calibration.norms = super::calibrate::normalisers(&state);
    world.calibration.scales = super::calibrate::scales(&world, &state, &world.calibration.norms);
    super::step::commit_load_alliances(&world, &mut state);
    let derived = super::derived::Derived::compute(&world, &state);
    super::rules::relations::close_pairs(&world, &mut state, &derived);
    world.calibration.scales = super::calibrate::scales(&world, &state, &world.calibration.norms);
    world.calibration = super::calibrate::measure(&world, &state);
    super::calibrate::set_references(&world, &mut state);
    for (nation, &ambition) in state.nations.iter_mut().zip(&world.calibration.ambition) {
        nation.ambition = ambition;
    }
    super::step::finish_load(&world, &mut state);
    world.calibration.self_test_drift = super::calibrate::self_test(&world, &state);
    if world.settings.random_events {
        let derived = super::derived::Derived::compute(&world, &state);
        state.pending_random = super::random_events::draw(&world, &state, &derived, 0);
    }
    Ok((world, state))
}

/// The first tick whose result can differ between runs of `old` and `new` when only the timeline
/// (and the canvas layout) changed: the tick of the first event that differs. None when the
/// world itself changed, so that everything may differ from tick 0. Events at tick t act during
/// the step from t to t + 1, so every state up to t is unaffected.
pub fn first_affected_tick(old: &Scenario, new: &Scenario) -> Option<u32> {
    let without_timeline = |scenario: &Scenario| Scenario {
        events: Vec::new(),
        layout: Default::default(),
        exercise: None,
        ..scenario.clone()
    };
    if without_timeline(old) != without_timeline(new) {
        return None;
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
    Some(first)
}
