//! *Run 100 seeds* in the app: an ensemble of the current scenario (`sim::ensemble`) worked out
//! on a background thread, which spreads the seeds over every core, with its progress and a
//! cancel; the finished ensemble is kept with the document revision it belongs to, so the plot
//! draws its bands only while the scenario is the one it was run on.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::model::Scenario;
use crate::sim::ensemble::{Band, Control, Ensemble, run};

/// How many seeds *Run 100 seeds* runs.
pub const SEEDS: u32 = 100;

/// An ensemble being worked out, or the last one.
#[derive(Default)]
pub struct Seeds {
    job: Option<Job>,
    result: Option<Done>,
}

struct Job {
    control: Arc<Control>,
    revision: u64,
    added: bool,
    count: u32,
    receiver: Receiver<Result<Option<Ensemble>, String>>,
}

/// A finished ensemble.
#[derive(Clone, Debug)]
pub struct Done {
    /// The document revision it was run on.
    pub revision: u64,
    /// Whether random events were turned on for it (the scenario has them off).
    pub random_events_added: bool,
    /// The runs, summarised.
    pub ensemble: Arc<Ensemble>,
    /// Each region's band at every tick, worked out once for the plot to draw every frame.
    pub bands: Arc<[Vec<Band>]>,
}

impl std::fmt::Debug for Seeds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Seeds")
            .field("running", &self.progress())
            .field("done", &self.result.as_ref().map(|d| d.revision))
            .finish()
    }
}

impl Seeds {
    /// Starts an ensemble of `scenario` at document `revision`, with random events on (without
    /// them every seed is the same run). Cancels one under way. False if no thread can start.
    pub fn start(&mut self, scenario: &Scenario, revision: u64) -> bool {
        self.cancel();
        let mut scenario = scenario.clone();
        let added = !scenario.settings.random_events;
        scenario.settings.random_events = true;
        let control = Arc::new(Control::default());
        let (sender, receiver) = std::sync::mpsc::channel();
        let shared = Arc::clone(&control);
        let spawned = std::thread::Builder::new()
            .name("seeds".to_owned())
            .spawn(move || {
                let result = run(&scenario, SEEDS, &shared).map_err(|e| e.to_string());
                // The app may have closed; then nobody listens.
                let _ = sender.send(result);
            });
        if spawned.is_err() {
            return false;
        }
        self.job = Some(Job {
            control,
            revision,
            added,
            count: SEEDS,
            receiver,
        });
        true
    }

    /// Stops the ensemble under way, if any.
    pub fn cancel(&mut self) {
        if let Some(job) = self.job.take() {
            job.control.cancel.store(true, Ordering::Relaxed);
        }
    }

    /// (seeds done, seeds in all) while an ensemble is under way.
    pub fn progress(&self) -> Option<(u32, u32)> {
        self.job
            .as_ref()
            .map(|job| (job.control.done.load(Ordering::Relaxed), job.count))
    }

    /// Takes a finished ensemble in; returns a message when one finished or failed.
    pub fn poll(&mut self) -> Option<Result<String, String>> {
        let job = self.job.as_ref()?;
        let outcome = match job.receiver.try_recv() {
            Err(TryRecvError::Empty) => return None,
            Err(TryRecvError::Disconnected) => Err("the seeds' thread stopped".to_owned()),
            Ok(Err(reason)) => Err(reason),
            Ok(Ok(None)) => Err("cancelled".to_owned()),
            Ok(Ok(Some(ensemble))) => {
                let added = job.added;
                let regions = ensemble.followed.iter().filter(|f| f.kind == "region");
                let bands = regions
                    .enumerate()
                    .map(|(r, _)| {
                        (0..=ensemble.horizon)
                            .map(|t| ensemble.band(t, r))
                            .collect()
                    })
                    .collect();
                self.result = Some(Done {
                    revision: job.revision,
                    random_events_added: added,
                    ensemble: Arc::new(ensemble),
                    bands,
                });
                Ok(format!(
                    "Ran {SEEDS} seeds{}: the plot shows the median and the 50% and 90% bands",
                    if added {
                        " with random events on (the scenario has them off)"
                    } else {
                        ""
                    }
                ))
            }
        };
        self.job = None;
        Some(outcome)
    }

    /// The finished ensemble if it was run on `revision`.
    pub fn current(&self, revision: u64) -> Option<&Done> {
        self.result
            .as_ref()
            .filter(|done| done.revision == revision)
    }

    /// Whether a finished ensemble is out of date at `revision`.
    pub fn stale(&self, revision: u64) -> bool {
        self.result
            .as_ref()
            .is_some_and(|done| done.revision != revision)
    }
}
