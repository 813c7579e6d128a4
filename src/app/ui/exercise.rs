//! The exercise view: the briefing shown first, the goals panel (live as the cursor moves), the
//! debrief at the end, teacher and student modes, and the report a student hands in.

use crate::app::command::{Command, Intent};
use crate::app::state::{AppState, Prompt};
use crate::app::ui::theme;
use crate::editor::exercise::Mode;
use crate::model::describe;
use crate::model::exercise::Exercise;
use crate::sim::goals::{Outcome, Standing, evaluate};

/// The goals panel at the top of the side panel; nothing when the scenario is no exercise.
pub fn exercise_panel_ui(ui: &mut egui::Ui, app: &AppState, intents: &mut Vec<Intent>) {
    let tick = app.tick();
    let (Some(session), Some(exercise)) = (&app.session, &app.document.scenario().exercise) else {
        return;
    };
    let outcomes = app
        .document
        .simulation()
        .map(|run| evaluate(exercise, run, tick))
        .unwrap_or_default();
    let met = outcomes
        .iter()
        .filter(|o| o.standing == Standing::Met)
        .count();
    let mode = session.mode;
    let handout = app.is_handout();
    let role = session
        .role
        .and_then(|k| exercise.roles.get(k))
        .map(|role| role.name.0.clone());
    let decisions = session.decisions(app.document.scenario()).len();
    let budget = exercise.budget;
    let goals: Vec<(String, Outcome)> = exercise
        .goals
        .iter()
        .map(|g| g.text.0.clone())
        .zip(outcomes)
        .collect();

    egui::CollapsingHeader::new(format!("Exercise: {met} of {} goals met", goals.len()))
        .id_salt("exercise panel")
        .default_open(true)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.weak(match mode {
                    Mode::Student => "student mode",
                    Mode::Teacher => "teacher mode",
                });
                if let Some(role) = &role {
                    ui.weak(format!("· acting for {role}"));
                }
                match budget {
                    Some(budget) => ui.weak(format!("· {decisions} of {budget} events used")),
                    None => ui.weak(format!("· {decisions} events of your own")),
                };
            });
            // After *Run 100 seeds*: how often each goal is met across them.
            let seeds = app.seeds().current(app.document.revision());
            for (k, (text, outcome)) in goals.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(
                        theme::standing_colour(ui, outcome.standing),
                        outcome.standing.label(),
                    )
                    .on_hover_text(&outcome.reason);
                    ui.label(text).on_hover_text(&outcome.reason);
                    if let Some(done) = seeds {
                        let met = done.ensemble.goals_met.get(k).copied().unwrap_or(0);
                        ui.weak(format!(
                            "· met in {met} of {} seeds",
                            done.ensemble.seeds.len()
                        ));
                    }
                });
            }
            ui.horizontal_wrapped(|ui| {
                if ui.button("Briefing").clicked() {
                    intents.push(Intent::ShowPrompt(Prompt::Briefing));
                }
                if ui.button("Debrief").clicked() {
                    intents.push(Intent::ShowPrompt(Prompt::Debrief));
                }
                if ui
                    .button("Write report…")
                    .on_hover_text("Summary, stability chart and run, for handing in")
                    .clicked()
                {
                    intents.push(Intent::WriteReport);
                }
                if handout {
                    ui.weak("student's copy")
                        .on_hover_text("Written for students: no teacher notes, no teacher mode");
                } else {
                    let mut teacher = mode == Mode::Teacher;
                    if ui
                        .checkbox(&mut teacher, "Teacher mode")
                        .on_hover_text("Show teacher notes and lift the locks")
                        .changed()
                    {
                        intents.push(Intent::SetMode(if teacher {
                            Mode::Teacher
                        } else {
                            Mode::Student
                        }));
                    }
                }
                if mode == Mode::Teacher
                    && ui
                        .button("Edit exercise…")
                        .on_hover_text("Briefing, roles, goals, locks and budget")
                        .clicked()
                {
                    intents.push(Intent::Run(Command::EditExercise));
                }
                if mode == Mode::Teacher
                    && ui
                        .button("Write student handout…")
                        .on_hover_text(
                            "Save the students' copy: no teacher notes, the locks kept, no teacher mode",
                        )
                        .clicked()
                {
                    intents.push(Intent::WriteHandout);
                }
            });
        });
    ui.separator();
}

/// The briefing: the text, objectives, the choice of role; teacher notes in teacher mode.
pub fn briefing_ui(ctx: &egui::Context, app: &AppState, intents: &mut Vec<Intent>) {
    let Some(exercise) = &app.document.scenario().exercise else {
        intents.push(Intent::ClosePrompt);
        return;
    };
    let title = app.document.scenario().meta.title.0.clone();
    let mut start = false;
    egui::Modal::new(egui::Id::unique("briefing")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(format!("Briefing: {title}"));
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                markup_ui(ui, &exercise.briefing.0);
                list_ui(ui, "Learning objectives", &exercise.objectives);
                if !exercise.goals.is_empty() {
                    ui.strong("Goals");
                    for goal in &exercise.goals {
                        ui.label(format!("• {}", goal.text));
                    }
                }
                teacher_notes_ui(ui, app, exercise);
            });
        if !exercise.roles.is_empty()
            && let Some(session) = &app.session
        {
            ui.strong("Your role");
            for (k, role) in exercise.roles.iter().enumerate() {
                let nations: Vec<String> = role
                    .nations
                    .iter()
                    .map(|n| describe::nation(app.document.scenario(), n))
                    .collect();
                let label = format!("{} ({})", role.name, nations.join(", "));
                if ui.radio(session.role == Some(k), label).clicked() {
                    intents.push(Intent::ChooseRole(Some(k)));
                }
            }
        }
        // With roles to choose from, the student chooses one before starting: the role decides
        // which events are theirs to take.
        let ready =
            exercise.roles.is_empty() || app.session.as_ref().is_none_or(|s| s.role.is_some());
        let button = ui.add_enabled(ready, egui::Button::new("Start"));
        if !ready {
            button.on_disabled_hover_text("Choose your role first");
            ui.weak("Choose your role to start.");
        } else {
            start = button.clicked();
        }
        // Escape starts too, as it closes every other notice.
        start |= ready && ui.input(|i| i.key_pressed(egui::Key::Escape));
    });
    if start {
        intents.push(Intent::ClosePrompt);
    }
}

/// The debrief: each goal's outcome at the end, the student's decisions, the questions.
pub fn debrief_ui(ctx: &egui::Context, app: &AppState, intents: &mut Vec<Intent>) {
    let scenario = app.document.scenario();
    let (Some(exercise), Some(session), Some(run)) =
        (&scenario.exercise, &app.session, app.document.simulation())
    else {
        intents.push(Intent::ClosePrompt);
        return;
    };
    let outcomes = evaluate(exercise, run, scenario.horizon);
    let decisions: Vec<String> = session
        .decisions(scenario)
        .into_iter()
        .map(|event| describe::event(scenario, event))
        .collect();
    let mut close = false;
    let mut report = false;
    egui::Modal::new(egui::Id::unique("debrief")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Debrief");
        egui::ScrollArea::vertical()
            .max_height(460.0)
            .show(ui, |ui| {
                if run.tick() < scenario.horizon {
                    ui.weak("The run is still being computed; outcomes so far.");
                }
                ui.strong("Goals");
                for (goal, outcome) in exercise.goals.iter().zip(&outcomes) {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(
                            theme::standing_colour(ui, outcome.standing),
                            outcome.standing.label(),
                        );
                        ui.label(format!("{}: {}", goal.text, outcome.reason));
                    });
                }
                ui.strong("Your decisions");
                if decisions.is_empty() {
                    ui.weak("No events of your own on the timeline.");
                }
                for decision in &decisions {
                    ui.label(format!("• {decision}"));
                }
                list_ui(ui, "Questions", &exercise.debrief);
                teacher_notes_ui(ui, app, exercise);
            });
        ui.horizontal(|ui| {
            report = ui.button("Write report…").clicked();
            close = ui.button("Close").clicked();
        });
    });
    if report {
        intents.push(Intent::WriteReport);
    }
    if close {
        intents.push(Intent::ClosePrompt);
    }
}

fn list_ui(ui: &mut egui::Ui, title: &str, items: &[crate::model::Text]) {
    if items.is_empty() {
        return;
    }
    ui.strong(title);
    for (k, item) in items.iter().enumerate() {
        ui.label(format!("{}. {item}", k + 1));
    }
}

fn teacher_notes_ui(ui: &mut egui::Ui, app: &AppState, exercise: &Exercise) {
    if app.is_teacher() && !exercise.teacher_notes.0.is_empty() {
        ui.strong("Teacher notes");
        markup_ui(ui, &exercise.teacher_notes.0);
    }
}

/// Light markup: `# heading`, `- item`, `*emphasis*`; blank lines separate paragraphs.
pub fn markup_ui(ui: &mut egui::Ui, text: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        if let Some(heading) = line.strip_prefix("# ") {
            ui.heading(heading);
        } else if let Some(item) = line.strip_prefix("- ") {
            ui.horizontal_wrapped(|ui| {
                ui.label("•");
                emphasis_ui(ui, item);
            });
        } else if line.is_empty() {
            ui.add_space(6.0);
        } else {
            ui.horizontal_wrapped(|ui| emphasis_ui(ui, line));
        }
    }
}

/// A line with `*emphasised*` runs in italics.
fn emphasis_ui(ui: &mut egui::Ui, line: &str) {
    ui.spacing_mut().item_spacing.x = 0.0;
    for (k, part) in line.split('*').enumerate() {
        if part.is_empty() {
            continue;
        }
        if k % 2 == 1 {
            ui.label(egui::RichText::new(part).italics().strong());
        } else {
            ui.label(part);
        }
    }
}
