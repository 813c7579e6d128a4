//! Work a document hands to other threads so that frames keep coming: the rest of a slow run,
//! and the stability report of a large world. Results arrive over channels and the document
//! takes them when it computes (`Document::compute`).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError};

use crate::sim::{Simulation, State};

/// What the stability report says of the world as it stands at load (docs/MODEL.md, "Stability
/// at rest"), in the words the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct StabilityLine {
    /// Whether every disturbance fades.
    pub stable: bool,
    /// A few words for the status bar.
    pub short: String,
    /// The whole sentence (`entente check`).
    pub sentence: String,
    /// The slowest modes with their loops and carriers (`entente check --stability`).
    pub details: Vec<String>,
}

impl StabilityLine {
    /// The report on `run`'s world at load.
    fn of(run: &Simulation) -> StabilityLine {
        let world = run.world();
        let state = run
            .state(0)
            .map(std::borrow::Cow::into_owned)
            .unwrap_or_else(|| run.current().clone());
        let report = crate::sim::stability::analyse(world, &state, Default::default());
        StabilityLine {
            stable: report.is_stable(),
            short: report.short(world),
            sentence: report.sentence(world),
            details: report.details(world),
        }
    }
}

/// Nations up to which the stability report is computed at once (a few milliseconds); larger
/// worlds get it from a background thread.
const INLINE_STABILITY_NATIONS: usize = 60;

/// The stability report, ready or on its way.
pub(super) enum StabilityWatch {
    None,
    Pending(Receiver<StabilityLine>),
    Ready(StabilityLine),
    /// The world was edited since this report: it is kept, marked out of date, until the user
    /// checks again (working it out at every slider step would cost a hundred ticks each).
    OutOfDate(StabilityLine),
}

impl StabilityWatch {
    pub(super) fn start(run: Option<&Simulation>) -> StabilityWatch {
        let Some(run) = run else {
            return StabilityWatch::None;
        };
        if run.world().nation_count() <= INLINE_STABILITY_NATIONS {
            return StabilityWatch::Ready(StabilityLine::of(run));
        }
        let (sender, receiver) = std::sync::mpsc::channel();
        let run = run.clone();
        let spawned = std::thread::Builder::new()
            .name("stability report".to_owned())
            .spawn(move || {
                // The document may have moved on; then nobody listens.
                let _ = sender.send(StabilityLine::of(&run));
            });
        match spawned {
            Ok(_) => StabilityWatch::Pending(receiver),
            // No thread to spare: no report until the user asks again (Check stability).
            Err(_) => StabilityWatch::None,
        }
    }

    pub(super) fn poll(&mut self) {
        if let StabilityWatch::Pending(receiver) = self {
            match receiver.try_recv() {
                Ok(line) => *self = StabilityWatch::Ready(line),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => *self = StabilityWatch::None,
            }
        }
    }
}

/// Ticks of the current run being computed on a background thread, arriving in order.
pub(super) struct Background {
    pub(super) states: Receiver<State>,
    cancel: Arc<AtomicBool>,
}

impl Background {
    /// Steps a copy of `run`'s latest state to the horizon on a new thread; None if no thread
    /// can be started (the run is then computed frame by frame as before).
    pub(super) fn start(run: &Simulation) -> Option<Self> {
        let (sender, states) = std::sync::mpsc::channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let world = run.world().clone();
        let mut state = run.current().clone();
        let stop = Arc::clone(&cancel);
        let spawned = std::thread::Builder::new()
            .name("run".to_owned())
            .spawn(move || {
                while state.tick < world.horizon && !stop.load(Ordering::Relaxed) {
                    crate::sim::step::step(&world, &mut state, false);
                    if sender.send(state.clone()).is_err() {
                        return; // the document moved on
                    }
                }
            });
        spawned.ok().map(|_| Self { states, cancel })
    }
}

impl Drop for Background {
    fn drop(&mut self) {
        self.cancel.store(true, Ordering::Relaxed);
    }
}
