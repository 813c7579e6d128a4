//! The one door: every intent the UI, the keyboard or a test pushes is carried out here, after
//! drawing. Every edit, whatever route it came by, goes through [`EntenteApp::apply_edit`], which
//! asks the exercise session first and the document second.

use super::EntenteApp;
use super::command::{Command, Intent, RunsChange, UnsavedAnswer};
use super::state::{AfterSave, Prompt};
use crate::editor::document::MergeKey;
use crate::editor::edit::{Edit, fresh_id, positions_with_defaults};
use crate::editor::exercise::{Mode, Session};
use crate::editor::prefs;
use crate::editor::{Item, Selection, layout};
use crate::model::{Alliance, Nation, NationId, RegionId, Text};

impl EntenteApp {
    /// Carries out every queued intent, in order.
    pub fn carry_out(&mut self) {
        let intents = std::mem::take(&mut self.intents);
        for intent in intents {
            self.carry_out_one(intent);
        }
    }

    fn carry_out_one(&mut self, intent: Intent) {
        match intent {
            Intent::Run(command) => self.run_command(command),
            Intent::Edit { edit, merge } => {
                self.apply_edit(&edit, merge);
            }
            Intent::EndMerge => self.state.document.end_merge(),
            Intent::OpenPath(path) => self.guard_unsaved(AfterSave::OpenPath(path)),
            Intent::OpenExample(name) => self.guard_unsaved(AfterSave::OpenExample(name)),
            Intent::Select(selection) => self.state.selection = selection,
            Intent::AddNationAt(position) => self.add_nation_at(position),
            Intent::Seek(tick) => self.seek(tick),
            Intent::SetSpeed(speed) => self.state.playback.set_speed(speed),
            Intent::Focus(depth) => self.views.canvas.focus.set(depth),
            Intent::ShowPrompt(prompt) => self.state.prompt = Some(prompt),
            Intent::ClosePrompt => {
                // Questions are closed by their answers, which say what to do next.
                if !matches!(
                    self.state.prompt,
                    Some(Prompt::Unsaved(_) | Prompt::Recover(_) | Prompt::Replace { .. })
                ) {
                    self.state.prompt = None;
                }
            }
            Intent::AnswerUnsaved(answer) => self.answer_unsaved(answer),
            Intent::AnswerRecovery(recover) => self.answer_recovery(recover),
            Intent::AnswerReplace(replace) => self.answer_replace(replace),
            Intent::CloseLoadErrors => self.state.load_errors = None,
            Intent::WriteReport => self.write_report(),
            Intent::ExportCsv => self.export_csv(),
            Intent::ExportPng => self.export_png(),
            Intent::FileChosen(path) => self.file_chosen(path),
            Intent::SetMode(mode) => self.set_mode(mode),
            Intent::WriteHandout => self.write_handout(),
            Intent::Runs(change) => self.change_runs(change),
            Intent::ChooseRole(role) => {
                let roles = self
                    .state
                    .document
                    .scenario()
                    .exercise
                    .as_ref()
                    .map_or(0, |e| e.roles.len());
                if let Some(session) = &mut self.state.session
                    && role.is_none_or(|k| k < roles)
                {
                    session.role = role;
                }
            }
        }
    }

    /// Keeps the current run under a name, to compare the next ones with.
    fn keep_baseline(&mut self) {
        let state = &mut self.state;
        let Some(run) = state.document.simulation() else {
            state.error("The scenario has problems; there is no run to keep");
            return;
        };
        let name = state.runs.pin("baseline", state.document.scenario(), run);
        state.info(format!(
            "Kept the current run as \"{name}\": it is drawn faint on the plot; edit, and compare"
        ));
    }

    /// Keeps the current run and branches from the cursor tick.
    fn branch_here(&mut self) {
        let tick = self.state.cursor();
        let state = &mut self.state;
        let Some(run) = state.document.simulation() else {
            state.error("The scenario has problems; there is no run to branch from");
            return;
        };
        state.runs.branch_here(tick, state.document.scenario(), run);
        state.info(format!(
            "Branched at tick {tick}: the history up to it stays shared; edits change what comes after"
        ));
    }

    fn change_runs(&mut self, change: RunsChange) {
        let runs = &mut self.state.runs;
        let outcome = match change {
            RunsChange::Rename(id, name) => runs.rename(id, &name),
            RunsChange::Show(id, shown) => runs.set_shown(id, shown),
            RunsChange::Compare(id) => runs.set_compared(id),
            RunsChange::Remove(id) => runs.remove(id).map(|run| {
                self.state.info(format!("Deleted run \"{}\"", run.name));
            }),
            RunsChange::Difference(on) => {
                runs.difference = on;
                Ok(())
            }
            RunsChange::ExplainDifference(on) => {
                runs.explain_difference = on;
                Ok(())
            }
            RunsChange::EndBranch => {
                runs.end_branch();
                Ok(())
            }
            RunsChange::CancelSeeds => {
                self.state.seeds.cancel();
                self.state.info("Stopped the seeds");
                Ok(())
            }
            RunsChange::SwitchTo(id) => match runs.get(id) {
                Some(run) => {
                    let edit = Edit::SwitchRun {
                        name: run.name.clone(),
                        scenario: Box::new(run.scenario.clone()),
                    };
                    // The run switched to is no branch of the one that was current.
                    runs.end_branch();
                    self.apply_edit(&edit, None);
                    Ok(())
                }
                None => Err("that run no longer exists".to_owned()),
            },
        };
        if let Err(reason) = outcome {
            self.state
                .error(format!("Cannot change the runs: {reason}"));
        }
    }

    /// Opens the exercise editor; on a scenario without an exercise, makes an empty one first.
    /// Only a teacher writes the exercise: a student's copy and student mode refuse.
    fn open_exercise_editor(&mut self) {
        if self.state.is_handout() {
            self.state.error(
                "This is a student's copy of the exercise: only the teacher's file edits it",
            );
            return;
        }
        if self
            .state
            .session
            .as_ref()
            .is_some_and(|s| s.mode == Mode::Student)
        {
            self.state
                .error("Switch to teacher mode (in the exercise panel) to edit the exercise");
            return;
        }
        if self.state.document.scenario().exercise.is_none() {
            let edit = Edit::SetExercise(Some(Box::default()));
            if !self.apply_edit(&edit, None) {
                return;
            }
            self.state
                .info("Made an exercise on this scenario: you are in teacher mode");
        }
        self.views.exercise_editor.open = true;
    }

    /// Switches between teacher and student mode; a student's copy stays in student mode.
    fn set_mode(&mut self, mode: Mode) {
        if self.state.is_handout() && mode == Mode::Teacher {
            self.state
                .error("This is a student's copy of the exercise: it has no teacher mode");
            return;
        }
        if let Some(session) = &mut self.state.session {
            session.mode = mode;
        }
    }

    /// Applies an edit, or reports in the status bar why it cannot be; true if it applied.
    /// Every edit passes here: the exercise session may refuse it (student mode and its locks),
    /// then the document may (the edit names something missing, or leaves the scenario invalid).
    pub(super) fn apply_edit(&mut self, edit: &Edit, merge: Option<MergeKey>) -> bool {
        let state = &mut self.state;
        if let Some(reason) = state.refusal(edit) {
            state.error(format!("Not in this exercise: {reason}"));
            return false;
        }
        // A branch changes only what comes after its tick.
        if edit.changes_model() && state.runs.branch().is_some() {
            let before = state.document.scenario();
            let mut after = before.clone();
            if edit.apply(&mut after).is_ok()
                && let Some(reason) = state.runs.refusal(before, &after)
            {
                state.error(format!("Not on this branch: {reason}"));
                return false;
            }
        }
        let scheduled = state.document.fresh_event_handle();
        match state.document.apply(edit, merge) {
            Ok(()) => {
                state.selection.retain_existing(state.document.scenario());
                if state.status.as_ref().is_some_and(|s| s.is_error) {
                    state.status = None;
                }
                state.session = Session::follow(state.session.take(), state.document.scenario());
                if matches!(edit, Edit::ScheduleEvent(_)) {
                    // A new event is selected, for the inspector to show what was scheduled.
                    let item = Item::Event(scheduled);
                    if item.exists_in(state.document.scenario()) {
                        state.selection = Selection::single(item);
                    }
                }
                true
            }
            Err(error) => {
                let label = edit.label(state.document.scenario());
                state.error(format!("Cannot {label}: {error}"));
                false
            }
        }
    }

    fn add_nation_at(&mut self, position: (f32, f32)) {
        let scenario = self.state.document.scenario();
        let id = fresh_id("n", |id| {
            scenario.nations.iter().any(|n| n.id.as_str() == id)
        });
        let region: Option<RegionId> = match self.state.selection.only() {
            Some(Item::Nation(other)) => scenario
                .nations
                .iter()
                .find(|n| &n.id == other)
                .map(|n| n.region.clone()),
            Some(Item::Region(region)) => Some(region.clone()),
            _ => None,
        }
        .or_else(|| scenario.regions.first().map(|r| r.id.clone()));
        let Some(region) = region else {
            self.state
                .error("Cannot add a nation: the scenario needs a region first");
            return;
        };
        let mut nation = Nation::new(&id, region.as_str());
        nation.name = Text(format!("Nation {}", &id[1..]));
        let edit = Edit::AddNation { nation, position };
        if self.apply_edit(&edit, None) {
            self.state.selection = Selection::single(Item::Nation(NationId(id)));
        }
    }

    fn run_command(&mut self, command: Command) {
        let horizon = self.state.horizon();
        match command {
            Command::New => self.guard_unsaved(AfterSave::New),
            Command::Open => self.guard_unsaved(AfterSave::Open),
            Command::Save => self.save(None),
            Command::SaveAs => self.save_as(None),
            Command::Quit => self.guard_unsaved(AfterSave::Quit),
            Command::Undo => self.undo_or_redo(true),
            Command::Redo => self.undo_or_redo(false),
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                let scenario = self.state.document.scenario();
                let ids = scenario.nations.iter().map(|n| n.id.clone());
                self.state.selection = Selection::nations(ids);
            }
            Command::AddNation => {
                // At the centre of the view, or the free spot nearest it.
                let centre = self.views.canvas.centre_in_canvas();
                let positions = positions_with_defaults(self.state.document.scenario());
                self.add_nation_at(layout::free_spot_near(&positions, centre, 60.0));
            }
            Command::CreateAlliance => self.create_alliance(),
            Command::Rename => match self.selected_nation() {
                Some(id) => {
                    let name = crate::model::describe::nation(self.state.document.scenario(), &id);
                    self.views.canvas.start_rename(id, name);
                }
                None => self.state.info("Select one nation to rename it"),
            },
            Command::NodeMenu => match self.selected_nation() {
                Some(id) => self.views.canvas.open_menu_of(id),
                None => self.state.info("Select one nation to open its actions"),
            },
            Command::PlayPause => self.state.playback.play_pause(horizon),
            Command::NextTick => self.pause_at(self.state.cursor().saturating_add(1)),
            Command::PreviousTick => self.pause_at(self.state.cursor().saturating_sub(1)),
            Command::JumpToStart => self.pause_at(0),
            Command::JumpToEnd => self.pause_at(horizon),
            Command::CheckStability => self.state.document.check_stability(),
            Command::KeepBaseline => self.keep_baseline(),
            Command::BranchHere => self.branch_here(),
            Command::RunSeeds => {
                let state = &mut self.state;
                let revision = state.document.revision();
                if state.seeds.start(state.document.scenario(), revision) {
                    state.info("Running 100 seeds in the background…");
                } else {
                    state.error("Could not start the seeds: no thread to spare");
                }
            }
            Command::FitView => self.views.canvas.request_fit(),
            Command::FocusNeighbourhood => self.views.canvas.focus.cycle(),
            Command::FindNation => self.views.canvas.open_find(),
            Command::EditExercise => self.open_exercise_editor(),
            Command::AutoLayout | Command::LayoutByRegion => {
                let scenario = self.state.document.scenario();
                let positions = if command == Command::AutoLayout {
                    layout::auto_layout(scenario)
                } else {
                    layout::region_layout(scenario)
                };
                self.apply_edit(&Edit::MoveNodes(positions.into_iter().collect()), None);
                self.views.canvas.request_fit();
            }
            Command::ToggleTheme => self.state.prefs.dark = !self.state.prefs.dark,
            Command::LargerText => self.scale_text(1.1),
            Command::SmallerText => self.scale_text(1.0 / 1.1),
            Command::NormalText => self.state.prefs.text_scale = 1.0,
            Command::ShowShortcuts => self.state.prompt = Some(Prompt::Shortcuts),
            Command::ShowAbout => self.state.prompt = Some(Prompt::About),
        }
    }

    fn undo_or_redo(&mut self, undo: bool) {
        let document = &mut self.state.document;
        let label = if undo {
            document.undo_label()
        } else {
            document.redo_label()
        };
        let Some(label) = label.map(str::to_owned) else {
            let nothing = if undo {
                "Nothing to undo"
            } else {
                "Nothing to redo"
            };
            self.state.info(nothing);
            return;
        };
        if undo {
            document.undo();
        } else {
            document.redo();
        }
        let scenario = self.state.document.scenario();
        self.state.selection.retain_existing(scenario);
        self.state.session = Session::follow(self.state.session.take(), scenario);
        let done = if undo { "Undid" } else { "Redid" };
        self.state.info(format!("{done} {label}"));
    }

    /// The one selected nation, if exactly one item is selected and it is a nation.
    fn selected_nation(&self) -> Option<NationId> {
        match self.state.selection.only() {
            Some(Item::Nation(id)) => Some(id.clone()),
            _ => None,
        }
    }

    fn scale_text(&mut self, factor: f32) {
        let (low, high) = prefs::TEXT_SCALES;
        let scale = &mut self.state.prefs.text_scale;
        *scale = (*scale * factor).clamp(low, high);
    }

    /// Pauses and moves the cursor (Step, Step back, Jump).
    fn pause_at(&mut self, tick: u32) {
        self.state.playback.pause();
        self.seek(tick);
    }

    /// Moves the cursor to `tick` (clamped to the timeline).
    fn seek(&mut self, tick: u32) {
        let horizon = self.state.horizon();
        self.state.playback.seek(tick, horizon);
        self.debrief_at_the_end();
    }

    /// Reaching the end of an exercise's run (by playing or jumping) brings up its debrief, once,
    /// for a student; a teacher writing the exercise opens it with the Debrief button.
    pub(super) fn debrief_at_the_end(&mut self) {
        let state = &mut self.state;
        if state.cursor() >= state.horizon()
            && state.prompt.is_none()
            && let Some(session) = &mut state.session
            && session.mode == Mode::Student
            && !session.debriefed
        {
            session.debriefed = true;
            state.prompt = Some(Prompt::Debrief);
        }
    }

    fn delete_selection(&mut self) {
        let nations = self.state.selection.selected_nations();
        if !nations.is_empty() {
            self.apply_edit(&Edit::RemoveNations(nations), None);
            return;
        }
        let edit = match self.state.selection.only() {
            Some(Item::Relation(a, b)) => Edit::RemoveRelation {
                a: a.clone(),
                b: b.clone(),
            },
            Some(Item::Alliance(id)) => Edit::RemoveAlliance(id.clone()),
            Some(Item::Treaty(id)) => Edit::RemoveTreaty(id.clone()),
            Some(Item::Region(id)) => Edit::RemoveRegion(id.clone()),
            Some(Item::Event(index)) => Edit::RemoveEvent(*index),
            _ => {
                self.state.info("Select something to delete");
                return;
            }
        };
        self.apply_edit(&edit, None);
    }

    fn create_alliance(&mut self) {
        let members = self.state.selection.selected_nations();
        if members.len() < 2 {
            self.state
                .error("Select at least two nations to form an alliance");
            return;
        }
        let scenario = self.state.document.scenario();
        let id = fresh_id("alliance-", |id| {
            scenario.alliances.iter().any(|a| a.id.as_str() == id)
        });
        let alliance = Alliance {
            id: id.as_str().into(),
            name: Text(format!("Alliance {}", &id["alliance-".len()..])),
            members,
            collective_defence: true,
        };
        let item = Item::Alliance(alliance.id.clone());
        if self.apply_edit(&Edit::AddAlliance(alliance), None) {
            self.state.selection = Selection::single(item);
        }
    }

    /// The user answered the unsaved-changes question; what comes next is the question's.
    fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(Prompt::Unsaved(then)) = self.state.prompt.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Save => self.save(Some(then)),
            UnsavedAnswer::Discard => {
                self.clear_autosave();
                self.proceed(then);
            }
        }
    }
}
