//! The eframe app: the only module that knows egui, eframe and rfd.
//!
//! One door for every change: UI code (`ui/`) reads an [`AppState`] it cannot change and pushes
//! [`Intent`]s; [`EntenteApp::carry_out`] (`dispatch.rs`) applies them in one place after
//! drawing, with the exercise's locks checked on every path. Files and dialogs are opened only
//! there (`files.rs`); the window's own input (shortcuts, dropped files, the close button) is read
//! in `window.rs` and becomes intents too.

pub mod command;
pub mod dialogs;
mod dispatch;
pub mod files;
pub mod first_frame;
pub mod playback;
pub mod state;
mod ui;
mod window;

use std::path::{Path, PathBuf};

pub use command::{COMMANDS, Command, Intent, RunsChange, UnsavedAnswer};
pub use dialogs::{DialogEnvironment, FileDialogs, NativeDialogs, native_dialogs_available};
pub use state::{AfterSave, AppState, LoadErrors, Prompt, Status};

pub use crate::editor::{Document, Item, Selection};

use crate::editor::autosave::Autosave;
use crate::editor::prefs::{self, Prefs};
use crate::editor::{document, exercise, series};
use crate::io::{self, library};

/// How the app is set up: its dialogs and where it keeps autosaves.
pub struct AppConfig {
    /// File dialogs (native in the app, scripted in tests). When they are not available the
    /// app shows its own.
    pub dialogs: Box<dyn FileDialogs>,
    /// Where the app's own file dialog starts when the document has no folder yet.
    pub folder: Option<PathBuf>,
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
            dialogs: Box::new(NativeDialogs::new(None)),
            folder: None,
            data_folder: None,
            autoplay: true,
            slow_tick: document::COMPUTE_SLOW_TICK,
        }
    }
}

/// The whole app: the state the UI reads, the views' own state, the queue of intents, and what
/// only the app itself touches (dialogs, autosave, the window).
pub struct EntenteApp {
    state: AppState,
    views: ui::Views,
    intents: Vec<Intent>,
    /// See [`AppConfig::slow_tick`].
    slow_tick: std::time::Duration,
    dialogs: Box<dyn FileDialogs>,
    /// See [`AppConfig::folder`].
    folder: Option<PathBuf>,
    /// What the app's own file dialog, while it is open, was opened for.
    pending_file: Option<files::FileRequest>,
    autosave: Option<Autosave>,
    /// The clock time (egui's input time, seconds) the current autosave interval started.
    autosave_clock: Option<f64>,
    applied_title: String,
    applied_style: Option<(bool, f32)>,
}

impl EntenteApp {
    /// The app on `document`, set up by `config`.
    pub fn new(mut document: Document, config: AppConfig) -> Self {
        document.set_slow_tick(config.slow_tick);
        let mut app = Self {
            state: AppState::new(document, config.autoplay),
            views: ui::Views::default(),
            intents: Vec::new(),
            slow_tick: config.slow_tick,
            dialogs: config.dialogs,
            folder: config.folder,
            pending_file: None,
            autosave: config.data_folder.as_deref().map(Autosave::in_folder),
            autosave_clock: None,
            applied_title: String::new(),
            applied_style: None,
        };
        app.look_for_autosave();
        if let Some(path) = app.state.document.path().map(std::path::Path::to_path_buf) {
            app.restore_runs(&path);
        }
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
        self.state.prefs = prefs;
        self
    }

    /// Everything the window shows, read-only.
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The document being edited.
    pub fn document(&self) -> &Document {
        &self.state.document
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.state.selection
    }

    /// The question or notice shown, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.state.prompt()
    }

    /// The problems of the last file that failed to open, while they are shown.
    pub fn load_errors(&self) -> Option<&LoadErrors> {
        self.state.load_errors()
    }

    /// The status-bar message.
    pub fn status(&self) -> Option<&Status> {
        self.state.status()
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &Prefs {
        self.state.prefs()
    }

    /// The classroom session, if the scenario is an exercise.
    pub fn session(&self) -> Option<&exercise::Session> {
        self.state.session()
    }

    /// The tick currently shown: the cursor, or the last computed tick while the run catches up.
    pub fn tick(&self) -> u32 {
        self.state.tick()
    }

    /// The tick the cursor is on (it may be ahead of what is computed yet).
    pub fn cursor(&self) -> u32 {
        self.state.cursor()
    }

    /// Whether the run has taken several frames to compute and is still going.
    pub fn is_computing(&self) -> bool {
        self.state.is_computing()
    }

    /// Whether playback is running.
    pub fn is_playing(&self) -> bool {
        self.state.playback.is_playing()
    }

    /// Whether the user confirmed closing the window.
    pub fn close_confirmed(&self) -> bool {
        self.state.close_confirmed
    }

    /// The new-event form's content, if it is open.
    pub fn new_event_draft(&self) -> Option<&ui::new_event::Draft> {
        self.views.timeline.draft()
    }

    /// The series the plot shows now (every computed tick), as the CSV export writes them.
    pub fn plotted_series(&self) -> Vec<series::Series> {
        match self.state.document.simulation() {
            Some(run) => series::series(run, self.views.plot.view, &self.state.selection),
            None => Vec::new(),
        }
    }

    /// The plotted line drawn bold because the pointer is over it (on the plot or in the legend).
    pub fn highlighted_line(&self) -> Option<&str> {
        self.views.plot.highlighted()
    }

    /// Queues an intent, as a click would.
    pub fn push(&mut self, intent: Intent) {
        self.intents.push(intent);
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

impl eframe::App for EntenteApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.handle_input(ctx);
        self.carry_out();
        self.compute(ctx);
        if self.state.playback.is_playing() {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui::window_ui(ui, &self.state, &mut self.views, &mut self.intents);
        self.carry_out();
        let ctx = ui.ctx().clone();
        self.apply_window_state(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        storage.set_string(prefs::STORAGE_KEY, self.state.prefs.to_stored());
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
            let saves = std::env::current_dir()
                .ok()
                .map(|dir| dir.join("saves"))
                .filter(|dir| dir.is_dir());
            let config = AppConfig {
                dialogs: Box::new(NativeDialogs::new(saves.clone())),
                folder: saves,
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
