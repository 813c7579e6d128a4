//! The open document: the scenario, where it lives on disk, whether it has unsaved changes, its
//! undo history and the simulation run computed from it. Every edit goes through `apply`.

use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;
use std::time::{Duration, Instant};

use crate::model::{Event, EventHandle, Scenario, validate};
use crate::sim::Simulation;
use crate::sim::run::first_affected_tick;

use super::background::{Background, StabilityWatch};
use super::edit::{Edit, EditError, number_events};

pub use super::background::StabilityLine;

/// Groups consecutive edits into one undo step (a whole drag, one slider movement).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeKey(pub String);

/// One undo or redo step: the scenario as it was, and what the edit did.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    scenario: Scenario,
    revision: u64,
}

/// Unsaved-changes bookkeeping works on revisions: every applied edit gets a new one, undo and
/// redo restore the old ones, and the document is dirty when its revision is not the saved one.
pub struct Document {
    scenario: Scenario,
    path: Option<PathBuf>,
    revision: u64,
    next_revision: u64,
    saved_revision: Option<u64>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    merge: Option<MergeKey>,
    simulation: Option<Simulation>,
    run_id: u64,
    /// What starting this scenario's run cost (about a tick and the calibration).
    start_cost: Duration,
    /// Consecutive `compute` calls whose cheapest tick was slower than `slow_tick` (the
    /// cheapest, because a thread that was paused makes single ticks look slow).
    slow_calls: u8,
    /// A tick slower than this makes the scenario slow.
    slow_tick: Duration,
    background: Option<Background>,
    /// The stability report of the world at load, computed when the document opens and again
    /// after an edit of the world itself (not of its timeline).
    stability: StabilityWatch,
    /// The handle the next scheduled event gets: handles are never reused while the document
    /// is open, so a handle held anywhere names one event or none.
    next_event_handle: u64,
}

/// The next run id, shared by every document.
static NEXT_RUN_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_run_id() -> u64 {
    NEXT_RUN_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// Memory the app lets a run's kept states take before it keeps checkpoints only. More than the
/// engine's default: every state that is not kept costs a step when the canvas shows its tick
/// (50 ms at 500 nations), and a lab machine has memory to spare for smooth playback.
pub const APP_STATE_BUDGET_BYTES: usize = 512 << 20;

/// A tick slower than this marks the scenario as slow: its run is computed on a background
/// thread so frames keep coming.
pub const COMPUTE_SLOW_TICK: Duration = Duration::from_millis(4);

/// See [`Document::is_slow`].
fn slow(start_cost: Duration, slow_calls: u8, slow_tick: Duration) -> bool {
    start_cost > slow_tick.saturating_mul(10) || slow_calls >= 2
}

/// How many undo steps are kept.
const UNDO_DEPTH: usize = 500;

impl Document {
    /// A document on `scenario`, saved at `path` if it came from there.
    pub fn new(mut scenario: Scenario, path: Option<PathBuf>) -> Self {
        let saved = path.as_ref().map(|_| 0);
        let next_event_handle = number_events(&mut scenario, 1);
        let mut document = Self {
            scenario,
            path,
            revision: 0,
            next_revision: 1,
            saved_revision: saved,
            undo: Vec::new(),
            redo: Vec::new(),
            merge: None,
            simulation: None,
            run_id: next_run_id(),
            start_cost: Duration::ZERO,
            slow_calls: 0,
            slow_tick: COMPUTE_SLOW_TICK,
            background: None,
            stability: StabilityWatch::None,
            next_event_handle,
        };
        let started = Instant::now();
        document.simulation = Simulation::new(&document.scenario)
            .ok()
            .map(|run| run.with_state_budget(APP_STATE_BUDGET_BYTES));
        // Starting steps once to check the calibration: it costs about a tick.
        document.start_cost = started.elapsed();
        document.stability = StabilityWatch::start(document.simulation.as_ref());
        document
    }

    /// A document that was never saved but counts as unchanged (a bundled example, a new file).
    pub fn unchanged(scenario: Scenario) -> Self {
        let mut document = Self::new(scenario, None);
        document.saved_revision = Some(0);
        document
    }

    /// The scenario as edited.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The file this document was opened from or last saved to.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Identifies the run: a new number whenever the run is rebuilt (a new document, an edit of
    /// the model, an undo), never reused, so caches of results can tell runs apart.
    pub fn run_id(&self) -> u64 {
        self.run_id
    }

    /// The scenario's revision: a new number at every change, the old one back on undo.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Whether there are changes not saved to `path`.
    pub fn is_dirty(&self) -> bool {
        self.saved_revision != Some(self.revision)
    }

    /// The stability report of the world at load, once it is computed, and whether the world
    /// has been edited since (then the report is out of date).
    pub fn stability(&self) -> Option<&StabilityLine> {
        match &self.stability {
            StabilityWatch::Ready(line) | StabilityWatch::OutOfDate(line) => Some(line),
            _ => None,
        }
    }

    /// Whether the world was edited since its stability was worked out.
    pub fn stability_out_of_date(&self) -> bool {
        matches!(self.stability, StabilityWatch::OutOfDate(_))
    }

    /// Works out the stability of the world as it is now (on a background thread for large
    /// worlds).
    pub fn check_stability(&mut self) {
        self.stability = StabilityWatch::start(self.simulation.as_ref());
    }

    /// Waits for the stability report (tests; the app polls it in [`Self::compute`]).
    pub fn wait_for_stability(&mut self) -> Option<&StabilityLine> {
        if let StabilityWatch::Pending(receiver) = &self.stability {
            self.stability = match receiver.recv() {
                Ok(line) => StabilityWatch::Ready(line),
                Err(_) => StabilityWatch::None,
            };
        }
        self.stability()
    }

    /// The simulation of the current scenario (None only if the engine refused it).
    pub fn simulation(&self) -> Option<&Simulation> {
        self.simulation.as_ref()
    }

    /// Computes the run further, up to its horizon, for at most `budget` of wall-clock time, so
    /// the window stays responsive however large the scenario. True when the whole run is
    /// computed. Ticks are stepped here while they are quick; once the scenario is slow
    /// ([`Self::is_slow`]) the rest of the run is stepped on a background thread and each call
    /// takes what it has finished. The results do not depend on the budget or the thread, only
    /// how soon they are there.
    pub fn compute(&mut self, budget: Duration) -> bool {
        self.stability.poll();
        let Some(run) = self.simulation.as_mut() else {
            return true;
        };
        let horizon = run.world().horizon;
        if let Some(background) = &self.background {
            loop {
                match background.states.try_recv() {
                    Ok(state) => run.push_state(state),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        self.background = None;
                        break;
                    }
                }
            }
            if run.tick() >= horizon {
                self.background = None;
            }
            return run.tick() >= horizon;
        }
        let was_slow = slow(self.start_cost, self.slow_calls, self.slow_tick);
        let started = Instant::now();
        let mut cheapest = Duration::MAX;
        while run.tick() < horizon && !was_slow {
            let tick = Instant::now();
            run.advance();
            cheapest = cheapest.min(tick.elapsed());
            if started.elapsed() >= budget {
                break;
            }
        }
        if cheapest < Duration::MAX {
            self.slow_calls = if cheapest > self.slow_tick {
                self.slow_calls.saturating_add(1)
            } else {
                0
            };
        }
        if slow(self.start_cost, self.slow_calls, self.slow_tick) && run.tick() < horizon {
            self.background = Background::start(run);
        }
        run.tick() >= horizon
    }

    /// Sets how slow a tick must be for the scenario to count as slow (see [`Self::is_slow`]).
    pub fn set_slow_tick(&mut self, slow_tick: Duration) {
        self.slow_tick = slow_tick;
    }

    /// Whether one tick of this scenario takes long enough that work per tick (computing it,
    /// recomputing its ledger) belongs on a background thread.
    /// Either its start alone took ten slow ticks, or two calls in a row found no quick tick.
    pub fn is_slow(&self) -> bool {
        slow(self.start_cost, self.slow_calls, self.slow_tick)
    }

    /// Whether the run is being computed on a background thread.
    pub fn computing_in_background(&self) -> bool {
        self.background.is_some()
    }

    /// Computes the whole run now (waiting for a background computation to finish).
    pub fn compute_all(&mut self) {
        while self.background.is_some() {
            if self.compute(Duration::ZERO) {
                break;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        if let Some(run) = self.simulation.as_mut()
            && run.tick() < run.world().horizon
        {
            let (started, from) = (Instant::now(), run.tick());
            run.run_to(run.world().horizon);
            let mean = started.elapsed() / (run.tick() - from);
            // A mean over a whole run is not fooled by a pause.
            self.slow_calls = if mean > self.slow_tick { 2 } else { 0 };
        }
    }

    /// Ticks computed so far and the horizon; (0, 0) when there is no run.
    pub fn progress(&self) -> (u32, u32) {
        self.simulation
            .as_ref()
            .map_or((0, 0), |run| (run.tick(), run.world().horizon))
    }

    /// The name for the title bar and prompts: the scenario title, and its file once saved.
    pub fn display_name(&self) -> String {
        let title = match self.scenario.meta.title.0.trim() {
            "" => "Untitled",
            title => title,
        };
        let file = self
            .path
            .as_ref()
            .and_then(|path| path.file_name())
            .map(|name| name.to_string_lossy());
        match file {
            Some(file) => format!("{title} ({file})"),
            None => title.to_owned(),
        }
    }

    /// Checks and applies one edit. `merge` joins it to the previous undo step when both carry
    /// the same key (one drag, one slider movement). An invalid edit changes nothing.
    pub fn apply(&mut self, edit: &Edit, merge: Option<MergeKey>) -> Result<(), EditError> {
        let mut next = self.scenario.clone();
        let scheduled;
        let edit = match edit {
            Edit::ScheduleEvent(event) => {
                scheduled = Edit::ScheduleEvent(Event {
                    handle: self.fresh_event_handle(),
                    ..event.clone()
                });
                &scheduled
            }
            _ => edit,
        };
        edit.apply(&mut next)?;
        let problems = validate(&next);
        if let Some(problem) = problems.first() {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more problems)", n - 1),
            };
            return Err(EditError(format!("{}{more}", problem.message)));
        }
        if next == self.scenario {
            return Ok(());
        }
        let merging = merge.is_some() && merge == self.merge && !self.undo.is_empty();
        if !merging {
            self.undo.push(Step {
                label: edit.label(&self.scenario),
                scenario: self.scenario.clone(),
                revision: self.revision,
            });
            if self.undo.len() > UNDO_DEPTH {
                self.undo.remove(0);
            }
        }
        self.merge = merge;
        self.redo.clear();
        self.revision = self.next_revision;
        self.next_revision += 1;
        if matches!(edit, Edit::ScheduleEvent(_)) {
            self.next_event_handle += 1;
        }
        let previous = std::mem::replace(&mut self.scenario, next);
        if edit.changes_model() {
            self.resimulate(&previous);
        }
        Ok(())
    }

    /// The handle the next event scheduled by [`Self::apply`] will get.
    pub fn fresh_event_handle(&self) -> EventHandle {
        EventHandle(self.next_event_handle)
    }

    /// Ends the current merge group, so the next edit starts a new undo step.
    pub fn end_merge(&mut self) {
        self.merge = None;
    }

    /// What Undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|step| step.label.as_str())
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|step| step.label.as_str())
    }

    /// Undoes the last step; false if there is none.
    pub fn undo(&mut self) -> bool {
        self.swap_step(true)
    }

    /// Redoes the last undone step; false if there is none.
    pub fn redo(&mut self) -> bool {
        self.swap_step(false)
    }

    fn swap_step(&mut self, undo: bool) -> bool {
        let (from, to) = if undo {
            (&mut self.undo, &mut self.redo)
        } else {
            (&mut self.redo, &mut self.undo)
        };
        let Some(step) = from.pop() else {
            return false;
        };
        let previous = std::mem::replace(&mut self.scenario, step.scenario);
        to.push(Step {
            label: step.label.clone(),
            scenario: previous.clone(),
            revision: self.revision,
        });
        self.revision = step.revision;
        self.merge = None;
        self.resimulate(&previous);
        true
    }

    /// Records that the document was saved to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_revision = Some(self.revision);
    }

    /// Forgets the file, so the next save asks where (a recovered autosave, a copy).
    pub fn forget_path(&mut self) {
        self.path = None;
        self.saved_revision = None;
    }

    /// Invalidates the run from the first tick the change from `previous` can affect: what came
    /// before is kept, the rest is computed again by [`Self::compute`].
    fn resimulate(&mut self, previous: &Scenario) {
        let from = first_affected_tick(previous, &self.scenario);
        // Ticks still arriving belong to the old run.
        self.background = None;
        let run = match self.simulation.take() {
            Some(old) => Simulation::resume(old, &self.scenario, from),
            None => Simulation::new(&self.scenario)
                .map(|run| run.with_state_budget(APP_STATE_BUDGET_BYTES)),
        };
        self.simulation = run.ok();
        self.run_id = next_run_id();
        // The world itself changed (not only its timeline): its stability may have too.
        if from.is_none() {
            self.stability = match std::mem::replace(&mut self.stability, StabilityWatch::None) {
                StabilityWatch::Ready(line) | StabilityWatch::OutOfDate(line) => {
                    StabilityWatch::OutOfDate(line)
                }
                _ => StabilityWatch::None,
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Attribute;

    fn document() -> Document {
        let scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        Document::unchanged(scenario)
    }

    fn set_stability(value: f64) -> Edit {
        Edit::SetAttribute {
            nation: "T".into(),
            attribute: Attribute::Stability,
            value,
        }
    }

    fn stability(document: &Document) -> f64 {
        document
            .scenario()
            .nations
            .iter()
            .find(|n| n.id.as_str() == "T")
            .unwrap()
            .stability
    }

    #[test]
    fn an_edit_can_be_undone_and_redone_and_tracks_dirtiness() {
        let mut document = document();
        assert!(!document.is_dirty());
        document.apply(&set_stability(0.3), None).unwrap();
        assert!(document.is_dirty());
        assert_eq!(
            document.undo_label(),
            Some("set domestic stability of \"Target State\"")
        );
        assert!(document.undo());
        assert_eq!(stability(&document), 0.45);
        assert!(!document.is_dirty(), "back at the saved revision");
        assert!(document.redo());
        assert_eq!(stability(&document), 0.3);
        assert!(document.is_dirty());
    }

    #[test]
    fn an_invalid_edit_changes_nothing() {
        let mut document = document();
        let error = document.apply(&set_stability(7.0), None).unwrap_err();
        assert!(error.0.contains("outside the accepted range"), "{error}");
        assert_eq!(stability(&document), 0.45);
        assert!(!document.is_dirty());
        assert_eq!(document.undo_label(), None);
    }

    #[test]
    fn merged_edits_are_one_undo_step() {
        let mut document = document();
        let key = Some(MergeKey("slider".into()));
        for value in [0.4, 0.35, 0.3] {
            document.apply(&set_stability(value), key.clone()).unwrap();
        }
        document.end_merge();
        document.apply(&set_stability(0.2), key).unwrap();
        assert!(document.undo());
        assert_eq!(stability(&document), 0.3);
        assert!(document.undo());
        assert_eq!(stability(&document), 0.45);
        assert!(!document.undo());
    }

    #[test]
    fn moving_nodes_keeps_the_run_and_an_edit_resimulates_it() {
        let mut document = document();
        document.compute_all();
        let before = document.simulation().unwrap().collect_states().to_vec();
        document
            .apply(&Edit::MoveNodes(vec![("T".into(), (5.0, 5.0))]), None)
            .unwrap();
        assert_eq!(document.simulation().unwrap().collect_states(), &before[..]);
        // A change of the start invalidates everything; the run is computed again.
        document.apply(&set_stability(0.2), None).unwrap();
        assert_eq!(document.progress(), (0, 80));
        document.compute_all();
        let after = document.simulation().unwrap();
        assert_eq!(after.tick(), 80);
        assert_ne!(after.collect_states()[1], before[1]);
    }

    #[test]
    fn only_an_edit_of_the_world_puts_its_stability_out_of_date() {
        let mut document = document();
        document.compute_all();
        assert!(document.stability().is_some());
        // An event moved to tick 0 changes the run from tick 0, not the world at rest.
        move_the_intervention(&mut document, 0);
        assert!(!document.stability_out_of_date());
        let load = |document: &Document| {
            std::sync::Arc::clone(&document.simulation().unwrap().world().calibration.load)
        };
        let before = load(&document);
        move_the_intervention(&mut document, 3);
        assert!(std::sync::Arc::ptr_eq(&before, &load(&document)));
        document.apply(&set_stability(0.2), None).unwrap();
        assert!(document.stability_out_of_date());
        assert!(!std::sync::Arc::ptr_eq(&before, &load(&document)));
    }

    /// Mesa Crisis schedules the regime change as its third event, at tick 12.
    fn move_the_intervention(document: &mut Document, tick: u32) {
        let mut event = document.scenario().events[2].clone();
        assert!(matches!(
            event.action,
            crate::model::Action::Intervention(_)
        ));
        event.tick = tick;
        let handle = event.handle;
        document
            .apply(&Edit::UpdateEvent { handle, event }, None)
            .unwrap();
    }

    #[test]
    fn moving_an_event_keeps_the_run_before_it_and_matches_a_fresh_run() {
        let mut document = document();
        document.compute_all();
        let before = document.simulation().unwrap().clone();
        move_the_intervention(&mut document, 20);
        // Everything up to tick 12 is kept; the rest waits for `compute`.
        assert_eq!(document.progress(), (12, 80));
        assert_eq!(
            document.simulation().unwrap().collect_states(),
            &before.collect_states()[..=12]
        );
        document.compute_all();
        let mut fresh = Simulation::new(document.scenario()).unwrap();
        fresh.run_to(80);
        let resumed = document.simulation().unwrap();
        assert_eq!(resumed.collect_states(), fresh.collect_states());
        assert_eq!(resumed.ledgers(0, 80), fresh.ledgers(0, 80));
        assert_ne!(resumed.collect_states()[16], before.collect_states()[16]);
        // Undo restores the earlier run exactly.
        document.undo();
        document.compute_all();
        assert_eq!(
            document.simulation().unwrap().collect_states(),
            before.collect_states()
        );
        assert_eq!(
            document.simulation().unwrap().ledgers(0, 80),
            before.ledgers(0, 80)
        );
    }

    #[test]
    fn computing_within_a_budget_makes_progress_and_finishes() {
        let mut document = document();
        assert_eq!(document.progress(), (0, 80));
        let mut calls = 0;
        while !document.compute(Duration::ZERO) {
            calls += 1;
            if document.computing_in_background() {
                std::thread::sleep(Duration::from_millis(1));
            } else {
                // A zero budget still computes one tick per call.
                assert_eq!(document.progress().0, calls);
            }
        }
        assert_eq!(document.progress(), (80, 80));
    }

    /// Calls `compute` as frames would until the run is complete.
    fn compute_like_frames(document: &mut Document) {
        for _ in 0..100_000 {
            if document.compute(Duration::from_millis(8)) {
                return;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        panic!("the run did not finish");
    }

    #[test]
    fn a_slow_scenario_is_computed_in_the_background_with_the_same_results() {
        let mut fresh = Simulation::new(document().scenario()).unwrap();
        fresh.run_to(80);
        let mut document = document();
        document.slow_calls = 2;
        assert!(!document.compute(Duration::from_millis(8)));
        assert!(document.computing_in_background());
        compute_like_frames(&mut document);
        assert!(!document.computing_in_background());
        assert_eq!(
            document.simulation().unwrap().collect_states(),
            fresh.collect_states()
        );

        // An edit while the background is busy: the old ticks are dropped, the new run matches a
        // fresh run of the edited scenario.
        document.apply(&set_stability(0.2), None).unwrap();
        assert!(!document.compute(Duration::from_millis(8)));
        move_the_intervention(&mut document, 20);
        compute_like_frames(&mut document);
        let mut fresh = Simulation::new(document.scenario()).unwrap();
        fresh.run_to(80);
        assert_eq!(
            document.simulation().unwrap().collect_states(),
            fresh.collect_states()
        );
        document.undo();
        document.compute_all();
        assert_eq!(document.progress(), (80, 80));
    }
}
