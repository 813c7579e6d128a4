//! Helpers for the headless GUI tests (egui_kittest): scripted file dialogs, a harness on the
//! default scenario, key presses.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use entente::app::{AppConfig, Document, EntenteApp, FileDialogs};
use entente::io;

/// Answers file dialogs from a script shared with the test.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Rc<RefCell<Vec<Option<PathBuf>>>>,
}

impl ScriptedDialogs {
    /// Queues the answer to the next dialog.
    pub fn answer(&self, path: Option<&Path>) {
        self.answers.borrow_mut().push(path.map(Path::to_owned));
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.answers.borrow_mut().remove(0)
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        self.answers.borrow_mut().remove(0)
    }
}

/// Dialogs of a machine that has none: the app shows its own, which the test drives.
pub struct NoSystemDialogs;

impl FileDialogs for NoSystemDialogs {
    fn available(&self) -> bool {
        false
    }

    fn pick_open(&mut self) -> Option<PathBuf> {
        unreachable!("the app asked a dialog that is not there")
    }

    fn pick_save(&mut self, _file_name: &str) -> Option<PathBuf> {
        unreachable!("the app asked a dialog that is not there")
    }
}

/// The app's set-up for a machine without system file dialogs, its own starting in `folder`.
pub fn config_without_system_dialogs(folder: &Path) -> AppConfig {
    AppConfig {
        dialogs: Box::new(NoSystemDialogs),
        folder: Some(folder.to_owned()),
        data_folder: None,
        autoplay: false,
        slow_tick: std::time::Duration::MAX,
    }
}

/// The app's set-up for a test: scripted dialogs, an optional data folder, no autoplay.
pub fn config(dialogs: &ScriptedDialogs, data_folder: Option<&Path>) -> AppConfig {
    AppConfig {
        dialogs: Box::new(dialogs.clone()),
        folder: None,
        data_folder: data_folder.map(Path::to_owned),
        autoplay: false,
        // Every frame does its work at once, so what a test sees does not depend on timing.
        slow_tick: std::time::Duration::MAX,
    }
}

/// The bundled default scenario.
pub fn mesa() -> entente::model::Scenario {
    io::load_str(io::library::default_example().text).unwrap()
}

/// A headless window on `app`, a few frames in.
pub fn harness_with(app: EntenteApp) -> Harness<'static, EntenteApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1500.0, 950.0))
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| app);
    harness.run_steps(3);
    harness
}

/// A headless window on Mesa Crisis.
pub fn harness(dialogs: &ScriptedDialogs) -> Harness<'static, EntenteApp> {
    harness_with(EntenteApp::new(
        Document::unchanged(mesa()),
        config(dialogs, None),
    ))
}

/// Ctrl+Z.
pub fn undo(harness: &mut Harness<'_, EntenteApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
}

/// Ctrl+Shift+Z.
pub fn redo(harness: &mut Harness<'_, EntenteApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
}

/// Presses a key (with modifiers) and lets the app answer.
pub fn press(harness: &mut Harness<'_, EntenteApp>, modifiers: Modifiers, key: Key) {
    harness.key_press_modifiers(modifiers, key);
    harness.run_steps(2);
}

/// Presses Tab until the widget labelled `label` has the keyboard focus.
pub fn tab_to(harness: &mut Harness<'_, EntenteApp>, label: &str) {
    for _ in 0..400 {
        if harness
            .query_by_label_contains(label)
            .is_some_and(|node| node.is_focused())
        {
            return;
        }
        press(harness, Modifiers::NONE, Key::Tab);
    }
    panic!("Tab never reached {label:?}");
}

/// Runs frames until the whole run is computed (the app computes within a frame budget).
pub fn settle(harness: &mut Harness<'_, EntenteApp>) {
    // Let queued input act first: it may start a new computation.
    harness.run_steps(2);
    for _ in 0..500 {
        let (done, horizon) = harness.state().document().progress();
        if done >= horizon {
            harness.run_steps(2);
            return;
        }
        harness.step();
    }
    panic!("the run never finished computing");
}

/// A primary click at a point of the window (for areas that are not one widget: the ruler).
pub fn click_at(harness: &mut Harness<'_, EntenteApp>, pos: egui::Pos2) {
    harness.hover_at(pos);
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run_steps(2);
}

/// The x of a tick on the timeline, and a y in the given lane (0 = interventions).
pub fn timeline_point(harness: &Harness<'_, EntenteApp>, tick: u32, lane: usize) -> egui::Pos2 {
    let ruler = harness.get_by_label("Timeline cursor (tick)").rect();
    let horizon = harness.state().document().scenario().horizon as f32;
    let x = ruler.left() + 8.0 + (ruler.width() - 16.0) * tick as f32 / horizon;
    egui::pos2(x, ruler.bottom() + 20.0 * lane as f32 + 10.0)
}

/// Presses at `from`, moves in steps to `to` and releases there.
pub fn drag(harness: &mut Harness<'_, EntenteApp>, from: egui::Pos2, to: egui::Pos2) {
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    for k in 1..=12 {
        harness.hover_at(from + (to - from) * (k as f32 / 12.0));
        harness.step();
    }
    harness.drop_at(to);
    harness.run_steps(3);
}
