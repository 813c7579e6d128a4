//! The eframe app: the only module that knows egui, eframe and rfd.
//!
//! UI code reads the app and pushes [`Intent`]s; [`EntenteApp::carry_out`] applies them in one
//! place at the end of the frame, so every edit is checked by the document before it happens.

pub mod autosave;
pub mod command;
pub mod dialogs;
pub mod document;
pub mod edit;
pub mod exercise;
pub mod explain;
pub mod first_frame;
pub mod focus;
pub mod layout;
pub mod prefs;
pub mod selection;
pub mod series;
pub mod shown;
mod ui;

use std::path::{Path, PathBuf};

pub use command::{COMMANDS, Command, Intent};
pub use dialogs::{FileDialogs, NativeDialogs};
pub use document::Document;
pub use selection::{Item, Selection};

use crate::io::{self, library};
use crate::model::{Alliance, Nation, NationId, RegionId, Text};
use autosave::Autosave;
use edit::{Edit, fresh_id};
use prefs::Prefs;

/// How the app is set up: its dialogs and where it keeps autosaves.
pub struct AppConfig {
    /// File dialogs (native in the app, scripted in tests).
    pub dialogs: Box<dyn FileDialogs>,
    /// The app's data folder for autosaves; None disables autosave.
    pub data_folder: Option<PathBuf>,
    /// Whether playback starts at once.
    pub autoplay: bool,
    /// A tick slower than this moves a scenario's work (computing ticks, explaining them) to
    /// background threads. Tests that want every frame to do its work at once set it very long.
    pub slow_tick: std::time::Duration,
}

impl Default for AppConfig {
    fn default() -> Self {
        Self {
            dialogs: Box::new(NativeDialogs { folder: None }),
            data_folder: None,
            autoplay: true,
            slow_tick: document::COMPUTE_SLOW_TICK,
        }
    }
}

/// What to do once the user has answered the unsaved-changes question.
#[derive(Clone, Debug, PartialEq)]
pub enum AfterSave {
    /// Start a blank scenario.
    New,
    /// Ask for a file and open it.
    Open,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open a bundled example.
    OpenExample(&'static str),
    /// Close the window.
    Quit,
}

/// A question or notice shown over the window.
#[derive(Clone, Debug, PartialEq)]
pub enum Prompt {
    /// "Save changes before …?"
    Unsaved(AfterSave),
    /// An autosave from a session that did not close cleanly.
    Recover(Box<crate::model::Scenario>),
    /// The keyboard shortcuts.
    Shortcuts,
    /// About Entente.
    About,
    /// The exercise's briefing, shown first.
    Briefing,
    /// The exercise's debrief: outcomes, decisions, questions.
    Debrief,
}

/// Problems of a file that could not be opened, one readable line each.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadErrors {
    /// The file.
    pub name: String,
    /// Each problem, with line:column.
    pub lines: Vec<String>,
}

/// A message in the status bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Status {
    /// The message.
    pub text: String,
    /// Whether it reports a failure.
    pub is_error: bool,
}

/// How long one frame may spend computing the run; the rest of the frame draws the window.
const COMPUTE_BUDGET: std::time::Duration = std::time::Duration::from_millis(8);

/// The whole app.
pub struct EntenteApp {
    document: Document,
    /// See [`AppConfig::slow_tick`].
    slow_tick: std::time::Duration,
    selection: Selection,
    canvas: ui::canvas::CanvasView,
    timeline: ui::timeline::TimelineView,
    plot: ui::plot::PlotState,
    why: ui::why::WhyState,
    /// The classroom session, when the scenario is an exercise.
    session: Option<exercise::Session>,
    playing: bool,
    /// The tick the canvas, plots and why panel show (the run may be computed further).
    cursor: u32,
    /// Frames in a row that ended with the run not yet computed (for the progress indicator).
    computing_frames: u32,
    ticks_per_second: f32,
    pending_seconds: f32,
    prefs: Prefs,
    dialogs: Box<dyn FileDialogs>,
    autosave: Option<Autosave>,
    seconds_since_autosave: f64,
    prompt: Option<Prompt>,
    load_errors: Option<LoadErrors>,
    status: Option<Status>,
    intents: Vec<Intent>,
    close_confirmed: bool,
    applied_title: String,
    applied_style: Option<(bool, f32)>,
}

impl EntenteApp {
    /// The app on `document`, set up by `config`.
    pub fn new(mut document: Document, config: AppConfig) -> Self {
        document.set_slow_tick(config.slow_tick);
        let mut app = Self {
            slow_tick: config.slow_tick,
            document,
            selection: Selection::none(),
            canvas: ui::canvas::CanvasView::default(),
            timeline: ui::timeline::TimelineView::default(),
            plot: ui::plot::PlotState::default(),
            why: ui::why::WhyState::default(),
            session: None,
            playing: config.autoplay,
            cursor: 0,
            computing_frames: 0,
            ticks_per_second: 4.0,
            pending_seconds: 0.0,
            prefs: Prefs::default(),
            dialogs: config.dialogs,
            autosave: config.data_folder.as_deref().map(Autosave::in_folder),
            seconds_since_autosave: 0.0,
            prompt: None,
            load_errors: None,
            status: None,
            intents: Vec::new(),
            close_confirmed: false,
            applied_title: String::new(),
            applied_style: None,
        };
        app.look_for_autosave();
        app.start_session();
        app
    }

    /// The app on the bundled default scenario.
    pub fn with_default_scenario() -> Self {
        Self::new(default_document(), AppConfig::default())
    }

    /// The app on `scenario` (not from a file).
    pub fn with_scenario(scenario: &crate::model::Scenario) -> Self {
        Self::new(Document::unchanged(scenario.clone()), AppConfig::default())
    }

    /// The app on the file at `path`; if it does not load, on the default scenario with the
    /// file's problems shown.
    pub fn with_file(path: &Path) -> Self {
        Self::with_file_and_config(path, AppConfig::default())
    }

    /// As [`Self::with_file`], set up by `config`.
    pub fn with_file_and_config(path: &Path, config: AppConfig) -> Self {
        match io::load_file(path) {
            Ok(scenario) => Self::new(Document::new(scenario, Some(path.to_owned())), config),
            Err(error) => {
                let mut app = Self::new(default_document(), config);
                app.show_load_errors(path, &error);
                app
            }
        }
    }

    /// Preferences remembered from earlier runs.
    pub fn with_prefs(mut self, prefs: Prefs) -> Self {
        self.prefs = prefs;
        self
    }

    /// The document being edited.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The question or notice shown, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The problems of the last file that failed to open, while they are shown.
    pub fn load_errors(&self) -> Option<&LoadErrors> {
        self.load_errors.as_ref()
    }

    /// The status-bar message.
    pub fn status(&self) -> Option<&Status> {
        self.status.as_ref()
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The tick currently shown: the cursor, or the last computed tick while the run catches up.
    pub fn tick(&self) -> u32 {
        self.cursor.min(self.document.progress().0)
    }

    /// The tick the cursor is on (it may be ahead of what is computed yet).
    pub fn cursor(&self) -> u32 {
        self.cursor
    }

    /// Whether the run has taken several frames to compute and is still going (the progress
    /// indicator shows then).
    pub fn is_computing(&self) -> bool {
        self.computing_frames > 3
    }

    /// Whether playback is running.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    /// Whether the user confirmed closing the window.
    pub fn close_confirmed(&self) -> bool {
        self.close_confirmed
    }

    /// Queues an intent, as a click would.
    pub fn push(&mut self, intent: Intent) {
        self.intents.push(intent);
    }

    /// Writes the autosave now if there are unsaved changes (the timer calls this every minute).
    pub fn autosave_now(&mut self) {
        self.seconds_since_autosave = 0.0;
        let Some(autosave) = &self.autosave else {
            return;
        };
        if !self.document.is_dirty() {
            return;
        }
        if let Err(error) = autosave.write(self.document.scenario()) {
            self.status = Some(Status {
                text: format!("Autosave failed: {error}"),
                is_error: true,
            });
        }
    }

    fn look_for_autosave(&mut self) {
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
            self.status = Some(Status {
                text: format!(
                    "An autosave could not be read and was set aside as {}{offered}",
                    files.join(", ")
                ),
                is_error: true,
            });
        }
        if let Some(recovered) = found.newest {
            self.prompt = Some(Prompt::Recover(recovered.scenario));
        }
    }

    /// A file name stem for exports, from the scenario's title.
    fn file_stem(&self) -> String {
        file_stem(&self.document.scenario().meta.title.0)
    }

    fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
        });
    }

    fn show_load_errors(&mut self, path: &Path, error: &io::LoadError) {
        let name = path.display().to_string();
        self.load_errors = Some(LoadErrors {
            lines: error.render(&name),
            name,
        });
        self.playing = false;
    }

    /// Replaces the document (after New, Open, recovery) and resets what depended on it. The
    /// autosaves stay until the new document is saved or its changes discarded: a recovered
    /// document exists nowhere else yet.
    fn replace_document(&mut self, mut document: Document) {
        document.set_slow_tick(self.slow_tick);
        self.document = document;
        self.cursor = 0;
        self.selection = Selection::none();
        self.canvas.request_fit();
        self.load_errors = None;
        self.pending_seconds = 0.0;
        self.start_session();
    }

    /// Starts a student session with the briefing when the scenario is an exercise.
    fn start_session(&mut self) {
        let scenario = self.document.scenario();
        self.session = scenario
            .exercise
            .as_ref()
            .map(|_| exercise::Session::start(scenario));
        if self.session.is_some() && self.prompt.is_none() {
            self.playing = false;
            self.prompt = Some(Prompt::Briefing);
        }
    }

    /// Asks for a folder and writes the report there: summary, chart and run. The student's
    /// decisions are the events not handed out.
    fn write_report(&mut self) {
        let name = format!("{}-report", self.file_stem());
        let Some(folder) = self.dialogs.pick_folder(&name) else {
            return;
        };
        let scenario = self.document.scenario();
        let original = self.session.as_ref().map(|session| crate::model::Scenario {
            events: session.handed_out.clone(),
            ..scenario.clone()
        });
        match io::report::write(scenario, original.as_ref(), &folder) {
            Ok(report) => self.info(format!("Wrote the report to {}", report.summary.display())),
            Err(error) => self.error(format!("Could not write the report: {error}")),
        }
    }

    /// The classroom session, if the scenario is an exercise.
    pub fn session(&self) -> Option<&exercise::Session> {
        self.session.as_ref()
    }

    fn clear_autosave(&mut self) {
        if let Some(autosave) = &self.autosave {
            autosave.clear();
        }
    }

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
            Intent::EndMerge => self.document.end_merge(),
            Intent::OpenPath(path) => self.guard_unsaved(AfterSave::OpenPath(path)),
            Intent::OpenExample(name) => self.guard_unsaved(AfterSave::OpenExample(name)),
            Intent::Select(selection) => self.selection = selection,
            Intent::AddNationAt(position) => self.add_nation_at(position),
            Intent::Seek(tick) => self.seek(tick),
            Intent::Focus(depth) => self.canvas.focus.set(depth),
            Intent::SelectEvent(event) => {
                let events = &self.document.scenario().events;
                if let Some(index) = events.iter().rposition(|e| *e == event) {
                    self.selection = Selection::single(Item::Event(index));
                }
            }
        }
    }

    /// Applies an edit, or reports in the status bar why it cannot be; true if it applied.
    fn apply_edit(&mut self, edit: &Edit, merge: Option<document::MergeKey>) -> bool {
        let scenario = self.document.scenario();
        if let (Some(session), Some(exercise)) = (&self.session, &scenario.exercise)
            && let Some(reason) = session.refusal(exercise, scenario, edit)
        {
            self.error(format!("Not in this exercise: {reason}"));
            return false;
        }
        match self.document.apply(edit, merge) {
            Ok(()) => {
                self.selection.retain_existing(self.document.scenario());
                if self.status.as_ref().is_some_and(|s| s.is_error) {
                    self.status = None;
                }
                true
            }
            Err(error) => {
                self.error(format!("Cannot {}: {error}", edit.label()));
                false
            }
        }
    }

    fn add_nation_at(&mut self, position: (f32, f32)) {
        let scenario = self.document.scenario();
        let id = fresh_id("n", |id| {
            scenario.nations.iter().any(|n| n.id.as_str() == id)
        });
        let region: RegionId = match self.selection.only() {
            Some(Item::Nation(other)) => scenario
                .nations
                .iter()
                .find(|n| &n.id == other)
                .map(|n| n.region.clone()),
            Some(Item::Region(region)) => Some(region.clone()),
            _ => None,
        }
        .or_else(|| scenario.regions.first().map(|r| r.id.clone()))
        .unwrap_or_else(|| "region".into());
        let mut nation = Nation::new(&id, region.as_str());
        nation.name = Text(format!("Nation {}", &id[1..]));
        let edit = Edit::AddNation { nation, position };
        if self.document.apply(&edit, None).is_ok() {
            self.selection = Selection::single(Item::Nation(NationId(id)));
        } else {
            self.error("Cannot add a nation: the scenario needs a region first");
        }
    }

    fn run_command(&mut self, command: Command) {
        match command {
            Command::New => self.guard_unsaved(AfterSave::New),
            Command::Open => self.guard_unsaved(AfterSave::Open),
            Command::Save => {
                self.save();
            }
            Command::SaveAs => {
                self.save_as();
            }
            Command::Quit => self.guard_unsaved(AfterSave::Quit),
            Command::Undo => match self.document.undo_label().map(str::to_owned) {
                Some(label) => {
                    self.document.undo();
                    self.selection.retain_existing(self.document.scenario());
                    self.info(format!("Undid {label}"));
                }
                None => self.info("Nothing to undo"),
            },
            Command::Redo => match self.document.redo_label().map(str::to_owned) {
                Some(label) => {
                    self.document.redo();
                    self.selection.retain_existing(self.document.scenario());
                    self.info(format!("Redid {label}"));
                }
                None => self.info("Nothing to redo"),
            },
            Command::Delete => self.delete_selection(),
            Command::SelectAll => {
                let ids = self
                    .document
                    .scenario()
                    .nations
                    .iter()
                    .map(|n| n.id.clone());
                self.selection = Selection::nations(ids);
            }
            Command::AddNation => {
                let centre = self.canvas.centre_in_canvas();
                self.add_nation_at(centre);
            }
            Command::CreateAlliance => self.create_alliance(),
            Command::Rename => match self.selected_nation() {
                Some(id) => {
                    let name = ui::nation_name(self.document.scenario(), &id);
                    self.canvas.start_rename(id, name);
                }
                None => self.info("Select one nation to rename it"),
            },
            Command::NodeMenu => match self.selected_nation() {
                Some(id) => self.canvas.open_menu_of(id),
                None => self.info("Select one nation to open its actions"),
            },
            Command::PlayPause => {
                if self.cursor >= self.horizon() && !self.playing {
                    self.seek(0);
                }
                self.playing = !self.playing;
            }
            Command::Step => {
                self.playing = false;
                self.seek(self.cursor.saturating_add(1));
            }
            Command::StepBack => {
                self.playing = false;
                self.seek(self.cursor.saturating_sub(1));
            }
            Command::JumpToStart => {
                self.playing = false;
                self.seek(0);
            }
            Command::JumpToEnd => {
                self.playing = false;
                self.seek(self.horizon());
            }
            Command::CheckStability => self.document.check_stability(),
            Command::FitView => self.canvas.request_fit(),
            Command::FocusNeighbourhood => self.canvas.focus.cycle(),
            Command::AutoLayout => {
                let positions = layout::force_layout(self.document.scenario());
                self.apply_edit(&Edit::MoveNodes(positions.into_iter().collect()), None);
                self.canvas.request_fit();
            }
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::LargerText => self.scale_text(1.1),
            Command::SmallerText => self.scale_text(1.0 / 1.1),
            Command::NormalText => self.prefs.text_scale = 1.0,
            Command::ShowShortcuts => self.prompt = Some(Prompt::Shortcuts),
            Command::ShowAbout => self.prompt = Some(Prompt::About),
        }
    }

    /// The one selected nation, if exactly one item is selected and it is a nation.
    fn selected_nation(&self) -> Option<NationId> {
        match self.selection.only() {
            Some(Item::Nation(id)) => Some(id.clone()),
            _ => None,
        }
    }

    fn scale_text(&mut self, factor: f32) {
        let (low, high) = prefs::TEXT_SCALES;
        self.prefs.text_scale = (self.prefs.text_scale * factor).clamp(low, high);
    }

    fn horizon(&self) -> u32 {
        self.document
            .simulation()
            .map_or(0, |run| run.world().horizon)
    }

    /// Moves the cursor to `tick` (clamped to the timeline). States are kept for every computed
    /// tick, so this is a lookup; a tick not computed yet shows as soon as it is.
    fn seek(&mut self, tick: u32) {
        self.cursor = tick.min(self.horizon());
        self.pending_seconds = 0.0;
        self.debrief_at_the_end();
    }

    /// Computes more of the run within a frame's budget and counts frames that did not finish.
    fn compute(&mut self, ctx: &egui::Context) {
        if self.document.compute(COMPUTE_BUDGET) {
            self.computing_frames = 0;
        } else {
            self.computing_frames += 1;
            ctx.request_repaint();
        }
    }

    fn advance(&mut self, seconds: f32) {
        if !self.playing || self.document.simulation().is_none() {
            return;
        }
        self.pending_seconds += seconds;
        let interval = 1.0 / self.ticks_per_second.max(0.1);
        // A slow frame never moves more than a second's worth of ticks at once, and the cursor
        // never runs ahead of what is computed: playback waits for the run instead.
        let mut budget = self.ticks_per_second.ceil() as u32;
        let computed = self.document.progress().0;
        while self.pending_seconds >= interval && budget > 0 && self.cursor < computed {
            self.pending_seconds -= interval;
            budget -= 1;
            self.cursor += 1;
        }
        if self.cursor >= self.horizon() {
            self.playing = false;
            self.pending_seconds = 0.0;
        }
        self.debrief_at_the_end();
    }

    /// Reaching the end of an exercise's run (by playing or jumping) brings up its debrief, once.
    fn debrief_at_the_end(&mut self) {
        if self.cursor >= self.horizon()
            && self.prompt.is_none()
            && let Some(session) = &mut self.session
            && !session.debriefed
        {
            session.debriefed = true;
            self.prompt = Some(Prompt::Debrief);
        }
    }

    fn delete_selection(&mut self) {
        let nations = self.selection.selected_nations();
        if !nations.is_empty() {
            self.apply_edit(&Edit::RemoveNations(nations), None);
            return;
        }
        let edit = match self.selection.only() {
            Some(Item::Relation(a, b)) => Edit::RemoveRelation {
                a: a.clone(),
                b: b.clone(),
            },
            Some(Item::Alliance(id)) => Edit::RemoveAlliance(id.clone()),
            Some(Item::Treaty(id)) => Edit::RemoveTreaty(id.clone()),
            Some(Item::Region(id)) => Edit::RemoveRegion(id.clone()),
            Some(Item::Event(index)) => Edit::RemoveEvent(*index),
            _ => {
                self.info("Select something to delete");
                return;
            }
        };
        self.apply_edit(&edit, None);
    }

    fn create_alliance(&mut self) {
        let members = self.selection.selected_nations();
        if members.len() < 2 {
            self.error("Select at least two nations to form an alliance");
            return;
        }
        let scenario = self.document.scenario();
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
            self.selection = Selection::single(item);
        }
    }

    /// Asks before discarding unsaved work, else goes ahead.
    fn guard_unsaved(&mut self, then: AfterSave) {
        if self.document.is_dirty() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.proceed(then);
        }
    }

    /// The user answered the unsaved-changes question.
    fn answer_unsaved(&mut self, then: AfterSave, save_first: Option<bool>) {
        self.prompt = None;
        match save_first {
            None => {}
            Some(true) if self.save() => self.proceed(then),
            Some(true) => {}
            Some(false) => {
                self.clear_autosave();
                self.proceed(then);
            }
        }
    }

    fn proceed(&mut self, then: AfterSave) {
        match then {
            AfterSave::New => {
                if let Some(example) = library::example("blank")
                    && let Ok(scenario) = io::load_str(example.text)
                {
                    self.replace_document(Document::unchanged(scenario));
                    self.playing = false;
                    self.info("New scenario");
                }
            }
            AfterSave::Open => {
                if let Some(path) = self.dialogs.pick_open() {
                    self.open_path(&path);
                }
            }
            AfterSave::OpenPath(path) => self.open_path(&path),
            AfterSave::OpenExample(name) => match library::example(name) {
                Some(example) => match io::load_str(example.text) {
                    Ok(scenario) => {
                        self.replace_document(Document::unchanged(scenario));
                        self.playing = false;
                        self.info(format!("Opened example \"{}\"", example.name));
                    }
                    Err(_) => self.error(format!("The bundled example \"{name}\" does not load")),
                },
                None => self.error(format!("There is no bundled example \"{name}\"")),
            },
            AfterSave::Quit => self.close_confirmed = true,
        }
    }

    fn open_path(&mut self, path: &Path) {
        match io::load_file(path) {
            Ok(scenario) => {
                self.replace_document(Document::new(scenario, Some(path.to_owned())));
                self.playing = false;
                self.prefs.remember(path);
                self.info(format!("Opened {}", path.display()));
            }
            // The open document stays as it was; the problems are listed in their own panel.
            Err(error) => self.show_load_errors(path, &error),
        }
    }

    /// Saves to the document's file, asking where if it has none. True if it was saved.
    fn save(&mut self) -> bool {
        match self.document.path().map(Path::to_owned) {
            Some(path) => self.save_to(path),
            None => self.save_as(),
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.ron", file_stem(&self.document.scenario().meta.title.0));
        match self.dialogs.pick_save(&suggested) {
            Some(mut path) => {
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                self.save_to(path)
            }
            None => false,
        }
    }

    fn save_to(&mut self, path: PathBuf) -> bool {
        match io::save_file(self.document.scenario(), &path) {
            Ok(()) => {
                self.info(format!("Saved {}", path.display()));
                self.prefs.remember(&path);
                self.document.mark_saved(path);
                self.clear_autosave();
                true
            }
            Err(error) => {
                self.error(format!("Could not save {}: {error}", path.display()));
                false
            }
        }
    }

    /// Reads shortcuts, dropped files and the close button; advances playback and autosave.
    fn handle_input(&mut self, ctx: &egui::Context) {
        let focus = if ctx.text_edit_focused() {
            command::KeyboardFocus::TextField
        } else if ctx.egui_wants_keyboard_input() {
            command::KeyboardFocus::Widget
        } else {
            command::KeyboardFocus::Nothing
        };
        if self.prompt.is_none() {
            let table = COMMANDS
                .iter()
                .filter_map(|spec| Some((spec.shortcut?, spec.command)))
                .chain(command::ALIASES.iter().copied());
            for (shortcut, command) in table {
                if command::focus_keeps(focus, &shortcut) {
                    continue;
                }
                if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                    self.intents.push(Intent::Run(command));
                }
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                self.intents.push(Intent::OpenPath(path));
            } else {
                self.error(format!("{} is not a scenario file (.ron)", path.display()));
            }
        }
        if ctx.input(|i| i.viewport().close_requested()) && !self.close_confirmed {
            if self.document.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.prompt = Some(Prompt::Unsaved(AfterSave::Quit));
            } else {
                self.close_confirmed = true;
            }
        }
        if !ctx.input(|i| i.pointer.any_down()) && focus == command::KeyboardFocus::Nothing {
            self.document.end_merge();
        }
        let dt = ctx.input(|i| i.stable_dt);
        self.advance(dt);
        self.seconds_since_autosave += f64::from(dt);
        if self.seconds_since_autosave >= autosave::INTERVAL_SECONDS {
            self.autosave_now();
        }
    }

    fn apply_window_state(&mut self, ctx: &egui::Context) {
        let title = format!(
            "{}{} — Entente",
            if self.document.is_dirty() { "*" } else { "" },
            self.document.display_name()
        );
        if title != self.applied_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.applied_title = title;
        }
        let style = (self.prefs.dark, self.prefs.text_scale);
        if self.applied_style.is_none() {
            // Text size is a remembered preference with its own commands (Ctrl +, Ctrl −, Ctrl 0).
            ctx.options_mut(|options| options.zoom_with_keyboard = false);
        }
        if self.applied_style != Some(style) {
            ctx.set_theme(if self.prefs.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            ctx.set_zoom_factor(self.prefs.text_scale);
            self.applied_style = Some(style);
        }
        if self.close_confirmed {
            self.clear_autosave();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// The window title as last applied.
    pub fn window_title(&self) -> &str {
        &self.applied_title
    }
}

fn default_document() -> Document {
    // The bundled default scenario is embedded and checked by the tests.
    let scenario =
        io::load_str(library::default_example().text).expect("the default scenario loads");
    Document::unchanged(scenario)
}

/// A file name made from a title: letters, digits and dashes.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem.trim_matches('-').to_owned();
    if stem.is_empty() {
        "scenario".to_owned()
    } else {
        stem
    }
}

impl eframe::App for EntenteApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_input(ctx);
        self.carry_out();
        self.compute(ctx);
        if self.playing {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui::window_ui(self, ui);
        self.carry_out();
        let ctx = ui.ctx().clone();
        self.apply_window_state(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(prefs::STORAGE_KEY, self.prefs.to_stored());
    }
}

/// Opens the window on `file`, or on the bundled default scenario. With `time_first_frame`
/// (the start of the process), prints when the first frame was on screen and quits.
pub fn run_app(
    file: Option<PathBuf>,
    time_first_frame: Option<std::time::Instant>,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Entente")
            .with_inner_size([1400.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Entente",
        options,
        Box::new(move |creation| {
            let prefs = Prefs::from_stored(
                creation
                    .storage
                    .and_then(|storage| storage.get_string(prefs::STORAGE_KEY)),
            );
            let saves = std::env::current_dir().ok().map(|dir| dir.join("saves"));
            let config = AppConfig {
                dialogs: Box::new(NativeDialogs {
                    folder: saves.filter(|dir| dir.is_dir()),
                }),
                data_folder: eframe::storage_dir("Entente"),
                autoplay: true,
                slow_tick: document::COMPUTE_SLOW_TICK,
            };
            let app = match &file {
                Some(path) => EntenteApp::with_file_and_config(path, config),
                None => EntenteApp::new(default_document(), config),
            };
            let app = app.with_prefs(prefs);
            Ok(match time_first_frame {
                Some(started) => Box::new(first_frame::FirstFrameTimer::new(app, started)),
                None => Box::new(app),
            })
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
