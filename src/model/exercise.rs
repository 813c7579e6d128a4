//! The classroom block of a scenario: what students read first, what they aim for, what they may
//! change, and what the teacher asks afterwards. None of it affects the simulation; goals are
//! evaluated on its results.

use serde::{Deserialize, Serialize};

use super::ids::{AllianceId, NationId, RegionId};
use super::text::{Text, short_list};

/// A classroom exercise on a scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    /// What students read first. Light markup: `# heading`, `- list item`, `*emphasis*`.
    #[serde(default)]
    pub briefing: Text,
    /// What students should learn.
    #[serde(default, deserialize_with = "short_list")]
    pub objectives: Vec<Text>,
    /// Who controls which nations; students act for one role.
    #[serde(default, deserialize_with = "short_list")]
    pub roles: Vec<Role>,
    /// What the simulation checks.
    #[serde(default, deserialize_with = "short_list")]
    pub goals: Vec<Goal>,
    /// Shown to teachers only.
    #[serde(default)]
    pub teacher_notes: Text,
    /// Questions for the debrief.
    #[serde(default, deserialize_with = "short_list")]
    pub debrief: Vec<Text>,
    /// What students may not change.
    #[serde(default)]
    pub locks: Locks,
    /// How many events a student may add to the timeline; None for no limit.
    #[serde(default)]
    pub budget: Option<u32>,
    /// Whether this is a student's copy (`entente handout`): the teacher notes are gone and
    /// the app does not enter teacher mode, so the locks hold.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub handout: bool,
}

impl Exercise {
    /// The student's copy of this exercise: the teacher notes (the answer, the good and bad
    /// plans) removed, everything students need and the locks kept, marked as a handout.
    pub fn handout(&self) -> Exercise {
        Exercise {
            teacher_notes: Text::default(),
            handout: true,
            ..self.clone()
        }
    }
}

/// The student's copy of `scenario` (see [`Exercise::handout`]), or None if it is no exercise.
pub fn handout(scenario: &super::Scenario) -> Option<super::Scenario> {
    let exercise = scenario.exercise.as_ref()?.handout();
    Some(super::Scenario {
        exercise: Some(exercise),
        ..scenario.clone()
    })
}

/// A student or a team and the nations they act for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Its name ("NATO planners").
    pub name: Text,
    /// The nations it controls: the interveners, parties and members of its events.
    #[serde(deserialize_with = "short_list")]
    pub nations: Vec<NationId>,
}

/// One goal: what it says to students and the test the simulation applies.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// In words ("Keep Libya's stability above 0.4 through 2013").
    pub text: Text,
    /// The test.
    pub test: GoalTest,
}

/// What a goal checks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum GoalTest {
    /// A region's or nation's variable compared with a value, at a tick or through a range.
    Value {
        /// Whose variable.
        of: Subject,
        /// Which variable: `stability` for a region; any nation variable of the CSV export for a
        /// nation (`stability`, `legitimacy`, `capacity`, `armed_groups`, `economy`, …).
        #[serde(default = "stability")]
        variable: String,
        /// Above or below.
        compare: Compare,
        /// The threshold.
        value: f64,
        /// When.
        when: When,
    },
    /// An alliance is in force at a tick.
    AllianceExists {
        /// The alliance (in force at the start or formed by an event).
        alliance: AllianceId,
        /// The tick.
        at: u32,
    },
    /// The relation of a pair compared with a value, at a tick or through a range.
    Relation {
        /// One nation.
        a: NationId,
        /// The other.
        b: NationId,
        /// Above or below.
        compare: Compare,
        /// The threshold, −1 … 1.
        value: f64,
        /// When.
        when: When,
    },
    /// No intervention by the role's nations (all nations without roles) lacks a UN Security
    /// Council mandate.
    NoUnmandatedIntervention,
    /// At most this many interventions by the role's nations (all nations without roles).
    MaxInterventions(u32),
    /// At most this many treaties signed on the timeline with a party of the role's nations.
    MaxTreaties(u32),
}

impl GoalTest {
    /// The comparison, threshold and period of a goal that compares a value (a region's or
    /// nation's variable, or a relation); None for the other kinds.
    pub fn threshold(&self) -> Option<(Compare, f64, When)> {
        match self {
            Self::Value {
                compare,
                value,
                when,
                ..
            }
            | Self::Relation {
                compare,
                value,
                when,
                ..
            } => Some((*compare, *value, *when)),
            _ => None,
        }
    }
}

/// A threshold as goals write it: its shortest form, with at least two decimals ("0.70",
/// "0.333").
pub fn threshold_text(value: f64) -> String {
    let shortest = format!("{value}");
    let decimals = shortest.split_once('.').map_or(0, |(_, d)| d.len());
    format!("{value:.*}", decimals.max(2))
}

/// The nation variables a goal can check (their names in the CSV export).
pub const GOAL_VARIABLES: [&str; 8] = [
    "stability",
    "legitimacy",
    "capacity",
    "armed_groups",
    "grievance",
    "economy",
    "capability",
    "defence_burden",
];

fn stability() -> String {
    "stability".to_owned()
}

/// A region or a nation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Subject {
    /// A region (its stability index).
    Region(RegionId),
    /// A nation.
    Nation(NationId),
}

/// Above or below a threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Compare {
    /// Strictly above… or equal.
    Above,
    /// Below… or equal.
    Below,
}

impl Compare {
    /// Whether `value` is on the right side of `threshold` (equality counts).
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Self::Above => value >= threshold,
            Self::Below => value <= threshold,
        }
    }

    /// "at least" or "at most".
    pub fn words(self) -> &'static str {
        match self {
            Self::Above => "at least",
            Self::Below => "at most",
        }
    }
}

/// At one tick, or at every tick of an inclusive range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum When {
    /// At this tick.
    At(u32),
    /// At every tick from the first to the second, both included.
    Through(u32, u32),
}

impl When {
    /// First and last tick checked.
    pub fn range(self) -> (u32, u32) {
        match self {
            Self::At(t) => (t, t),
            Self::Through(a, b) => (a, b),
        }
    }
}

/// What students may not change.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locks {
    /// Nations whose attributes, names, regions and relations students may not edit, and which
    /// they may not delete.
    #[serde(default, deserialize_with = "short_list")]
    pub nations: Vec<NationId>,
    /// Pairs whose relation students may not edit.
    #[serde(default, deserialize_with = "short_list")]
    pub relations: Vec<(NationId, NationId)>,
    /// Whether the model parameters, settings, seed and horizon are locked.
    #[serde(default)]
    pub parameters: bool,
    /// Whether the events written in the file are locked (students may add their own).
    #[serde(default)]
    pub events: bool,
}

/// Every problem of a scenario's exercise block, each with its path; `alliance_exists` tells
/// whether an alliance id is in force at load or formed by an event.
pub(super) fn check(
    scenario: &super::Scenario,
    alliance_exists: &dyn Fn(&str) -> bool,
) -> Vec<super::Problem> {
    let Some(exercise) = &scenario.exercise else {
        return Vec::new();
    };
    let mut problems = Vec::new();
    let root = super::Path::root().field("exercise");
    let mut problem = |path: super::Path, message: String| {
        problems.push(super::Problem { path, message });
    };
    let nation = |id: &NationId| scenario.nations.iter().any(|n| &n.id == id);
    let region = |id: &RegionId| scenario.regions.iter().any(|r| &r.id == id);
    for (k, role) in exercise.roles.iter().enumerate() {
        for (m, id) in role.nations.iter().enumerate() {
            if !nation(id) {
                problem(
                    root.field("roles").index(k).field("nations").index(m),
                    format!(
                        "role \"{}\" names nation \"{id}\", which does not exist",
                        role.name
                    ),
                );
            }
        }
    }
    let horizon = scenario.horizon;
    for (k, goal) in exercise.goals.iter().enumerate() {
        let at = root.field("goals").index(k).field("test");
        let when_ok = |when: When, problem: &mut dyn FnMut(super::Path, String)| {
            let (a, b) = when.range();
            if a > b || b > horizon {
                problem(
                    at.field("when"),
                    format!(
                        "goal \"{}\" checks ticks {a} to {b}; they must be in order and within the horizon ({horizon})",
                        goal.text
                    ),
                );
            }
        };
        match &goal.test {
            GoalTest::Value {
                of,
                variable,
                value,
                when,
                ..
            } => {
                match of {
                    Subject::Region(id) if !region(id) => problem(
                        at.field("of"),
                        format!(
                            "goal \"{}\" names region \"{id}\", which does not exist",
                            goal.text
                        ),
                    ),
                    Subject::Region(_) if variable != "stability" => problem(
                        at.field("variable"),
                        format!("a region's goal can only check \"stability\", not \"{variable}\""),
                    ),
                    Subject::Nation(id) if !nation(id) => problem(
                        at.field("of"),
                        format!(
                            "goal \"{}\" names nation \"{id}\", which does not exist",
                            goal.text
                        ),
                    ),
                    Subject::Nation(_) if !GOAL_VARIABLES.contains(&variable.as_str()) => problem(
                        at.field("variable"),
                        format!(
                            "\"{variable}\" is not a nation variable a goal can check; use one of: {}",
                            GOAL_VARIABLES.join(", ")
                        ),
                    ),
                    _ => {}
                }
                if !value.is_finite() {
                    problem(
                        at.field("value"),
                        "the goal's value must be a finite number".into(),
                    );
                }
                when_ok(*when, &mut problem);
            }
            GoalTest::AllianceExists { alliance, at: tick } => {
                if !alliance_exists(alliance.as_str()) {
                    problem(
                        at.field("alliance"),
                        format!(
                            "goal \"{}\" names alliance \"{alliance}\", which is neither in force at the start nor formed by an event",
                            goal.text
                        ),
                    );
                }
                when_ok(When::At(*tick), &mut problem);
            }
            GoalTest::Relation {
                a, b, value, when, ..
            } => {
                for (field, id) in [("a", a), ("b", b)] {
                    if !nation(id) {
                        problem(
                            at.field(field),
                            format!(
                                "goal \"{}\" names nation \"{id}\", which does not exist",
                                goal.text
                            ),
                        );
                    }
                }
                if a == b {
                    problem(
                        at.field("b"),
                        "a relation goal needs two different nations".into(),
                    );
                }
                if !(value.is_finite() && (-1.0..=1.0).contains(value)) {
                    problem(
                        at.field("value"),
                        format!("a relation goal's value is {value}; it must be between −1 and 1"),
                    );
                }
                when_ok(*when, &mut problem);
            }
            GoalTest::NoUnmandatedIntervention
            | GoalTest::MaxInterventions(_)
            | GoalTest::MaxTreaties(_) => {}
        }
    }
    for (k, id) in exercise.locks.nations.iter().enumerate() {
        if !nation(id) {
            problem(
                root.field("locks").field("nations").index(k),
                format!("the locks name nation \"{id}\", which does not exist"),
            );
        }
    }
    for (k, (a, b)) in exercise.locks.relations.iter().enumerate() {
        for id in [a, b] {
            if !nation(id) {
                problem(
                    root.field("locks").field("relations").index(k),
                    format!("the locks name nation \"{id}\", which does not exist"),
                );
            }
        }
    }
    problems
}
