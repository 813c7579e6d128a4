//! The exercise editor's goals: each goal chosen from the kinds the format has, with its
//! subject, threshold and period in years and quarters, its words, and its standing as of the
//! cursor. A goal's words follow its test until the teacher writes their own.

use crate::app::state::AppState;
use crate::app::ui::exercise_editor::ExerciseChanges;
use crate::app::ui::fields::{combo, nation_combo};
use crate::app::ui::theme;
use crate::model::describe;
use crate::model::exercise::{Compare, GOAL_VARIABLES, Goal, GoalTest, Subject, When};
use crate::model::{Action, AllianceId, Scenario, StartDate, Text};
use crate::sim::goals::evaluate;

/// The goal kinds of the format, as the editor offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    RegionStability,
    NationVariable,
    Relation,
    AllianceInForce,
    NoUnmandated,
    MaxInterventions,
    MaxTreaties,
}

const KINDS: [(Kind, &str); 7] = [
    (Kind::RegionStability, "A region's stability"),
    (Kind::NationVariable, "A nation's variable"),
    (Kind::Relation, "The relation of two nations"),
    (Kind::AllianceInForce, "An alliance in force"),
    (Kind::NoUnmandated, "No intervention without a UN mandate"),
    (Kind::MaxInterventions, "At most so many interventions"),
    (Kind::MaxTreaties, "At most so many new treaties"),
];

fn kind_of(test: &GoalTest) -> Kind {
    match test {
        GoalTest::Value {
            of: Subject::Region(_),
            ..
        } => Kind::RegionStability,
        GoalTest::Value { .. } => Kind::NationVariable,
        GoalTest::Relation { .. } => Kind::Relation,
        GoalTest::AllianceExists { .. } => Kind::AllianceInForce,
        GoalTest::NoUnmandatedIntervention => Kind::NoUnmandated,
        GoalTest::MaxInterventions(_) => Kind::MaxInterventions,
        GoalTest::MaxTreaties(_) => Kind::MaxTreaties,
    }
}

/// The alliances a goal can name: in force at the start, or formed by an event.
fn alliances(scenario: &Scenario) -> Vec<(AllianceId, String)> {
    let mut all: Vec<(AllianceId, String)> = scenario
        .alliances
        .iter()
        .map(|a| (a.id.clone(), a.name.or_id(a.id.as_str()).to_owned()))
        .collect();
    for event in &scenario.events {
        if let Action::FormAlliance(a) = &event.action
            && !all.iter().any(|(id, _)| id == &a.id)
        {
            all.push((a.id.clone(), a.name.or_id(a.id.as_str()).to_owned()));
        }
    }
    all
}

/// A test of `kind` on `scenario`, keeping what carries over from `previous` (its comparison,
/// threshold and period); None when the scenario has nothing for it (no region, no alliance).
fn test_of_kind(kind: Kind, scenario: &Scenario, previous: &GoalTest) -> Option<GoalTest> {
    let horizon = scenario.horizon;
    let (compare, value, when) =
        previous
            .threshold()
            .unwrap_or((Compare::Above, 0.5, When::Through(0, horizon)));
    let first_nation = || scenario.nations.first().map(|n| n.id.clone());
    Some(match kind {
        Kind::RegionStability => GoalTest::Value {
            of: Subject::Region(scenario.regions.first()?.id.clone()),
            variable: "stability".into(),
            compare,
            value: value.clamp(0.0, 1.0),
            when,
        },
        Kind::NationVariable => GoalTest::Value {
            of: Subject::Nation(first_nation()?),
            variable: "stability".into(),
            compare,
            value: value.clamp(0.0, 1.0),
            when,
        },
        Kind::Relation => GoalTest::Relation {
            a: first_nation()?,
            b: scenario.nations.get(1)?.id.clone(),
            compare,
            value: value.clamp(-1.0, 1.0),
            when,
        },
        Kind::AllianceInForce => GoalTest::AllianceExists {
            alliance: alliances(scenario).first()?.0.clone(),
            at: when.range().1,
        },
        Kind::NoUnmandated => GoalTest::NoUnmandatedIntervention,
        Kind::MaxInterventions => GoalTest::MaxInterventions(1),
        Kind::MaxTreaties => GoalTest::MaxTreaties(1),
    })
}

/// The range a threshold can take: relations −1…1, the economy and capability any size,
/// everything else 0…1.
fn value_range(test: &GoalTest) -> std::ops::RangeInclusive<f64> {
    match test {
        GoalTest::Relation { .. } => -1.0..=1.0,
        GoalTest::Value { variable, .. } if variable == "economy" || variable == "capability" => {
            0.0..=1.0e9
        }
        _ => 0.0..=1.0,
    }
}

/// A new goal for the Add button: a region's stability over the whole run when there is a
/// region, else no intervention without a mandate.
fn new_goal(scenario: &Scenario) -> Goal {
    let test = test_of_kind(
        Kind::RegionStability,
        scenario,
        &GoalTest::NoUnmandatedIntervention,
    )
    .unwrap_or(GoalTest::NoUnmandatedIntervention);
    Goal {
        text: Text(describe::goal(scenario, &test)),
        test,
    }
}

/// The goals tab.
pub fn goals_ui(ui: &mut egui::Ui, app: &AppState, changes: &mut ExerciseChanges) {
    let scenario = app.document.scenario();
    let exercise = changes.exercise;
    ui.weak(
        "Each goal is checked on the run as the cursor moves; its threshold is drawn on the plot \
         view that shows its subject.",
    );
    let outcomes = app
        .document
        .simulation()
        .map(|run| evaluate(exercise, run, app.tick()))
        .unwrap_or_default();
    let mut next_goals: Option<(Vec<Goal>, Option<String>)> = None;
    for (k, goal) in exercise.goals.iter().enumerate() {
        ui.group(|ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong(format!("Goal {}", k + 1));
                if let Some(outcome) = outcomes.get(k) {
                    ui.colored_label(
                        theme::standing_colour(ui, outcome.standing),
                        outcome.standing.label(),
                    )
                    .on_hover_text(&outcome.reason);
                }
                if ui
                    .button("Remove")
                    .on_hover_text("Remove this goal")
                    .clicked()
                {
                    let mut next = exercise.goals.clone();
                    next.remove(k);
                    next_goals = Some((next, None));
                }
            });
            if let Some((goal, typing)) = goal_ui(ui, scenario, k, goal) {
                let mut next = exercise.goals.clone();
                next[k] = goal;
                next_goals = Some((next, typing));
            }
        });
    }
    if ui.button("Add goal").clicked() {
        let mut next = exercise.goals.clone();
        next.push(new_goal(scenario));
        next_goals = Some((next, None));
    }
    if let Some((goals, typing)) = next_goals {
        let next = changes.with(|e| e.goals = goals);
        changes.set(next, typing);
    }
}

/// One goal's fields; returns the changed goal and, while a field is typed or dragged, its name.
fn goal_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    k: usize,
    goal: &Goal,
) -> Option<(Goal, Option<String>)> {
    let mut test = goal.test.clone();
    let mut typing: Option<String> = None;
    let kind = kind_of(&test);
    let offered: Vec<(Kind, &str)> = KINDS
        .iter()
        .copied()
        .filter(|(kind, _)| test_of_kind(*kind, scenario, &test).is_some())
        .collect();
    if let Some(kind) = combo(ui, "Kind", ("goal kind", k), kind, &offered)
        && let Some(next) = test_of_kind(kind, scenario, &test)
    {
        test = next;
    }
    let range = value_range(&test);
    match &mut test {
        GoalTest::Value {
            of,
            variable,
            compare,
            value,
            when,
        } => {
            match of {
                Subject::Region(region) => {
                    let options: Vec<(usize, &str)> = scenario
                        .regions
                        .iter()
                        .enumerate()
                        .map(|(r, x)| (r, x.name.or_id(x.id.as_str())))
                        .collect();
                    let current = scenario
                        .regions
                        .iter()
                        .position(|r| &r.id == region)
                        .unwrap_or(usize::MAX);
                    if let Some(r) = combo(ui, "Region", ("goal region", k), current, &options) {
                        *region = scenario.regions[r].id.clone();
                    }
                }
                Subject::Nation(nation) => {
                    let options: Vec<(usize, String)> = GOAL_VARIABLES
                        .iter()
                        .enumerate()
                        .map(|(v, name)| (v, name.replace('_', " ")))
                        .collect();
                    let options: Vec<(usize, &str)> =
                        options.iter().map(|(v, n)| (*v, n.as_str())).collect();
                    let current = GOAL_VARIABLES
                        .iter()
                        .position(|v| v == variable)
                        .unwrap_or(usize::MAX);
                    ui.horizontal_wrapped(|ui| {
                        if let Some(id) =
                            nation_combo(ui, "Nation", ("goal nation", k), scenario, nation)
                        {
                            *nation = id;
                        }
                        if let Some(v) = combo(ui, "its", ("goal variable", k), current, &options) {
                            *variable = GOAL_VARIABLES[v].to_owned();
                        }
                    });
                }
            }
            typing = threshold_ui(ui, k, compare, value, range);
            period_ui(ui, scenario, k, when);
        }
        GoalTest::Relation {
            a,
            b,
            compare,
            value,
            when,
        } => {
            ui.horizontal_wrapped(|ui| {
                if let Some(id) = nation_combo(ui, "Between", ("goal a", k), scenario, a) {
                    *a = id;
                }
                if let Some(id) = nation_combo(ui, "and", ("goal b", k), scenario, b) {
                    *b = id;
                }
            });
            typing = threshold_ui(ui, k, compare, value, range);
            period_ui(ui, scenario, k, when);
        }
        GoalTest::AllianceExists { alliance, at } => {
            let all = alliances(scenario);
            let options: Vec<(usize, &str)> = all
                .iter()
                .enumerate()
                .map(|(x, (_, name))| (x, name.as_str()))
                .collect();
            let current = all
                .iter()
                .position(|(id, _)| id == alliance)
                .unwrap_or(usize::MAX);
            if let Some(x) = combo(ui, "Alliance", ("goal alliance", k), current, &options) {
                *alliance = all[x].0.clone();
            }
            ui.horizontal(|ui| {
                ui.label("In force in");
                if let Some(tick) = date_ui(ui, scenario, *at, ("goal at", k)) {
                    *at = tick;
                }
            });
        }
        GoalTest::MaxInterventions(n) | GoalTest::MaxTreaties(n) => {
            ui.horizontal(|ui| {
                let label = ui.label("At most");
                if ui
                    .add(egui::DragValue::new(n).range(0..=99))
                    .labelled_by(label.id)
                    .changed()
                {
                    typing = Some(format!("goal {k} count"));
                }
                ui.weak("by the students' nations (every nation without roles)");
            });
        }
        GoalTest::NoUnmandatedIntervention => {
            ui.weak(
                "Every intervention by the students' nations needs a UN Security Council mandate.",
            );
        }
    }
    // The words: they follow the test until the teacher writes their own.
    let written = describe::goal(scenario, &goal.test);
    let follows = goal.text.0.trim().is_empty() || goal.text.0 == written;
    let mut text = if test != goal.test && follows {
        describe::goal(scenario, &test)
    } else {
        goal.text.0.clone()
    };
    ui.horizontal(|ui| {
        let label = ui.label("In words");
        let width = (ui.available_width() - 8.0).max(160.0);
        if ui
            .add(egui::TextEdit::singleline(&mut text).desired_width(width))
            .labelled_by(label.id)
            .on_hover_text("What students read; it follows the test until you write your own")
            .changed()
        {
            typing = Some(format!("goal {k} words"));
        }
    });
    if !follows && ui.small_button("Write from the test").clicked() {
        text = describe::goal(scenario, &test);
        typing = None;
    }
    let next = Goal {
        text: Text(text),
        test,
    };
    (next != *goal).then_some((next, typing))
}

/// At least / at most and the threshold; returns the field's name while it is dragged or typed.
fn threshold_ui(
    ui: &mut egui::Ui,
    k: usize,
    compare: &mut Compare,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
) -> Option<String> {
    let options = [(Compare::Above, "at least"), (Compare::Below, "at most")];
    let mut typing = None;
    ui.horizontal_wrapped(|ui| {
        if let Some(chosen) = combo(ui, "Must be", ("goal compare", k), *compare, &options) {
            *compare = chosen;
        }
        let label = ui.label("threshold");
        if ui
            .add(
                egui::DragValue::new(value)
                    .range(range)
                    .speed(0.01)
                    .max_decimals(3)
                    .update_while_editing(false),
            )
            .labelled_by(label.id)
            .changed()
        {
            typing = Some(format!("goal {k} threshold"));
        }
    });
    typing
}

/// In one quarter, or throughout a stretch of quarters.
fn period_ui(ui: &mut egui::Ui, scenario: &Scenario, k: usize, when: &mut When) {
    let horizon = scenario.horizon;
    let through = matches!(when, When::Through(..));
    let options = [(false, "in one quarter"), (true, "throughout")];
    ui.horizontal_wrapped(|ui| {
        if let Some(chosen) = combo(ui, "Checked", ("goal period", k), through, &options) {
            let (first, last) = when.range();
            *when = if chosen {
                When::Through(first, horizon.max(last))
            } else {
                When::At(last)
            };
        }
        match when {
            When::At(tick) => {
                ui.label("in");
                if let Some(t) = date_ui(ui, scenario, *tick, ("goal when", k)) {
                    *tick = t;
                }
            }
            When::Through(first, last) => {
                ui.label("from");
                if let Some(t) = date_ui(ui, scenario, *first, ("goal from", k)) {
                    *first = t;
                    *last = (*last).max(t);
                }
                ui.label("to");
                if let Some(t) = date_ui(ui, scenario, *last, ("goal to", k)) {
                    *last = t;
                    *first = (*first).min(t);
                }
            }
        }
    });
}

/// A date field over the run: shows "2011 Q3", accepts a date or a tick number typed, drags
/// by quarters.
fn date_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    tick: u32,
    salt: impl std::hash::Hash + std::fmt::Debug,
) -> Option<u32> {
    let start: StartDate = scenario.meta.start;
    let mut value = tick;
    let response = ui.push_id(salt, |ui| {
        ui.add(
            egui::DragValue::new(&mut value)
                .range(0..=scenario.horizon)
                .speed(0.25)
                .custom_formatter(move |t, _| start.label(t.max(0.0) as u32))
                .custom_parser(move |text| {
                    start
                        .tick_of(text)
                        .map(f64::from)
                        .or_else(|| text.trim().parse::<f64>().ok())
                })
                .update_while_editing(false),
        )
        .on_hover_text(format!(
            "A date from {} to {}, or a tick",
            start.label(0),
            start.label(scenario.horizon)
        ))
    });
    (response.inner.changed() && value != tick).then_some(value)
}
