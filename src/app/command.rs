//! What the user can ask for. One table of commands drives the menus, the toolbar tooltips and
//! the keyboard shortcuts, so a shortcut shown in a menu is the one that works.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use super::state::Prompt;
use crate::editor::document::MergeKey;
use crate::editor::edit::Edit;
use crate::editor::selection::Selection;

/// A command without arguments, reachable from a menu, the toolbar or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    /// Start a new, blank scenario.
    New,
    /// Open a scenario file.
    Open,
    /// Save to the current file (asks where the first time).
    Save,
    /// Save to a new file.
    SaveAs,
    /// Close the window.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Delete the selection.
    Delete,
    /// Select every nation.
    SelectAll,
    /// Add a nation at the centre of the view.
    AddNation,
    /// Create an alliance of the selected nations.
    CreateAlliance,
    /// Rename the selected nation on the canvas.
    Rename,
    /// Open the context menu of the selected nation (the keyboard's right click).
    NodeMenu,
    /// Play or pause the simulation.
    PlayPause,
    /// Advance one tick.
    NextTick,
    /// Go back one tick.
    PreviousTick,
    /// Go back to tick 0.
    JumpToStart,
    /// Simulate to the horizon.
    JumpToEnd,
    /// Keep the current run, drawn faint, to compare what comes next with.
    KeepBaseline,
    /// Keep the current run and branch from the cursor tick: edits change only what follows.
    BranchHere,
    /// Run the scenario under 100 seeds of its random events, in the background.
    RunSeeds,
    /// Work out again how stable the world is at rest (after edits of the world itself).
    CheckStability,
    /// Open the exercise editor (teacher mode), making an exercise if the scenario has none.
    EditExercise,
    /// Find a nation by typing its name.
    FindNation,
    /// Fit the network into view.
    FitView,
    /// Fade all but the selected nations' neighbourhood: within one tie, two, or off (cycles).
    FocusNeighbourhood,
    /// Lay the network out again (deterministic: forces for a small world, regions for a large one).
    AutoLayout,
    /// One cluster per region, the most capable nations in the middle (for large worlds).
    LayoutByRegion,
    /// Switch between the light and the dark theme.
    ToggleTheme,
    /// Larger text, for projectors.
    LargerText,
    /// Smaller text.
    SmallerText,
    /// Text at its normal size.
    NormalText,
    /// What the keys do.
    ShowShortcuts,
    /// About Entente.
    ShowAbout,
}

/// The menu a command lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// New, Open, Save…
    File,
    /// Undo, Redo, Delete…
    Edit,
    /// Play, Step…
    Simulation,
    /// The classroom exercise.
    Exercise,
    /// Fit view, theme, text size…
    View,
    /// Shortcuts, About.
    Help,
}

/// One row of the command table.
pub struct CommandSpec {
    /// The command.
    pub command: Command,
    /// Where it appears.
    pub menu: Menu,
    /// Its name in menus and for screen readers.
    pub label: &'static str,
    /// What it does, for tooltips.
    pub help: &'static str,
    /// Its keyboard shortcut.
    pub shortcut: Option<KeyboardShortcut>,
}

const fn key(modifiers: Modifiers, key: Key) -> Option<KeyboardShortcut> {
    Some(KeyboardShortcut::new(modifiers, key))
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
const SHIFT: Modifiers = Modifiers::SHIFT;

/// Second keys for a few commands: "=" is "+" without Shift on most keyboards, and the Menu key
/// is the usual way to open a context menu from the keyboard.
pub const ALIASES: &[(KeyboardShortcut, Command)] = &[
    (
        KeyboardShortcut::new(CTRL, Key::Equals),
        Command::LargerText,
    ),
    (KeyboardShortcut::new(NONE, Key::Menu), Command::NodeMenu),
];

/// Every command, in menu order. Shortcuts with more modifiers come before the same key with
/// fewer (Redo before Undo), because a shortcut is matched ignoring extra Shift.
pub const COMMANDS: &[CommandSpec] = &[
    CommandSpec {
        command: Command::New,
        menu: Menu::File,
        label: "New",
        help: "Start a new, blank scenario",
        shortcut: key(CTRL, Key::N),
    },
    CommandSpec {
        command: Command::Open,
        menu: Menu::File,
        label: "Open…",
        help: "Open a scenario file (.ron)",
        shortcut: key(CTRL, Key::O),
    },
    CommandSpec {
        command: Command::SaveAs,
        menu: Menu::File,
        label: "Save As…",
        help: "Save the scenario to a new file",
        shortcut: key(CTRL_SHIFT, Key::S),
    },
    CommandSpec {
        command: Command::Save,
        menu: Menu::File,
        label: "Save",
        help: "Save the scenario",
        shortcut: key(CTRL, Key::S),
    },
    CommandSpec {
        command: Command::Quit,
        menu: Menu::File,
        label: "Quit",
        help: "Close Entente (asks about unsaved changes)",
        shortcut: key(CTRL, Key::Q),
    },
    CommandSpec {
        command: Command::Redo,
        menu: Menu::Edit,
        label: "Redo",
        help: "Redo the last undone edit",
        shortcut: key(CTRL_SHIFT, Key::Z),
    },
    CommandSpec {
        command: Command::Undo,
        menu: Menu::Edit,
        label: "Undo",
        help: "Undo the last edit",
        shortcut: key(CTRL, Key::Z),
    },
    CommandSpec {
        command: Command::Delete,
        menu: Menu::Edit,
        label: "Delete",
        help: "Delete the selection",
        shortcut: key(NONE, Key::Delete),
    },
    CommandSpec {
        command: Command::SelectAll,
        menu: Menu::Edit,
        label: "Select all nations",
        help: "Select every nation on the canvas",
        shortcut: key(CTRL, Key::A),
    },
    CommandSpec {
        command: Command::AddNation,
        menu: Menu::Edit,
        label: "Add nation",
        help: "Add a nation in the middle of the view",
        shortcut: None,
    },
    CommandSpec {
        command: Command::CreateAlliance,
        menu: Menu::Edit,
        label: "Create alliance of selection",
        help: "Form an alliance of the selected nations (at least two)",
        shortcut: None,
    },
    CommandSpec {
        command: Command::Rename,
        menu: Menu::Edit,
        label: "Rename nation",
        help: "Rename the selected nation in place (Enter keeps, Escape cancels)",
        shortcut: key(NONE, Key::F2),
    },
    CommandSpec {
        command: Command::NodeMenu,
        menu: Menu::Edit,
        label: "Nation actions…",
        help: "Open the selected nation's menu: relations, treaties, interventions, alliances",
        shortcut: key(SHIFT, Key::F10),
    },
    CommandSpec {
        command: Command::PlayPause,
        menu: Menu::Simulation,
        label: "Play / Pause",
        help: "Play or pause the simulation",
        shortcut: key(NONE, Key::Space),
    },
    CommandSpec {
        command: Command::NextTick,
        menu: Menu::Simulation,
        label: "Step",
        help: "Advance one tick (one quarter)",
        shortcut: key(NONE, Key::ArrowRight),
    },
    CommandSpec {
        command: Command::PreviousTick,
        menu: Menu::Simulation,
        label: "Step back",
        help: "Go back one tick",
        shortcut: key(NONE, Key::ArrowLeft),
    },
    CommandSpec {
        command: Command::JumpToStart,
        menu: Menu::Simulation,
        label: "Jump to start",
        help: "Go back to tick 0",
        shortcut: key(NONE, Key::Home),
    },
    CommandSpec {
        command: Command::JumpToEnd,
        menu: Menu::Simulation,
        label: "Jump to end",
        help: "Show the last tick of the run",
        shortcut: key(NONE, Key::End),
    },
    CommandSpec {
        command: Command::KeepBaseline,
        menu: Menu::Simulation,
        label: "Keep as baseline",
        help: "Keep the current run under a name, drawn faint on the plot, to compare the next one with",
        shortcut: key(CTRL, Key::B),
    },
    CommandSpec {
        command: Command::BranchHere,
        menu: Menu::Simulation,
        label: "Branch here",
        help: "Keep the current run and branch from the cursor: edits change only what comes after it, the history stays shared",
        shortcut: None,
    },
    CommandSpec {
        command: Command::RunSeeds,
        menu: Menu::Simulation,
        label: "Run 100 seeds",
        help: "Run the scenario under 100 seeds of its random events on every core: the plot shows the median and the 50% and 90% bands, the goals how often they are met",
        shortcut: None,
    },
    CommandSpec {
        command: Command::CheckStability,
        menu: Menu::Simulation,
        label: "Check stability",
        help: "Work out how stable the world is at rest: the slowest disturbance, how fast it fades or grows, and the loop behind it",
        shortcut: None,
    },
    CommandSpec {
        command: Command::EditExercise,
        menu: Menu::Exercise,
        label: "Edit exercise…",
        help: "Write the briefing, roles, goals, locks and budget of a classroom exercise on this scenario (teacher mode)",
        shortcut: None,
    },
    CommandSpec {
        command: Command::FindNation,
        menu: Menu::View,
        label: "Find a nation…",
        help: "Type part of a nation's name: it is selected and brought to the middle of the view",
        shortcut: key(CTRL, Key::F),
    },
    CommandSpec {
        command: Command::FitView,
        menu: Menu::View,
        label: "Fit to view",
        help: "Show the whole network",
        shortcut: key(NONE, Key::F),
    },
    CommandSpec {
        command: Command::FocusNeighbourhood,
        menu: Menu::View,
        label: "Focus on neighbourhood",
        help: "Fade all but the selected nations and their neighbours: within one tie, within two, then off again",
        shortcut: key(NONE, Key::N),
    },
    CommandSpec {
        command: Command::AutoLayout,
        menu: Menu::View,
        label: "Auto-layout",
        help: "Arrange the nodes: a force layout, or one cluster per region in a world of more than 60 nations",
        shortcut: None,
    },
    CommandSpec {
        command: Command::LayoutByRegion,
        menu: Menu::View,
        label: "Layout by region",
        help: "One cluster per region with its name, the most capable nations in the middle: for large worlds",
        shortcut: None,
    },
    CommandSpec {
        command: Command::ToggleTheme,
        menu: Menu::View,
        label: "Light / dark theme",
        help: "Switch between the light and the dark theme",
        shortcut: None,
    },
    CommandSpec {
        command: Command::LargerText,
        menu: Menu::View,
        label: "Larger text",
        help: "Make everything larger (for projectors)",
        shortcut: key(CTRL, Key::Plus),
    },
    CommandSpec {
        command: Command::SmallerText,
        menu: Menu::View,
        label: "Smaller text",
        help: "Make everything smaller",
        shortcut: key(CTRL, Key::Minus),
    },
    CommandSpec {
        command: Command::NormalText,
        menu: Menu::View,
        label: "Normal text size",
        help: "Reset the text size",
        shortcut: key(CTRL, Key::Num0),
    },
    CommandSpec {
        command: Command::ShowShortcuts,
        menu: Menu::Help,
        label: "Keyboard shortcuts",
        help: "List what the keys do",
        shortcut: None,
    },
    CommandSpec {
        command: Command::ShowAbout,
        menu: Menu::Help,
        label: "About Entente",
        help: "Version and licence",
        shortcut: None,
    },
];

/// The table row of a command.
pub fn spec(command: Command) -> &'static CommandSpec {
    COMMANDS
        .iter()
        .find(|spec| spec.command == command)
        .unwrap_or(&COMMANDS[0])
}

/// A change to the runs kept for comparison (`editor::runs`), by a pinned run's id.
#[derive(Clone, Debug, PartialEq)]
pub enum RunsChange {
    /// Rename a run.
    Rename(u64, String),
    /// Show or hide a run on the plot.
    Show(u64, bool),
    /// Compare the current run with this one (None: with none).
    Compare(Option<u64>),
    /// Delete a run.
    Remove(u64),
    /// Make a kept run's scenario the current one (one undoable step).
    SwitchTo(u64),
    /// Plot the current run minus the compared one.
    Difference(bool),
    /// Let the Why panel explain the difference from the compared run.
    ExplainDifference(bool),
    /// End the branch: edits may change any tick again.
    EndBranch,
    /// Stop the seeds under way.
    CancelSeeds,
}

/// What holds the keyboard focus, which decides who gets a key.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyboardFocus {
    /// Nothing: every shortcut is the app's.
    Nothing,
    /// A text field being edited.
    TextField,
    /// A button, node, slider or menu entry reached with Tab.
    Widget,
}

/// Whether the focused widget keeps this key for itself. A text field keeps bare keys (Space,
/// Delete, arrows, F…) and Ctrl+A, which selects its text rather than every nation; any other
/// focused widget keeps Space (activates it) and the arrows (sliders, menus).
pub fn focus_keeps(focus: KeyboardFocus, shortcut: &KeyboardShortcut) -> bool {
    match focus {
        KeyboardFocus::Nothing => false,
        KeyboardFocus::TextField => {
            shortcut.modifiers.is_none() || *shortcut == KeyboardShortcut::new(CTRL, Key::A)
        }
        KeyboardFocus::Widget => {
            shortcut.modifiers.is_none()
                && matches!(
                    shortcut.logical_key,
                    Key::Space | Key::ArrowLeft | Key::ArrowRight | Key::ArrowUp | Key::ArrowDown
                )
        }
    }
}

/// Everything the interface asks the app to do. UI code reads the app and pushes intents; the
/// app carries them out in one place after drawing (`dispatch.rs`), so every change of the
/// document, the session, files and dialogs passes the same checks.
// A handful of intents per frame: their size does not matter, boxing would only add noise.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Intent {
    /// A table command.
    Run(Command),
    /// An edit of the document; `merge` joins it to the previous undo step. An edit that
    /// schedules an event selects the new event.
    Edit {
        /// The edit.
        edit: Edit,
        /// Joins consecutive edits of one gesture into one undo step.
        merge: Option<MergeKey>,
    },
    /// A gesture that merged edits has ended.
    EndMerge,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open a bundled example by name.
    OpenExample(&'static str),
    /// Replace the selection.
    Select(Selection),
    /// Add a nation at a canvas position.
    AddNationAt((f32, f32)),
    /// Move the cursor to a tick.
    Seek(u32),
    /// Set the playback speed, in ticks per second.
    SetSpeed(f32),
    /// Set how far the canvas's neighbourhood focus reaches.
    Focus(crate::editor::focus::FocusDepth),
    /// Show a question or notice (the briefing, the debrief, the shortcuts).
    ShowPrompt(Prompt),
    /// Close the notice shown (not a question: those take an answer).
    ClosePrompt,
    /// The answer to "Save changes first?".
    AnswerUnsaved(UnsavedAnswer),
    /// The answer to "Recover unsaved work?": true recovers the autosave, false discards it.
    AnswerRecovery(bool),
    /// The answer to "Replace it?" (a file chosen in the app's own dialog exists).
    AnswerReplace(bool),
    /// Close the list of a file's problems.
    CloseLoadErrors,
    /// Write the exercise report (asks for a folder).
    WriteReport,
    /// Export the plotted series as CSV (asks where).
    ExportCsv,
    /// Export the plot as a PNG image (asks where).
    ExportPng,
    /// The app's own file dialog closed: with the file or folder chosen, or None if cancelled.
    FileChosen(Option<PathBuf>),
    /// Switch the exercise session between teacher and student mode.
    SetMode(crate::editor::exercise::Mode),
    /// Write the student's copy of the exercise (asks where; teacher mode).
    WriteHandout,
    /// Change the runs kept for comparison.
    Runs(RunsChange),
    /// Choose the student's role in the exercise, by index (None: every role).
    ChooseRole(Option<usize>),
}

/// An answer to the unsaved-changes question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Do nothing.
    Cancel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_one_row_and_shortcuts_are_unique() {
        let mut seen = Vec::new();
        for spec in COMMANDS {
            assert!(!seen.contains(&spec.command), "{:?} twice", spec.command);
            seen.push(spec.command);
            assert!(!spec.help.is_empty());
        }
        let shortcuts: Vec<_> = COMMANDS.iter().filter_map(|s| s.shortcut).collect();
        for (k, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[k + 1..].contains(a), "{a:?} twice");
        }
    }

    #[test]
    fn a_focused_widget_keeps_only_the_keys_it_uses() {
        let bare = |k| KeyboardShortcut::new(NONE, k);
        let save = KeyboardShortcut::new(CTRL, Key::S);
        let select_all = KeyboardShortcut::new(CTRL, Key::A);
        for shortcut in [bare(Key::Delete), bare(Key::F2), save, select_all] {
            assert!(!focus_keeps(KeyboardFocus::Nothing, &shortcut));
        }
        // Tab-focused nodes and buttons still answer Delete, F2 and Shift+F10.
        assert!(!focus_keeps(KeyboardFocus::Widget, &bare(Key::Delete)));
        assert!(!focus_keeps(KeyboardFocus::Widget, &bare(Key::F2)));
        assert!(focus_keeps(KeyboardFocus::Widget, &bare(Key::Space)));
        assert!(focus_keeps(KeyboardFocus::Widget, &bare(Key::ArrowRight)));
        // A text field keeps every bare key and Ctrl+A, not Ctrl+S.
        assert!(focus_keeps(KeyboardFocus::TextField, &bare(Key::Delete)));
        assert!(focus_keeps(KeyboardFocus::TextField, &select_all));
        assert!(!focus_keeps(KeyboardFocus::TextField, &save));
    }

    #[test]
    fn shortcuts_with_shift_come_first() {
        let position = |c| COMMANDS.iter().position(|s| s.command == c).unwrap();
        assert!(position(Command::Redo) < position(Command::Undo));
        assert!(position(Command::SaveAs) < position(Command::Save));
    }
}
