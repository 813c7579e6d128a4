//! The "why" panel: for the selected region or nation, the change of its stability at the
//! cursor tick (or since a chosen tick) split into the ledger's named terms, largest first, each
//! with its cause; clicking a cause selects it.

use std::sync::mpsc::{Receiver, TryRecvError};

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::theme;
use crate::editor::compare::{Difference, Side, explain_difference};
use crate::editor::explain::{Explanation, Subject, explain, explain_from};
use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::runs::PinnedRun;
use crate::editor::selection::{Item, Selection};
use crate::model::exercise::Subject as SubjectId;
use crate::sim::{NationIx, RegionIx, Simulation};

/// What an explanation depends on besides the run.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Question {
    /// Whether the run had computed the ticks asked about.
    computed: bool,
    /// Whose stability.
    subject: Subject,
    /// From this tick…
    from: u32,
    /// …to this one.
    to: u32,
}

/// What a two-run explanation depends on: the current run, the kept run, the subject, the tick.
type DifferenceKey = (u64, u64, SubjectId, u32);

/// Why-panel state that is not part of the document.
#[derive(Debug, Default)]
pub struct WhyState {
    /// Sum over an interval starting at this tick, instead of the cursor tick alone.
    pub since: Option<u32>,
    /// What to explain when the selection names no nation or region.
    pub subject: Option<Subject>,
    /// The last explanation: recomputing the ledgers every frame would waste each frame.
    cache: RunCache<Question, Option<Explanation>>,
    /// The last two-run explanation, by (run, kept run, subject, tick).
    difference: Option<(DifferenceKey, Result<Difference, String>)>,
    /// An explanation being worked out on a background thread (for scenarios whose ticks are
    /// slow: each tick's ledger costs a step).
    pending: Option<(RunKey<Question>, Receiver<Explanation>)>,
}

/// Draws the why panel.
pub fn why_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    why_state: &mut WhyState,
    intents: &mut Vec<Intent>,
) {
    let tick = app.tick();
    let Some(run) = app.document.simulation() else {
        return;
    };
    let world = run.world();
    let subject = match app.selection.only() {
        Some(Item::Nation(id)) => world.nation(id.as_str()).map(Subject::Nation),
        Some(Item::Region(id)) => world.region(id.as_str()).map(Subject::Region),
        _ => None,
    }
    .or(why_state.subject)
    .unwrap_or_else(|| most_changed_region(run, tick));

    ui.horizontal(|ui| {
        ui.strong("Why?");
        let label = ui.label("Explain");
        egui::ComboBox::from_id_salt("why subject")
            .selected_text(subject_name(run, subject))
            .show_ui(ui, |ui| {
                let regions = (0..world.regions.len()).map(|r| Subject::Region(RegionIx(r as u32)));
                let nations = world.nation_indices().map(Subject::Nation);
                for choice in regions.chain(nations) {
                    if ui
                        .selectable_label(choice == subject, subject_name(run, choice))
                        .clicked()
                    {
                        why_state.subject = Some(choice);
                        intents.push(Intent::Select(Selection::none()));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    // Compared with a kept run: why the current run differs from it at the cursor.
    if app.runs().explain_difference
        && let Some(kept) = app.runs().compared()
    {
        difference_ui(ui, app, why_state, kept, subject, intents);
        return;
    }
    ui.horizontal(|ui| {
        let mut interval = why_state.since.is_some();
        if ui.radio(!interval, "this tick").clicked() {
            interval = false;
        }
        if ui.radio(interval, "since tick").clicked() {
            interval = true;
        }
        let mut since = why_state.since.unwrap_or(0);
        let field = ui.add_enabled(
            interval,
            egui::DragValue::new(&mut since).range(0..=tick.saturating_sub(1)),
        );
        why_state.since = interval.then_some(since.min(tick.saturating_sub(1)));
        field.on_hover_text("Sum the terms from this tick to the cursor");
    });

    let from = why_state.since.unwrap_or(tick.saturating_sub(1));
    let question = Question {
        computed: tick <= run.tick(),
        subject,
        from,
        to: tick,
    };
    let key = RunKey::new(app.document.run_id(), question);
    let why = match why_state.cache.get(&key) {
        Some(why) => why.clone(),
        None if app.document.is_slow() && question.computed => {
            match explain_in_background(why_state, run, key) {
                Some(why) => Some(why),
                None => {
                    ui.weak("Working out what changed…");
                    ui.ctx().request_repaint();
                    return;
                }
            }
        }
        None => {
            let why = explain(run, subject, from, tick);
            why_state.cache.insert(key, why.clone());
            why
        }
    };
    let Some(why) = why else {
        ui.weak(if tick == 0 {
            "Move the cursor past tick 0 to see what changed."
        } else {
            "Not computed yet."
        });
        return;
    };
    let change = why.after - why.before;
    // A world barely moving is shown with the digits it takes to see its largest cause.
    let digits = why.decimals();
    ui.label(format!(
        "{}: from {:.*} to {:.*} ({change:+.*}), tick {from} to {tick}",
        subject_name(run, subject),
        digits,
        why.before,
        digits,
        why.after,
        digits,
    ));
    parts_ui(ui, &why, &[], intents);
}

/// The parts of an explanation, largest first, each with its cause (a link that selects it);
/// `first` are lines shown before them (what separates two compared scenarios).
fn parts_ui(ui: &mut egui::Ui, why: &Explanation, first: &[String], intents: &mut Vec<Intent>) {
    let digits = why.decimals();
    let (parts, too_small) = why.visible_parts(digits);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for line in first {
                ui.weak(line);
            }
            if parts.is_empty() {
                ui.weak("Nothing moved it.");
            }
            for part in parts.iter().take(12) {
                ui.horizontal_wrapped(|ui| {
                    let colour = if part.value < 0.0 {
                        ui.visuals().error_fg_color
                    } else {
                        theme::GOOD
                    };
                    ui.colored_label(colour, format!("{:+.*}", digits, part.value));
                    match &part.member {
                        Some(member) => ui.label(format!("{} in {member}", part.term)),
                        None => ui.label(&part.term),
                    };
                    match (&part.cause, &part.item) {
                        (Some(cause), Some(item)) => {
                            if ui
                                .link(format!("because of {cause}"))
                                .on_hover_text("Select it")
                                .clicked()
                            {
                                intents.push(Intent::Select(Selection::single(item.clone())));
                            }
                        }
                        (Some(cause), None) => {
                            ui.weak(format!("because of {cause}"));
                        }
                        _ => {
                            ui.weak("(own dynamics)");
                        }
                    }
                });
            }
            let unlisted = too_small + parts.len().saturating_sub(12);
            if unlisted > 0 {
                ui.weak(format!(
                    "and {unlisted} smaller {}",
                    if unlisted == 1 { "cause" } else { "causes" }
                ));
            }
        });
}

/// Why the current run differs from the kept run `kept` at the cursor, for `subject`.
fn difference_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    why_state: &mut WhyState,
    kept: &PinnedRun,
    subject: Subject,
    intents: &mut Vec<Intent>,
) {
    let Some(run) = app.document.simulation() else {
        return;
    };
    let tick = app.tick().min(run.tick());
    let world = run.world();
    let id = match subject {
        Subject::Nation(n) => SubjectId::Nation(world.nations[n.ix()].id.clone()),
        Subject::Region(r) => SubjectId::Region(world.regions[r.ix()].id.clone()),
    };
    let key = (app.document.run_id(), kept.id, id.clone(), tick);
    let difference = match &why_state.difference {
        Some((k, difference)) if *k == key => difference.clone(),
        // Each comparison replays both runs' ledgers up to the cursor: on a slow world, not
        // once a frame while it plays.
        _ if app.playback.is_playing() && app.document.is_slow() => {
            ui.weak("Pause to see why the runs differ at the cursor.");
            return;
        }
        _ => {
            let current = Side {
                name: "the current run",
                scenario: app.document.scenario(),
                run,
            };
            let base = Side {
                name: &kept.name,
                scenario: &kept.scenario,
                run: &kept.simulation,
            };
            let difference =
                explain_difference(base, current, &id, tick).map_err(|e| e.to_string());
            why_state.difference = Some((key, difference.clone()));
            difference
        }
    };
    match difference {
        Ok(difference) => {
            let why = &difference.explanation;
            let digits = why.decimals();
            ui.label(format!(
                "{} at tick {tick}: {:.*} in \"{}\", {:.*} now, a difference of {:+.*}",
                difference.subject,
                digits,
                why.before,
                kept.name,
                digits,
                why.after,
                digits,
                why.after - why.before,
            ));
            let mut first = difference.differs_by.clone();
            if first.is_empty() {
                first.push(format!(
                    "The current run and \"{}\" have the same world and timeline.",
                    kept.name
                ));
            }
            parts_ui(ui, why, &first, intents);
        }
        Err(reason) => {
            ui.weak(format!("Cannot compare with \"{}\": {reason}", kept.name));
        }
    }
}

fn subject_name(run: &Simulation, subject: Subject) -> String {
    let world = run.world();
    match subject {
        Subject::Nation(n) => world.nations[n.ix()].shown_name().to_owned(),
        Subject::Region(r) => world.regions[r.ix()].shown_name().to_owned(),
    }
}

/// The explanation for `key` once a background thread has it (starting one if needed); None
/// while it is being worked out. One thread at a time: while the cursor moves (playback) the
/// panel waits for the running explanation, then starts on wherever the cursor is by then.
fn explain_in_background(
    why: &mut WhyState,
    run: &Simulation,
    key: RunKey<Question>,
) -> Option<Explanation> {
    if let Some((pending, receiver)) = &why.pending {
        let finished = match receiver.try_recv() {
            Ok(explanation) => Some(Some(explanation)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(None),
        };
        let Some(explanation) = finished else {
            return None; // still working
        };
        let pending = pending.clone();
        why.pending = None;
        why.cache.insert(pending.clone(), explanation.clone());
        if pending == key {
            return explanation;
        }
    }
    let Question {
        subject, from, to, ..
    } = key.detail;
    let world = run.world().clone();
    // The kept state at or before `from` is handed over; the thread recomputes the rest.
    let start = run.kept_state_at_or_before(from).clone();
    let (sender, receiver) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("why".to_owned())
        .spawn(move || {
            let _ = sender.send(explain_from(&world, start, subject, from, to));
        });
    match spawned {
        Ok(_) => {
            why.pending = Some((key, receiver));
            None
        }
        // No thread to spare: worked out here, at the cost of this frame.
        Err(_) => {
            let explanation = explain(run, subject, from, to);
            why.cache.insert(key, explanation.clone());
            explanation
        }
    }
}

/// The region whose stability moved most since the start: where a student would look first.
fn most_changed_region(run: &Simulation, tick: u32) -> Subject {
    let (Some(now), Some(start)) = (run.state(tick.min(run.tick())), run.state(0)) else {
        return Subject::Nation(NationIx(0));
    };
    let best = (0..run.world().regions.len())
        .max_by(|&a, &b| {
            let change = |r: usize| (now.region_stability[r] - start.region_stability[r]).abs();
            // On a tie (a world at rest) the first region, not the last.
            change(a).total_cmp(&change(b)).then(b.cmp(&a))
        })
        .unwrap_or(0);
    if run.world().regions.is_empty() {
        Subject::Nation(NationIx(0))
    } else {
        Subject::Region(RegionIx(best as u32))
    }
}
