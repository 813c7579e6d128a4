//! The exercise editor, in teacher mode, so a teacher never writes RON by hand: the texts
//! (briefing, objectives, debrief questions, teacher notes), the roles, the goals
//! (`exercise_goals.rs`), the locks and the budget. Every change is one `Edit::SetExercise`
//! carrying the whole exercise block; typing into one field merges into one undo step.

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::exercise_goals::goals_ui;
use crate::app::ui::fields::nations_picker_ui;
use crate::app::ui::nation_name;
use crate::editor::document::MergeKey;
use crate::editor::edit::Edit;
use crate::model::exercise::{Exercise, Role};
use crate::model::{Scenario, Text};

/// Whether the editor is open, and on which tab.
#[derive(Debug, Default)]
pub struct ExerciseEditorView {
    /// Open; set by the Exercise menu's command, cleared by the window's close button.
    pub open: bool,
    tab: Tab,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Texts,
    Roles,
    Goals,
    Locks,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Texts, Tab::Roles, Tab::Goals, Tab::Locks];

    fn label(self) -> &'static str {
        match self {
            Tab::Texts => "Briefing and debrief",
            Tab::Roles => "Roles",
            Tab::Goals => "Goals",
            Tab::Locks => "Locks and budget",
        }
    }
}

/// Collects the editor's changes as edits of the whole exercise block.
pub struct ExerciseChanges<'a> {
    /// The exercise as it stands.
    pub exercise: &'a Exercise,
    intents: &'a mut Vec<Intent>,
}

impl ExerciseChanges<'_> {
    /// Replaces the exercise with `next`; `typing` names the field being typed or dragged, so
    /// its changes merge into one undo step.
    pub fn set(&mut self, next: Exercise, typing: Option<String>) {
        if &next == self.exercise {
            return;
        }
        self.intents.push(Intent::Edit {
            edit: Edit::SetExercise(Some(Box::new(next))),
            merge: typing.map(|field| MergeKey(format!("exercise {field}"))),
        });
    }

    /// The exercise with one change made by `change`.
    pub fn with(&self, change: impl FnOnce(&mut Exercise)) -> Exercise {
        let mut next = self.exercise.clone();
        change(&mut next);
        next
    }

    fn remove(&mut self) {
        self.intents.push(Intent::Edit {
            edit: Edit::SetExercise(None),
            merge: None,
        });
    }
}

/// The editor window; drawn only in teacher mode on a scenario with an exercise.
pub fn exercise_editor_ui(
    ctx: &egui::Context,
    app: &AppState,
    view: &mut ExerciseEditorView,
    intents: &mut Vec<Intent>,
) {
    let scenario = app.document.scenario();
    let exercise = match &scenario.exercise {
        Some(exercise) if app.is_teacher() && view.open => exercise,
        _ => {
            // No exercise any more (removed, or undone), or a student at the keyboard.
            view.open = false;
            return;
        }
    };
    let mut open = true;
    let mut changes = ExerciseChanges { exercise, intents };
    egui::Window::new("Exercise editor")
        .open(&mut open)
        .default_width(560.0)
        .default_height(480.0)
        .resizable(true)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                for tab in Tab::ALL {
                    ui.selectable_value(&mut view.tab, tab, tab.label());
                }
            });
            ui.separator();
            // The window keeps its size from tab to tab, and scrolls what does not fit.
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| match view.tab {
                    Tab::Texts => texts_ui(ui, &mut changes),
                    Tab::Roles => roles_ui(ui, scenario, &mut changes),
                    Tab::Goals => goals_ui(ui, app, &mut changes),
                    Tab::Locks => locks_ui(ui, scenario, &mut changes),
                });
        });
    view.open = open;
}

fn texts_ui(ui: &mut egui::Ui, changes: &mut ExerciseChanges) {
    let exercise = changes.exercise;
    if let Some(briefing) = long_text_ui(
        ui,
        "Briefing for students",
        "What students read first. # starts a heading, - a list item; *stars* emphasise.",
        &exercise.briefing.0,
        6,
    ) {
        let next = changes.with(|e| e.briefing = Text(briefing));
        changes.set(next, Some("briefing".into()));
    }
    ui.add_space(6.0);
    if let Some(objectives) = list_ui(ui, "Learning objectives", "objective", &exercise.objectives)
    {
        let (list, typing) = objectives;
        let next = changes.with(|e| e.objectives = list);
        changes.set(next, typing);
    }
    ui.add_space(6.0);
    if let Some((list, typing)) = list_ui(ui, "Debrief questions", "question", &exercise.debrief) {
        let next = changes.with(|e| e.debrief = list);
        changes.set(next, typing);
    }
    ui.add_space(6.0);
    if let Some(notes) = long_text_ui(
        ui,
        "Teacher notes",
        "Shown in teacher mode only, and left out of student handouts: the answer, the good and the bad plans.",
        &exercise.teacher_notes.0,
        4,
    ) {
        let next = changes.with(|e| e.teacher_notes = Text(notes));
        changes.set(next, Some("teacher notes".into()));
    }
    ui.add_space(10.0);
    ui.separator();
    if ui
        .button("Remove the exercise")
        .on_hover_text("Make this a plain scenario again (Undo brings the exercise back)")
        .clicked()
    {
        changes.remove();
    }
}

/// A titled, explained text of several lines; reports its new text while it is typed.
fn long_text_ui(
    ui: &mut egui::Ui,
    title: &str,
    explanation: &str,
    text: &str,
    rows: usize,
) -> Option<String> {
    let label = ui.strong(title);
    ui.weak(explanation);
    let mut edited = text.to_owned();
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut edited)
                .desired_rows(rows)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
    (response.changed() && edited != text).then_some(edited)
}

/// A numbered list of one-line texts with Remove and Add buttons. Returns the new list and,
/// while an item is being typed, which one (for merging).
fn list_ui(
    ui: &mut egui::Ui,
    title: &str,
    item: &str,
    items: &[Text],
) -> Option<(Vec<Text>, Option<String>)> {
    let mut result = None;
    ui.strong(title);
    for (k, text) in items.iter().enumerate() {
        ui.horizontal(|ui| {
            let number = ui.label(format!(
                "{}{} {}",
                item[..1].to_uppercase(),
                &item[1..],
                k + 1
            ));
            let mut edited = text.0.clone();
            let width = (ui.available_width() - 90.0).max(120.0);
            if ui
                .add(egui::TextEdit::singleline(&mut edited).desired_width(width))
                .labelled_by(number.id)
                .changed()
            {
                let mut next = items.to_vec();
                next[k] = Text(edited);
                result = Some((next, Some(format!("{item} {k}"))));
            }
            if ui
                .button("Remove")
                .on_hover_text(format!("Remove {item} {}", k + 1))
                .clicked()
            {
                let mut next = items.to_vec();
                next.remove(k);
                result = Some((next, None));
            }
        });
    }
    if ui.button(format!("Add {item}")).clicked() {
        let mut next = items.to_vec();
        next.push(Text::default());
        result = Some((next, None));
    }
    result
}

fn roles_ui(ui: &mut egui::Ui, scenario: &Scenario, changes: &mut ExerciseChanges) {
    ui.weak(
        "Students choose a role before they start, and may only take events in which one of its \
         nations acts. Without roles, students act for every nation.",
    );
    let roles = &changes.exercise.roles;
    let mut next_roles: Option<(Vec<Role>, Option<String>)> = None;
    for (k, role) in roles.iter().enumerate() {
        ui.group(|ui| {
            ui.horizontal(|ui| {
                let label = ui.label(format!("Role {}", k + 1));
                let mut name = role.name.0.clone();
                if ui
                    .text_edit_singleline(&mut name)
                    .labelled_by(label.id)
                    .changed()
                {
                    let mut next = roles.clone();
                    next[k].name = Text(name);
                    next_roles = Some((next, Some(format!("role {k} name"))));
                }
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this role")
                    .clicked()
                {
                    let mut next = roles.clone();
                    next.remove(k);
                    next_roles = Some((next, None));
                }
            });
            let names: Vec<String> = role
                .nations
                .iter()
                .map(|n| nation_name(scenario, n))
                .collect();
            ui.weak(if names.is_empty() {
                "Acts for no nation yet: tick its nations below.".to_owned()
            } else {
                format!("Acts for {}", names.join(", "))
            });
            if let Some(nations) =
                nations_picker_ui(ui, scenario, &role.nations, &format!("role {k} nations"))
            {
                let mut next = roles.clone();
                next[k].nations = nations;
                next_roles = Some((next, None));
            }
        });
    }
    if ui.button("Add role").clicked() {
        let mut next = roles.clone();
        next.push(Role {
            name: Text(format!("Role {}", roles.len() + 1)),
            nations: Vec::new(),
        });
        next_roles = Some((next, None));
    }
    if let Some((roles, typing)) = next_roles {
        let next = changes.with(|e| e.roles = roles);
        changes.set(next, typing);
    }
}

fn locks_ui(ui: &mut egui::Ui, scenario: &Scenario, changes: &mut ExerciseChanges) {
    let exercise = changes.exercise;
    let locks = &exercise.locks;
    ui.weak("In student mode the locked parts are greyed out, and every way to change them is refused with the reason.");
    let mut parameters = locks.parameters;
    if ui
        .checkbox(
            &mut parameters,
            "Lock the model's parameters, settings, seed and horizon",
        )
        .changed()
    {
        let next = changes.with(|e| e.locks.parameters = parameters);
        changes.set(next, None);
    }
    let mut events = locks.events;
    if ui
        .checkbox(
            &mut events,
            "Lock the events on the timeline (students add their own)",
        )
        .changed()
    {
        let next = changes.with(|e| e.locks.events = events);
        changes.set(next, None);
    }
    ui.add_space(6.0);
    ui.strong("Locked nations");
    ui.weak(
        "Their attributes, names, regions and relations cannot be edited, nor can they be deleted.",
    );
    if let Some(nations) = nations_picker_ui(ui, scenario, &locks.nations, "locked nations") {
        let next = changes.with(|e| e.locks.nations = nations);
        changes.set(next, None);
    }
    ui.add_space(6.0);
    ui.strong("Locked relations");
    let mut pairs: Vec<(crate::model::NationId, crate::model::NationId)> = scenario
        .relations
        .iter()
        .map(|r| (r.a.clone(), r.b.clone()))
        .collect();
    for pair in &locks.relations {
        if !pairs.iter().any(|p| same_pair(p, pair)) {
            pairs.push(pair.clone());
        }
    }
    if pairs.is_empty() {
        ui.weak("The scenario has no relations to lock.");
    }
    egui::CollapsingHeader::new(format!(
        "{} of {} locked",
        locks.relations.len(),
        pairs.len()
    ))
    .id_salt("locked relations")
    .default_open(pairs.len() <= 12)
    .show(ui, |ui| {
        for pair in &pairs {
            let mut on = locks.relations.iter().any(|p| same_pair(p, pair));
            let label = format!(
                "{} – {}",
                nation_name(scenario, &pair.0),
                nation_name(scenario, &pair.1)
            );
            if ui.checkbox(&mut on, label).changed() {
                let next = changes.with(|e| {
                    e.locks.relations.retain(|p| !same_pair(p, pair));
                    if on {
                        e.locks.relations.push(pair.clone());
                    }
                });
                changes.set(next, None);
            }
        }
    });
    ui.add_space(6.0);
    ui.strong("Budget");
    ui.horizontal(|ui| {
        let mut limited = exercise.budget.is_some();
        if ui
            .checkbox(&mut limited, "Limit the events a student may add to")
            .changed()
        {
            let next = changes.with(|e| e.budget = limited.then_some(3));
            changes.set(next, None);
        }
        if let Some(budget) = exercise.budget {
            let mut budget = budget;
            let response = ui.add(
                egui::DragValue::new(&mut budget)
                    .range(0..=99)
                    .suffix(" events"),
            );
            if response.changed() {
                let next = changes.with(|e| e.budget = Some(budget));
                changes.set(next, Some("budget".into()));
            }
        }
    });
}

fn same_pair<T: PartialEq>(p: &(T, T), q: &(T, T)) -> bool {
    (p.0 == q.0 && p.1 == q.1) || (p.0 == q.1 && p.1 == q.0)
}
