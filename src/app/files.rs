//! The file lifecycle: new, open, save, the unsaved-changes question, autosave and its recovery,
//! the exercise report and the plot's exports. The only place that opens dialogs and writes
//! files for the window.

use std::path::{Path, PathBuf};

use super::EntenteApp;
use super::state::{AfterSave, LoadErrors, Prompt};
use super::ui::file_dialog::{Asking, InAppFileDialog};
use crate::editor::series::to_csv;
use crate::editor::{Document, Selection, autosave, exercise};
use crate::io::chart;
use crate::io::{self, library};

/// What a file dialog was opened for, to carry out once the user has chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum FileRequest {
    /// Open a scenario.
    Open,
    /// Save the scenario, then go on with `then` (the unsaved-changes question's next step).
    SaveAs {
        /// What to do once saved.
        then: Option<AfterSave>,
    },
    /// Export the plotted series as CSV.
    ExportCsv,
    /// Export the plot as PNG.
    ExportPng,
    /// Write the exercise report into a folder.
    Report,
    /// Write the student's copy of the exercise.
    Handout,
}

impl FileRequest {
    fn asking(&self) -> Asking {
        match self {
            FileRequest::Open => Asking::Open,
            FileRequest::Report => Asking::Folder,
            _ => Asking::Save,
        }
    }

    fn title(&self) -> &'static str {
        match self {
            FileRequest::Open => "Open scenario",
            FileRequest::SaveAs { .. } => "Save scenario",
            FileRequest::ExportCsv => "Export the plotted series (CSV)",
            FileRequest::ExportPng => "Export the plot (PNG)",
            FileRequest::Report => "Folder for the report",
            FileRequest::Handout => "Save the student's copy",
        }
    }
}

impl EntenteApp {
    /// Writes the autosave now if there are unsaved changes (the timer calls this every minute).
    pub fn autosave_now(&mut self) {
        self.autosave_clock = None;
        let Some(autosave) = &self.autosave else {
            return;
        };
        if !self.state.document.is_dirty() {
            return;
        }
        if let Err(error) = autosave.write(self.state.document.scenario()) {
            self.state.error(format!("Autosave failed: {error}"));
        }
    }

    pub(super) fn look_for_autosave(&mut self) {
        let Some(autosave) = &self.autosave else {
            return;
        };
        let found = autosave.find();
        if !found.set_aside.is_empty() {
            let files: Vec<String> = found
                .set_aside
                .iter()
                .map(|path| path.display().to_string())
                .collect();
            let offered = if found.newest.is_some() {
                "; the newest one that reads is offered instead"
            } else {
                ""
            };
            self.state.error(format!(
                "An autosave could not be read and was set aside as {}{offered}",
                files.join(", ")
            ));
        }
        if let Some(recovered) = found.newest {
            self.state.prompt = Some(Prompt::Recover(recovered.scenario));
        }
    }

    /// The user answered "Recover unsaved work?".
    pub(super) fn answer_recovery(&mut self, recover: bool) {
        let Some(Prompt::Recover(scenario)) = self.state.prompt.take() else {
            return;
        };
        if recover {
            let mut document = Document::new(*scenario, None);
            document.forget_path();
            self.replace_document(document);
            self.state
                .info("Recovered the autosave; save it to keep it");
        } else {
            self.clear_autosave();
            // The recovery question came before the exercise's briefing; it comes now.
            if self.state.session.is_some() {
                self.state.playback.pause();
                self.state.prompt = Some(Prompt::Briefing);
            }
        }
    }

    pub(super) fn clear_autosave(&mut self) {
        if let Some(autosave) = &self.autosave {
            autosave.clear();
        }
    }

    pub(super) fn show_load_errors(&mut self, path: &Path, error: &io::LoadError) {
        let name = path.display().to_string();
        self.state.load_errors = Some(LoadErrors {
            lines: error.render(&name),
            name,
        });
        self.state.playback.pause();
    }

    /// Replaces the document (after New, Open, recovery) and resets what depended on it. The
    /// autosaves stay until the new document is saved or its changes discarded: a recovered
    /// document exists nowhere else yet.
    pub(super) fn replace_document(&mut self, mut document: Document) {
        document.set_slow_tick(self.slow_tick);
        self.state.document = document;
        self.state.playback.rewind();
        self.state.selection = Selection::none();
        self.views.canvas.request_fit();
        self.state.load_errors = None;
        // Kept runs belong to the scenario they were kept from, and are kept beside its file.
        self.state.runs = crate::editor::runs::Runs::default();
        if let Some(path) = self.state.document.path().map(Path::to_path_buf) {
            self.restore_runs(&path);
        }
        self.start_session();
    }

    /// Starts a student session with the briefing when the scenario is an exercise.
    pub(super) fn start_session(&mut self) {
        let state = &mut self.state;
        let scenario = state.document.scenario();
        state.session = scenario
            .exercise
            .as_ref()
            .map(|_| exercise::Session::start(scenario));
        if state.session.is_some() && state.prompt.is_none() {
            state.playback.pause();
            state.prompt = Some(Prompt::Briefing);
        }
    }

    /// Asks for a folder and writes the report there: summary, chart and run.
    pub(super) fn write_report(&mut self) {
        if let Some(folder) = self.choose(FileRequest::Report) {
            self.write_report_to(&folder);
        }
    }

    /// Writes the report into `folder`. The student's decisions are the events not handed out.
    fn write_report_to(&mut self, folder: &Path) {
        let scenario = self.state.document.scenario();
        let original = self
            .state
            .session
            .as_ref()
            .map(|session| crate::model::Scenario {
                events: session.handed_out.clone(),
                ..scenario.clone()
            });
        match io::report::write(scenario, original.as_ref(), folder) {
            Ok(report) => self
                .state
                .info(format!("Wrote the report to {}", report.summary.display())),
            Err(error) => self
                .state
                .error(format!("Could not write the report: {error}")),
        }
    }

    /// Asks where and writes the student's copy of the exercise. Teacher mode only: it is what
    /// the teacher hands out.
    pub(super) fn write_handout(&mut self) {
        if !self.state.is_teacher() {
            self.state
                .error("Only teacher mode writes a student's copy of the exercise");
            return;
        }
        if let Some(path) = self.choose(FileRequest::Handout) {
            self.write_handout_to(path);
        }
    }

    fn write_handout_to(&mut self, mut path: PathBuf) {
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        let Some(copy) = crate::model::exercise::handout(self.state.document.scenario()) else {
            self.state.error("The scenario has no exercise to hand out");
            return;
        };
        match io::save_file(&copy, &path) {
            Ok(_) => self.state.info(format!(
                "Wrote the student's copy to {} (no teacher notes, no teacher mode)",
                path.display()
            )),
            Err(error) => self
                .state
                .error(format!("Could not write {}: {error}", path.display())),
        }
    }

    /// The file name an export of the plot suggests.
    fn export_name(&self, extension: &str) -> String {
        let view = self.views.plot.view.label().replace([' ', '/'], "-");
        format!("{}-{view}.{extension}", self.state.file_stem())
    }

    /// Asks where and writes the plotted series as CSV.
    pub(super) fn export_csv(&mut self) {
        if self.state.document.simulation().is_none() {
            self.state.error("There is no run to export");
            return;
        }
        if let Some(path) = self.choose(FileRequest::ExportCsv) {
            self.write_csv(path);
        }
    }

    fn write_csv(&mut self, path: PathBuf) {
        let Some(run) = self.state.document.simulation() else {
            self.state.error("There is no run to export");
            return;
        };
        let lines = self.plotted_series();
        let csv = to_csv(&lines, run.world().start);
        match io::save::write_atomically(&path, csv.as_bytes()) {
            Ok(()) => self.state.info(format!("Wrote {}", path.display())),
            Err(error) => self
                .state
                .error(format!("Could not write {}: {error}", path.display())),
        }
    }

    /// Asks where and draws the plotted series there as a chart: title, axes, legend and the
    /// timeline's events, at a size fit for a handout or a slide (not a crop of the screen).
    pub(super) fn export_png(&mut self) {
        if self.state.document.simulation().is_none() {
            self.state.error("There is no run to export");
            return;
        }
        if let Some(path) = self.choose(FileRequest::ExportPng) {
            self.write_png(path);
        }
    }

    fn write_png(&mut self, path: PathBuf) {
        let lines: Vec<chart::Line> = self
            .plotted_series()
            .into_iter()
            .map(|series| chart::Line {
                name: series.name,
                colour: series.colour,
                values: series.values,
            })
            .collect();
        let scenario = self.state.document.scenario();
        let view = self.views.plot.view.label();
        let title = format!("{}: {view}", scenario.meta.title);
        let events: Vec<u32> = scenario.events.iter().map(|e| e.tick).collect();
        match chart::write_png(&path, &title, view, &lines, &events, scenario.horizon) {
            Ok(()) => self.state.info(format!("Wrote {}", path.display())),
            Err(error) => self
                .state
                .error(format!("Could not write {}: {error}", path.display())),
        }
    }

    /// Asks before discarding unsaved work, else goes ahead.
    pub(super) fn guard_unsaved(&mut self, then: AfterSave) {
        if self.state.document.is_dirty() {
            self.state.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    pub(super) fn proceed(&mut self, then: AfterSave) {
        match then {
            AfterSave::New => {
                if let Some(example) = library::example("blank")
                    && let Ok(scenario) = io::load_str(example.text)
                {
                    self.replace_document(Document::unchanged(scenario));
                    self.state.info("New scenario");
                }
            }
            AfterSave::Open => {
                if let Some(path) = self.choose(FileRequest::Open) {
                    self.open_path(&path);
                }
            }
            AfterSave::OpenPath(path) => self.open_path(&path),
            AfterSave::OpenExample(name) => match library::example(name) {
                Some(example) => match io::load_str(example.text) {
                    Ok(scenario) => {
                        self.replace_document(Document::unchanged(scenario));
                        self.state
                            .info(format!("Opened example \"{}\"", example.title));
                    }
                    Err(_) => self
                        .state
                        .error(format!("The bundled example \"{name}\" does not load")),
                },
                None => self
                    .state
                    .error(format!("There is no bundled example \"{name}\"")),
            },
            AfterSave::Quit => self.state.close_confirmed = true,
        }
    }

    fn open_path(&mut self, path: &Path) {
        match io::load_file(path) {
            Ok(scenario) => {
                self.replace_document(Document::new(scenario, Some(path.to_owned())));
                self.state.prefs.remember(path);
                self.state.info(format!("Opened {}", path.display()));
            }
            // The open document stays as it was; the problems are listed in their own panel.
            Err(error) => self.show_load_errors(path, &error),
        }
    }

    /// Saves to the document's file, asking where if it has none; once saved, goes on with
    /// `then` (the unsaved-changes question's next step).
    pub(super) fn save(&mut self, then: Option<AfterSave>) {
        match self.state.document.path().map(Path::to_owned) {
            Some(path) => self.save_and_go_on(path, then),
            None => self.save_as(then),
        }
    }

    /// Asks where, saves there, then goes on with `then`.
    pub(super) fn save_as(&mut self, then: Option<AfterSave>) {
        if let Some(path) = self.choose(FileRequest::SaveAs { then: then.clone() }) {
            self.save_and_go_on(path, then);
        }
    }

    fn save_and_go_on(&mut self, mut path: PathBuf, then: Option<AfterSave>) {
        if path.extension().is_none() {
            path.set_extension("ron");
        }
        if self.save_to(path)
            && let Some(then) = then
        {
            self.proceed(then);
        }
    }

    /// Asks for a file or folder: with the system's dialog, answered at once, or, where the
    /// system has none, with the app's own, answered in a later frame by
    /// [`Intent::FileChosen`](super::Intent::FileChosen) (then this returns None and
    /// [`Self::file_chosen`] carries the request out).
    fn choose(&mut self, request: FileRequest) -> Option<PathBuf> {
        let name = self.suggested_name(&request);
        if !self.dialogs.available() {
            let folder = self.dialog_folder();
            let dialog = InAppFileDialog::open(request.asking(), request.title(), &folder, &name);
            self.views.file_dialog = Some(dialog);
            self.pending_file = Some(request);
            return None;
        }
        match request {
            FileRequest::Open => self.dialogs.pick_open(),
            FileRequest::SaveAs { .. } => self.dialogs.pick_save(&name),
            FileRequest::ExportCsv => self.dialogs.pick_export(&name, "csv"),
            FileRequest::ExportPng => self.dialogs.pick_export(&name, "png"),
            FileRequest::Report => self.dialogs.pick_folder(&name),
            FileRequest::Handout => self.dialogs.pick_save(&name),
        }
    }

    /// The app's own dialog closed: carries out what it was opened for, after asking whether
    /// to replace a file that is there already (a system dialog asks that itself).
    pub(super) fn file_chosen(&mut self, chosen: Option<PathBuf>) {
        let (Some(request), Some(mut path)) = (self.pending_file.take(), chosen) else {
            return;
        };
        let scenario_file = matches!(request, FileRequest::SaveAs { .. } | FileRequest::Handout);
        if scenario_file && path.extension().is_none() {
            path.set_extension("ron");
        }
        let writes_a_file = !matches!(request, FileRequest::Open | FileRequest::Report);
        if writes_a_file && path.exists() {
            self.state.prompt = Some(Prompt::Replace { path, request });
            return;
        }
        self.carry_on(request, path);
    }

    /// The answer to "Replace it?".
    pub(super) fn answer_replace(&mut self, replace: bool) {
        let Some(Prompt::Replace { path, request }) = self.state.prompt.take() else {
            return;
        };
        if replace {
            self.carry_on(request, path);
        }
    }

    fn carry_on(&mut self, request: FileRequest, path: PathBuf) {
        match request {
            FileRequest::Open => self.open_path(&path),
            FileRequest::SaveAs { then } => self.save_and_go_on(path, then),
            FileRequest::ExportCsv => self.write_csv(path),
            FileRequest::ExportPng => self.write_png(path),
            FileRequest::Report => self.write_report_to(&path),
            FileRequest::Handout => self.write_handout_to(path),
        }
    }

    /// What a request suggests as the file's name.
    fn suggested_name(&self, request: &FileRequest) -> String {
        match request {
            FileRequest::Open => String::new(),
            FileRequest::SaveAs { .. } => format!("{}.ron", self.state.file_stem()),
            FileRequest::ExportCsv => self.export_name("csv"),
            FileRequest::ExportPng => self.export_name("png"),
            FileRequest::Report => format!("{}-report", self.state.file_stem()),
            FileRequest::Handout => format!("{}-student.ron", self.state.file_stem()),
        }
    }

    /// Where the app's own dialog starts: the document's folder, else the configured one, else
    /// the working folder.
    fn dialog_folder(&self) -> PathBuf {
        let document = self.state.document.path().and_then(Path::parent);
        document
            .filter(|folder| !folder.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| self.folder.clone())
            .or_else(|| std::env::current_dir().ok())
            .map(|folder| std::path::absolute(&folder).unwrap_or(folder))
            .unwrap_or_default()
    }

    /// Reads the runs kept beside the scenario at `path`, if any.
    pub(super) fn restore_runs(&mut self, path: &Path) {
        let name = io::runs_file::runs_path(path).display().to_string();
        let restored = match io::runs_file::load_runs(path) {
            None => return,
            Some(Err(error)) => Err(error.render(&name).join("; ")),
            Some(Ok(saved)) => crate::editor::runs::Runs::from_saved(&saved),
        };
        match restored {
            Ok(runs) => {
                let count = runs.pinned().len();
                self.state.runs = runs;
                self.state.info(format!(
                    "Opened with {count} kept {} from {name}",
                    if count == 1 { "run" } else { "runs" }
                ));
            }
            Err(reason) => self
                .state
                .error(format!("Could not read the runs kept in {name}: {reason}")),
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match io::save_file(self.state.document.scenario(), &path) {
            Ok(saved) => {
                // The kept runs go beside the file, so that a class can share them.
                if let Err(error) = io::runs_file::save_runs(&path, &self.state.runs.to_saved()) {
                    self.state.error(format!(
                        "Saved {}, but not the runs kept beside it: {error}",
                        path.display()
                    ));
                    self.state.prefs.remember(&path);
                    self.state.document.mark_saved(path);
                    self.clear_autosave();
                    return true;
                }
                match saved.comments_kept {
                    Some(companion) => self.state.info(format!(
                        "Saved {}. Its comments cannot stay in the file; they are kept in {}",
                        path.display(),
                        companion.display()
                    )),
                    None => self.state.info(format!("Saved {}", path.display())),
                }
                self.state.prefs.remember(&path);
                self.state.document.mark_saved(path);
                self.clear_autosave();
                true
            }
            Err(error) => {
                self.state
                    .error(format!("Could not save {}: {error}", path.display()));
                false
            }
        }
    }

    /// Writes the autosave a minute after the first unsaved change and every minute after, by
    /// the clock (`now`, seconds), not by frames: an app left alone draws no frames. Returns
    /// how long to wait for the next one while there are unsaved changes, so that a frame comes
    /// then even if nothing else asks for one.
    pub(super) fn tick_autosave(&mut self, now: f64) -> Option<std::time::Duration> {
        if self.autosave.is_none() || !self.state.document.is_dirty() {
            // The interval starts with the first unsaved change.
            self.autosave_clock = None;
            return None;
        }
        let started = *self.autosave_clock.get_or_insert(now);
        let due = started + autosave::INTERVAL_SECONDS;
        if now >= due {
            self.autosave_now();
            self.autosave_clock = Some(now);
        }
        let started = self.autosave_clock.unwrap_or(now);
        let wait = (started + autosave::INTERVAL_SECONDS - now).max(0.1);
        Some(std::time::Duration::from_secs_f64(wait))
    }
}
