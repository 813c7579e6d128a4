//! The menu bar and the toolbar, both built from the command table.

use crate::app::command::{COMMANDS, Command, CommandSpec, Intent, Menu, spec};
use crate::app::playback::SPEEDS;
use crate::app::state::AppState;
use crate::editor::Item;
use crate::io::library::EXAMPLES;

/// Whether a command can run now (Undo with nothing to undo cannot).
fn enabled(app: &AppState, command: Command) -> bool {
    match command {
        Command::Undo => app.document.undo_label().is_some(),
        Command::Redo => app.document.redo_label().is_some(),
        Command::Delete => !app.selection.is_empty(),
        Command::CreateAlliance => app.selection.selected_nations().len() >= 2,
        Command::PlayPause
        | Command::NextTick
        | Command::PreviousTick
        | Command::JumpToStart
        | Command::JumpToEnd => app.document.simulation().is_some(),
        _ => true,
    }
}

/// The menu label of a command, with what Undo and Redo would do.
fn label(app: &AppState, spec: &CommandSpec) -> String {
    match spec.command {
        Command::Undo => app
            .document
            .undo_label()
            .map_or("Undo".to_owned(), |what| format!("Undo {what}")),
        Command::Redo => app
            .document
            .redo_label()
            .map_or("Redo".to_owned(), |what| format!("Redo {what}")),
        _ => spec.label.to_owned(),
    }
}

fn command_button(
    ui: &mut egui::Ui,
    app: &AppState,
    spec: &CommandSpec,
    intents: &mut Vec<Intent>,
) {
    let mut button = egui::Button::new(label(app, spec));
    if let Some(shortcut) = &spec.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let response = ui
        .add_enabled(enabled(app, spec.command), button)
        .on_hover_text(spec.help);
    if response.clicked() {
        intents.push(Intent::Run(spec.command));
        ui.close();
    }
}

fn commands_of(ui: &mut egui::Ui, app: &AppState, menu: Menu, intents: &mut Vec<Intent>) {
    // The table lists Redo before Undo for shortcut matching; menus show them the usual way.
    let mut specs: Vec<&CommandSpec> = COMMANDS.iter().filter(|s| s.menu == menu).collect();
    specs.sort_by_key(|s| match s.command {
        Command::Undo => 0,
        Command::Redo => 1,
        Command::Save => 2,
        Command::SaveAs => 3,
        Command::Quit => 4,
        _ => 1,
    });
    for spec in specs {
        if spec.command == Command::Quit {
            ui.separator();
        }
        command_button(ui, app, spec, intents);
        if spec.command == Command::Open {
            open_submenus_ui(ui, app, intents);
        }
    }
}

fn open_submenus_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    ui.menu_button("Open example", |ui| {
        for example in EXAMPLES {
            if ui
                .button(example.title)
                .on_hover_text(format!("{} ({}.ron)", example.summary, example.name))
                .clicked()
            {
                intents.push(Intent::OpenExample(example.name));
                ui.close();
            }
        }
    });
    ui.menu_button("Open recent", |ui| {
        if app.prefs.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in &app.prefs.recent {
            if ui.button(path.display().to_string()).clicked() {
                intents.push(Intent::OpenPath(path.clone()));
                ui.close();
            }
        }
    });
}

/// File, Edit, Simulation, View, Help.
pub fn menu_bar_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, menu) in [
            ("File", Menu::File),
            ("Edit", Menu::Edit),
            ("Simulation", Menu::Simulation),
            ("Exercise", Menu::Exercise),
            ("View", Menu::View),
            ("Help", Menu::Help),
        ] {
            ui.menu_button(title, |ui| commands_of(ui, app, menu, intents));
        }
    });
}

fn tool(
    ui: &mut egui::Ui,
    app: &AppState,
    command: Command,
    text: &str,
    intents: &mut Vec<Intent>,
) {
    let spec = spec(command);
    let hint = match &spec.shortcut {
        Some(shortcut) => format!("{} ({})", spec.help, ui.ctx().format_shortcut(shortcut)),
        None => spec.help.to_owned(),
    };
    if ui
        .add_enabled(enabled(app, command), egui::Button::new(text))
        .on_hover_text(hint)
        .clicked()
    {
        intents.push(Intent::Run(command));
    }
}

/// New, Open, Save, Undo, Redo, playback, speed and the tick.
pub fn toolbar_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    // Wrapped, so that on a small screen or at large text every tool stays reachable.
    ui.horizontal_wrapped(|ui| {
        tool(ui, app, Command::New, "New", intents);
        tool(ui, app, Command::Open, "Open", intents);
        tool(ui, app, Command::Save, "Save", intents);
        ui.separator();
        tool(ui, app, Command::Undo, "Undo", intents);
        tool(ui, app, Command::Redo, "Redo", intents);
        ui.separator();
        let play = if app.playback.is_playing() {
            "Pause"
        } else {
            "Play"
        };
        tool(ui, app, Command::PlayPause, play, intents);
        tool(ui, app, Command::NextTick, "Step", intents);
        tool(ui, app, Command::JumpToStart, "Restart", intents);
        let mut speed = app.playback.ticks_per_second();
        let slider = ui
            .add(
                egui::Slider::new(&mut speed, SPEEDS)
                    .logarithmic(true)
                    .text("ticks per second"),
            )
            .on_hover_text("Playback speed");
        if slider.changed() {
            intents.push(Intent::SetSpeed(speed));
        }
        let tick = app.tick();
        if let Some(run) = app.document.simulation() {
            let (year, quarter) = run.world().start.at_tick(tick);
            ui.label(format!(
                "Tick {tick} of {} · {year} Q{quarter}",
                run.world().horizon
            ));
        }

        ui.separator();
        tool(ui, app, Command::AddNation, "Add nation", intents);
        tool(ui, app, Command::FitView, "Fit", intents);
        tool(ui, app, Command::AutoLayout, "Auto-layout", intents);
        if let Some(Item::Nation(_)) = app.selection.only() {
            ui.label("Tip: right-click a nation for more");
        }
    });
}
