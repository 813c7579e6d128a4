//! The menu bar and the toolbar, both built from the command table.

use crate::app::command::{COMMANDS, Command, CommandSpec, Intent, Menu, spec};
use crate::app::{EntenteApp, Item};
use crate::io::library::EXAMPLES;

/// Whether a command can run now (Undo with nothing to undo cannot).
fn enabled(app: &EntenteApp, command: Command) -> bool {
    match command {
        Command::Undo => app.document.undo_label().is_some(),
        Command::Redo => app.document.redo_label().is_some(),
        Command::Delete => !app.selection.is_empty(),
        Command::CreateAlliance => app.selection.selected_nations().len() >= 2,
        Command::PlayPause
        | Command::Step
        | Command::StepBack
        | Command::JumpToStart
        | Command::JumpToEnd => app.document.simulation().is_some(),
        _ => true,
    }
}

/// The menu label of a command, with what Undo and Redo would do.
fn label(app: &EntenteApp, spec: &CommandSpec) -> String {
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

fn command_button(app: &mut EntenteApp, ui: &mut egui::Ui, spec: &CommandSpec) {
    let mut button = egui::Button::new(label(app, spec));
    if let Some(shortcut) = &spec.shortcut {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let response = ui
        .add_enabled(enabled(app, spec.command), button)
        .on_hover_text(spec.help);
    if response.clicked() {
        app.intents.push(Intent::Run(spec.command));
        ui.close();
    }
}

fn commands_of(app: &mut EntenteApp, ui: &mut egui::Ui, menu: Menu) {
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
        command_button(app, ui, spec);
        if spec.command == Command::Open {
            open_submenus_ui(app, ui);
        }
    }
}

fn open_submenus_ui(app: &mut EntenteApp, ui: &mut egui::Ui) {
    ui.menu_button("Open example", |ui| {
        for example in EXAMPLES {
            if ui
                .button(example.name)
                .on_hover_text(example.summary)
                .clicked()
            {
                app.intents.push(Intent::OpenExample(example.name));
                ui.close();
            }
        }
    });
    ui.menu_button("Open recent", |ui| {
        if app.prefs.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in app.prefs.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.intents.push(Intent::OpenPath(path));
                ui.close();
            }
        }
    });
}

/// File, Edit, Simulation, View, Help.
pub fn menu_bar_ui(app: &mut EntenteApp, ui: &mut egui::Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        for (title, menu) in [
            ("File", Menu::File),
            ("Edit", Menu::Edit),
            ("Simulation", Menu::Simulation),
            ("View", Menu::View),
            ("Help", Menu::Help),
        ] {
            ui.menu_button(title, |ui| commands_of(app, ui, menu));
        }
    });
}

fn tool(app: &mut EntenteApp, ui: &mut egui::Ui, command: Command, text: &str) {
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
        app.intents.push(Intent::Run(command));
    }
}

/// New, Open, Save, Undo, Redo, playback, speed and the tick.
pub fn toolbar_ui(app: &mut EntenteApp, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        tool(app, ui, Command::New, "New");
        tool(app, ui, Command::Open, "Open");
        tool(app, ui, Command::Save, "Save");
        ui.separator();
        tool(app, ui, Command::Undo, "Undo");
        tool(app, ui, Command::Redo, "Redo");
        ui.separator();
        let play = if app.playing { "Pause" } else { "Play" };
        tool(app, ui, Command::PlayPause, play);
        tool(app, ui, Command::Step, "Step");
        tool(app, ui, Command::JumpToStart, "Restart");
        ui.add(
            egui::Slider::new(&mut app.ticks_per_second, 0.5..=30.0)
                .logarithmic(true)
                .text("ticks per second"),
        )
        .on_hover_text("Playback speed");
        let tick = app.tick();
        if let Some(run) = app.document.simulation() {
            let (year, quarter) = run.world().start.at_tick(tick);
            ui.label(format!(
                "Tick {tick} of {} · {year} Q{quarter}",
                run.world().horizon
            ));
        }

        ui.separator();
        tool(app, ui, Command::AddNation, "Add nation");
        tool(app, ui, Command::FitView, "Fit");
        tool(app, ui, Command::AutoLayout, "Auto-layout");
        if let Some(Item::Nation(_)) = app.selection.only() {
            ui.label("Tip: right-click a nation for more");
        }
    });
}
