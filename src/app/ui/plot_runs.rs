//! The plot's what-if runs: the *Runs* menu (keep as baseline, branch here, and for each kept
//! run: shown, compared, renamed, switched to, deleted; the difference view and the Why panel's
//! comparison), and the kept runs' series, computed once per run, view and selection.

use std::collections::BTreeMap;
use std::rc::Rc;

use crate::app::command::{Command, Intent, RunsChange};
use crate::app::state::AppState;
use crate::editor::runs::PinnedRun;
use crate::editor::selection::Selection;
use crate::editor::series::{PlotView, Series, series};

/// What a kept run's series depend on: the run, the plot view and the selection.
type KeptKey = (u64, PlotView, Selection);

/// The kept runs' series and the names being typed in the Runs menu.
#[derive(Debug, Default)]
pub struct RunsView {
    /// Series by (run id, view, selection): a kept run never changes, so neither do they.
    kept: Vec<(KeptKey, Rc<[Series]>)>,
    /// A run's name while it is being typed, by run id; applied when the field is left.
    typing: BTreeMap<u64, String>,
}

impl RunsView {
    /// The series of `run` for `view` and `selection`.
    pub fn series_of(
        &mut self,
        run: &PinnedRun,
        view: PlotView,
        selection: &Selection,
    ) -> Rc<[Series]> {
        let key = (run.id, view, selection.clone());
        if let Some((_, lines)) = self.kept.iter().find(|(k, _)| *k == key) {
            return Rc::clone(lines);
        }
        let lines: Rc<[Series]> = series(&run.simulation, view, selection).into();
        // A few views of a few runs: an old entry goes once there are many.
        if self.kept.len() >= 32 {
            self.kept.remove(0);
        }
        self.kept.push((key, Rc::clone(&lines)));
        lines
    }
}

/// While seeds are running: how far, and a button to stop them.
pub fn seeds_progress_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    if let Some((done, all)) = app.seeds().progress() {
        ui.add(
            egui::ProgressBar::new(done as f32 / all.max(1) as f32)
                .desired_width(90.0)
                .text(format!("seeds {done} of {all}")),
        );
        if ui.small_button("Cancel").clicked() {
            intents.push(Intent::Runs(RunsChange::CancelSeeds));
        }
    } else if app.seeds().stale(app.document.revision()) {
        ui.weak("seeds out of date").on_hover_text(
            "The scenario changed since the seeds were run: Runs → Run 100 seeds again",
        );
    }
}

/// The Runs menu button.
pub fn runs_menu_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    view: &mut RunsView,
    intents: &mut Vec<Intent>,
) {
    let runs = app.runs();
    let title = match runs.pinned().len() {
        0 => "Runs".to_owned(),
        n => format!("Runs ({n})"),
    };
    ui.menu_button(title, |ui| {
        ui.set_min_width(340.0);
        let mut command = |ui: &mut egui::Ui, text: &str, help: &str, command: Command| {
            if ui.button(text).on_hover_text(help).clicked() {
                intents.push(Intent::Run(command));
                ui.close();
            }
        };
        command(
            ui,
            "Keep as baseline",
            "Keep the current run, drawn faint, to compare what you do next with (Ctrl+B)",
            Command::KeepBaseline,
        );
        command(
            ui,
            "Branch here",
            "Keep the current run and branch from the cursor: edits change only what comes after it",
            Command::BranchHere,
        );
        command(
            ui,
            "Run 100 seeds",
            "Run the scenario under 100 seeds of its random events on every core: median and bands on the regional view",
            Command::RunSeeds,
        );
        if let Some(branch) = runs.branch() {
            ui.horizontal_wrapped(|ui| {
                ui.weak(format!(
                    "A branch from tick {} of \"{}\"",
                    branch.tick, branch.from
                ));
                if ui.small_button("End the branch").clicked() {
                    intents.push(Intent::Runs(RunsChange::EndBranch));
                }
            });
        }
        if runs.pinned().is_empty() {
            ui.weak("No runs kept yet.");
            return;
        }
        ui.separator();
        let compared = runs.compared().map(|run| run.id);
        for run in runs.pinned() {
            ui.horizontal(|ui| {
                let mut shown = run.shown;
                if ui
                    .checkbox(&mut shown, "")
                    .on_hover_text(format!("Show \"{}\" on the plot", run.name))
                    .changed()
                {
                    intents.push(Intent::Runs(RunsChange::Show(run.id, shown)));
                }
                if ui
                    .radio(compared == Some(run.id), "")
                    .on_hover_text(format!("Compare the current run with \"{}\"", run.name))
                    .clicked()
                {
                    intents.push(Intent::Runs(RunsChange::Compare(Some(run.id))));
                }
                let name = view
                    .typing
                    .entry(run.id)
                    .or_insert_with(|| run.name.clone());
                let field = ui.add(egui::TextEdit::singleline(name).desired_width(150.0));
                if field.lost_focus() {
                    if *name != run.name {
                        intents.push(Intent::Runs(RunsChange::Rename(run.id, name.clone())));
                    }
                    view.typing.remove(&run.id);
                } else if !field.has_focus() {
                    // Not being typed: follow the name as it is.
                    *name = run.name.clone();
                }
                if ui
                    .small_button("Switch to")
                    .on_hover_text("Make this run's scenario the current one (Undo takes it back)")
                    .clicked()
                {
                    intents.push(Intent::Runs(RunsChange::SwitchTo(run.id)));
                    ui.close();
                }
                if ui.small_button("Delete").clicked() {
                    intents.push(Intent::Runs(RunsChange::Remove(run.id)));
                }
            });
        }
        ui.separator();
        let name = runs.compared().map_or("the compared run", |run| run.name.as_str());
        ui.add_enabled_ui(compared.is_some(), |ui| {
            let mut difference = runs.difference;
            if ui
                .checkbox(&mut difference, format!("Plot the difference from \"{name}\""))
                .changed()
            {
                intents.push(Intent::Runs(RunsChange::Difference(difference)));
            }
            let mut explain = runs.explain_difference;
            if ui
                .checkbox(
                    &mut explain,
                    format!("Why panel: explain the difference from \"{name}\""),
                )
                .changed()
            {
                intents.push(Intent::Runs(RunsChange::ExplainDifference(explain)));
            }
        });
    });
}
