//! What the window shows, apart from how each view is drawn: the document, the selection, the
//! classroom session, playback, preferences and the prompt and messages over the window.
//!
//! UI code gets this as `&AppState`: it can read everything and change nothing. Changes come
//! back as intents, which the app carries out in one place (`dispatch.rs`).

use std::path::PathBuf;

use super::playback::Playback;
use crate::editor::exercise::{Mode, Session};
use crate::editor::prefs::Prefs;
use crate::editor::runs::Runs;
use crate::editor::seeds::Seeds;
use crate::editor::{Document, Selection};

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
    /// "Replace it?", after the app's own file dialog chose a file that is there already.
    Replace {
        /// The file.
        path: PathBuf,
        /// What would be written to it.
        request: super::files::FileRequest,
    },
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
    /// The document's revision when it was said: news ("Saved …", "Undid …") goes stale at the
    /// next change; a failure stays until something succeeds.
    pub revision: u64,
}

/// The app's state as the UI reads it.
pub struct AppState {
    pub(in crate::app) document: Document,
    pub(in crate::app) selection: Selection,
    /// The classroom session, when the scenario is an exercise.
    pub(in crate::app) session: Option<Session>,
    /// Runs kept to compare with the current one, and the current run's branch point.
    pub(in crate::app) runs: Runs,
    /// *Run 100 seeds*: the ensemble under way or the last one.
    pub(in crate::app) seeds: Seeds,
    pub(in crate::app) playback: Playback,
    /// Frames in a row that ended with the run not yet computed (for the progress indicator).
    pub(in crate::app) computing_frames: u32,
    pub(in crate::app) prefs: Prefs,
    pub(in crate::app) prompt: Option<Prompt>,
    pub(in crate::app) load_errors: Option<LoadErrors>,
    pub(in crate::app) status: Option<Status>,
    pub(in crate::app) close_confirmed: bool,
}

impl AppState {
    /// The state of a window just opened on `document`.
    pub(in crate::app) fn new(document: Document, autoplay: bool) -> Self {
        Self {
            document,
            selection: Selection::none(),
            session: None,
            runs: Runs::default(),
            seeds: Seeds::default(),
            playback: Playback::new(autoplay),
            computing_frames: 0,
            prefs: Prefs::default(),
            prompt: None,
            load_errors: None,
            status: None,
            close_confirmed: false,
        }
    }

    /// The document being edited.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The selection.
    pub fn selection(&self) -> &Selection {
        &self.selection
    }

    /// The runs kept for comparison, and the current run's branch point.
    pub fn runs(&self) -> &Runs {
        &self.runs
    }

    /// The ensemble of seeds under way or the last one.
    pub fn seeds(&self) -> &Seeds {
        &self.seeds
    }

    /// The classroom session, if the scenario is an exercise.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    /// Whether the exercise session is in teacher mode, which shows the teacher notes and lifts
    /// the locks.
    pub fn is_teacher(&self) -> bool {
        self.session
            .as_ref()
            .is_some_and(|s| s.mode == Mode::Teacher)
    }

    /// Why the exercise refuses `edit` (student mode and its locks), or None if it may go
    /// ahead. The one check every route to an edit passes (`dispatch.rs`), and what the views
    /// ask to grey out what is locked and say why.
    pub fn refusal(&self, edit: &crate::editor::edit::Edit) -> Option<String> {
        let scenario = self.document.scenario();
        let (session, exercise) = (self.session.as_ref()?, scenario.exercise.as_ref()?);
        session.refusal(exercise, scenario, edit)
    }

    /// The nations the student acts for, to put first in new events: the chosen role's, or
    /// every role's before one is chosen; none outside an exercise or in teacher mode.
    pub fn acting_nations(&self) -> Vec<crate::model::NationId> {
        let scenario = self.document.scenario();
        let (Some(session), Some(exercise)) = (&self.session, &scenario.exercise) else {
            return Vec::new();
        };
        if session.mode == Mode::Teacher {
            return Vec::new();
        }
        match session.role.and_then(|k| exercise.roles.get(k)) {
            Some(role) => role.nations.clone(),
            None => exercise
                .roles
                .iter()
                .flat_map(|r| r.nations.iter().cloned())
                .collect(),
        }
    }

    /// Whether the open exercise is a student's copy, which never enters teacher mode.
    pub fn is_handout(&self) -> bool {
        let exercise = self.document.scenario().exercise.as_ref();
        exercise.is_some_and(|e| e.handout)
    }

    /// Playback: the cursor and its speed.
    pub fn playback(&self) -> &Playback {
        &self.playback
    }

    /// The tick currently shown: the cursor, or the last computed tick while the run catches up.
    pub fn tick(&self) -> u32 {
        self.playback.cursor().min(self.document.progress().0)
    }

    /// The tick the cursor is on (it may be ahead of what is computed yet).
    pub fn cursor(&self) -> u32 {
        self.playback.cursor()
    }

    /// The last tick of the run, 0 when there is no run.
    pub fn horizon(&self) -> u32 {
        self.document
            .simulation()
            .map_or(0, |run| run.world().horizon)
    }

    /// Whether the run has taken several frames to compute and is still going (the progress
    /// indicator shows then).
    pub fn is_computing(&self) -> bool {
        self.computing_frames > 3
    }

    /// The remembered preferences.
    pub fn prefs(&self) -> &Prefs {
        &self.prefs
    }

    /// The question or notice shown, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The problems of the last file that failed to open, while they are shown.
    pub fn load_errors(&self) -> Option<&LoadErrors> {
        self.load_errors.as_ref()
    }

    /// The status-bar message, unless it is news the document has moved on from.
    pub fn status(&self) -> Option<&Status> {
        self.status
            .as_ref()
            .filter(|s| s.is_error || s.revision == self.document.revision())
    }

    /// A file name stem for exports and reports, from the scenario's title.
    pub fn file_stem(&self) -> String {
        file_stem(&self.document.scenario().meta.title.0)
    }

    pub(in crate::app) fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: false,
            revision: self.document.revision(),
        });
    }

    pub(in crate::app) fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            is_error: true,
            revision: self.document.revision(),
        });
    }
}

/// A file name made from a title: letters, digits and dashes.
pub fn file_stem(title: &str) -> String {
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
