//! Evaluates an exercise's goals on a run, as of a tick: met, on track, at risk or failed, each
//! with a sentence saying why. Used live by the GUI (as of the cursor) and by reports (as of the
//! horizon).

use crate::model::exercise::{Compare, Exercise, GoalTest, Subject, When};
use crate::model::{LegalBasis, NationId};

use super::run::Simulation;
use super::state::{State, Status};
use super::{NationIx, World};

/// Where a goal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Decided, and achieved.
    Met,
    /// Not decided yet, and fine so far.
    OnTrack,
    /// Not decided yet, and currently on the wrong side (or about to be).
    AtRisk,
    /// Decided, and missed.
    Failed,
}

impl Standing {
    /// How the goals panel and reports name it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Met => "met",
            Self::OnTrack => "on track",
            Self::AtRisk => "at risk",
            Self::Failed => "failed",
        }
    }
}

/// A goal's standing and the reason in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Where it stands.
    pub standing: Standing,
    /// Why ("stability 0.36 at tick 17, below 0.40").
    pub reason: String,
}

/// How close to its threshold a value counts as at risk.
const MARGIN: f64 = 0.03;

/// Every goal of `exercise` on `run`, as of tick `now` (clamped to what is computed).
pub fn evaluate(exercise: &Exercise, run: &Simulation, now: u32) -> Vec<Outcome> {
    let world = run.world();
    let now = now.min(run.tick());
    let scope = scope(world, exercise);
    exercise
        .goals
        .iter()
        .map(|goal| match &goal.test {
            GoalTest::Value {
                of,
                variable,
                compare,
                value,
                when,
            } => {
                let read = |state: &State| read(world, state, of, variable);
                threshold(run, now, *compare, *value, *when, &read, variable)
            }
            GoalTest::Relation {
                a,
                b,
                compare,
                value,
                when,
            } => {
                let pair = world.nation(a.as_str()).zip(world.nation(b.as_str()));
                let read = |state: &State| pair.map(|(a, b)| state.dyads.relation(a, b));
                threshold(run, now, *compare, *value, *when, &read, "relation")
            }
            GoalTest::AllianceExists { alliance, at } => {
                alliance_exists(run, now, alliance.as_str(), *at)
            }
            GoalTest::NoUnmandatedIntervention => {
                let unmandated: Vec<(u32, String)> = world
                    .interventions
                    .iter()
                    .filter(|i| {
                        i.legal_basis != LegalBasis::Unsc && in_scope(&scope, &i.interveners)
                    })
                    .map(|i| (i.start, i.id.to_string()))
                    .collect();
                counted(
                    &unmandated,
                    0,
                    now,
                    world.horizon,
                    ("intervention", " without a UN mandate"),
                )
            }
            GoalTest::MaxInterventions(n) => {
                let all: Vec<(u32, String)> = world
                    .interventions
                    .iter()
                    .filter(|i| in_scope(&scope, &i.interveners))
                    .map(|i| (i.start, i.id.to_string()))
                    .collect();
                counted(&all, *n, now, world.horizon, ("intervention", ""))
            }
            GoalTest::MaxTreaties(n) => {
                let all: Vec<(u32, String)> = world
                    .treaties
                    .iter()
                    .filter_map(|t| {
                        let event = t.signed_by?;
                        in_scope(&scope, &t.parties)
                            .then(|| (world.events[event.ix()].tick, t.id.to_string()))
                    })
                    .collect();
                counted(&all, *n, now, world.horizon, ("treaty", ""))
            }
        })
        .collect()
}

/// The nations the students act for: every role's, or None (everyone) without roles.
fn scope(world: &World, exercise: &Exercise) -> Option<Vec<NationIx>> {
    let nations: Vec<NationIx> = exercise
        .roles
        .iter()
        .flat_map(|role| role.nations.iter())
        .filter_map(|id: &NationId| world.nation(id.as_str()))
        .collect();
    (!nations.is_empty()).then_some(nations)
}

fn in_scope(scope: &Option<Vec<NationIx>>, nations: &[NationIx]) -> bool {
    scope
        .as_ref()
        .is_none_or(|scope| nations.iter().any(|n| scope.contains(n)))
}

fn read(world: &World, state: &State, of: &Subject, variable: &str) -> Option<f64> {
    match of {
        Subject::Region(id) => world
            .region(id.as_str())
            .map(|r| state.region_stability[r.ix()]),
        Subject::Nation(id) => {
            let x = &state.nations[world.nation(id.as_str())?.ix()];
            Some(match variable {
                "stability" => x.stability,
                "legitimacy" => x.legitimacy,
                "capacity" => x.capacity,
                "armed_groups" => x.armed_groups,
                "grievance" => x.grievance,
                "economy" => x.economy,
                "capability" => x.capability,
                "defence_burden" => x.burden(),
                _ => return None,
            })
        }
    }
}

fn threshold(
    run: &Simulation,
    now: u32,
    compare: Compare,
    value: f64,
    when: When,
    read: &dyn Fn(&State) -> Option<f64>,
    what: &str,
) -> Outcome {
    let (first, last) = when.range();
    let outcome = |standing, reason| Outcome { standing, reason };
    for tick in first..=last.min(now) {
        let Some(x) = run.state(tick).as_deref().and_then(read) else {
            return outcome(
                Standing::Failed,
                format!("{what} cannot be read at tick {tick}"),
            );
        };
        if !compare.holds(x, value) {
            return outcome(
                Standing::Failed,
                format!(
                    "{what} was {x:.3} at tick {tick}; the goal is {} {value:.2}",
                    compare.words()
                ),
            );
        }
    }
    if now >= last {
        return outcome(
            Standing::Met,
            format!(
                "{what} stayed {} {value:.2} through tick {last}",
                compare.words()
            ),
        );
    }
    let Some(current) = run.state(now).as_deref().and_then(read) else {
        return outcome(Standing::AtRisk, format!("{what} cannot be read yet"));
    };
    let slack = match compare {
        Compare::Above => current - value,
        Compare::Below => value - current,
    };
    let when_words = if first == last {
        format!("at tick {last}")
    } else {
        format!("from tick {first} to {last}")
    };
    if slack < MARGIN {
        outcome(
            Standing::AtRisk,
            format!(
                "{what} is {current:.3} now; it must be {} {value:.2} {when_words}",
                compare.words()
            ),
        )
    } else {
        outcome(
            Standing::OnTrack,
            format!(
                "{what} is {current:.3} now; {} {value:.2} needed {when_words}",
                compare.words()
            ),
        )
    }
}

fn alliance_exists(run: &Simulation, now: u32, id: &str, at: u32) -> Outcome {
    let world = run.world();
    let Some(a) = world.alliances.iter().position(|x| x.id.as_str() == id) else {
        return Outcome {
            standing: Standing::Failed,
            reason: format!("alliance {id} does not exist"),
        };
    };
    let status_at = |tick: u32| run.state(tick).map(|s| s.alliances[a].status);
    if now >= at {
        return match status_at(at) {
            Some(Status::Active { .. }) => Outcome {
                standing: Standing::Met,
                reason: format!("{id} was in force at tick {at}"),
            },
            _ => Outcome {
                standing: Standing::Failed,
                reason: format!("{id} was not in force at tick {at}"),
            },
        };
    }
    match status_at(now) {
        Some(Status::Ended { at: ended }) => Outcome {
            standing: Standing::Failed,
            reason: format!("{id} ended at tick {ended}, before tick {at}"),
        },
        Some(Status::Active { .. }) => Outcome {
            standing: Standing::OnTrack,
            reason: format!("{id} is in force; it must still be at tick {at}"),
        },
        _ => {
            let formed = world.alliances[a]
                .formed_by
                .map(|e| world.events[e.ix()].tick)
                .filter(|&tick| tick <= at);
            match formed {
                Some(tick) => Outcome {
                    standing: Standing::OnTrack,
                    reason: format!("{id} is to be formed at tick {tick}"),
                },
                None => Outcome {
                    standing: Standing::AtRisk,
                    reason: format!("{id} is not formed before tick {at}"),
                },
            }
        }
    }
}

/// A cap on scheduled things (each with its start tick and id): failed once more than `cap`
/// have started, at risk while the plan holds more than `cap`, else met at the end. `what` is the
/// noun (made plural as needed) and what follows it.
fn counted(
    items: &[(u32, String)],
    cap: u32,
    now: u32,
    horizon: u32,
    what: (&str, &str),
) -> Outcome {
    let (noun, rest) = what;
    let started: Vec<&(u32, String)> = items.iter().filter(|(tick, _)| *tick <= now).collect();
    let cap = cap as usize;
    let names = |list: &[&(u32, String)]| {
        list.iter()
            .map(|(tick, id)| format!("{id} at tick {tick}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let plural = |n: usize| match (n, noun.strip_suffix('y')) {
        (1, _) => format!("{noun}{rest}"),
        (_, Some(stem)) => format!("{stem}ies{rest}"),
        (_, None) => format!("{noun}s{rest}"),
    };
    if started.len() > cap {
        return Outcome {
            standing: Standing::Failed,
            reason: format!(
                "{} {}: {}",
                started.len(),
                plural(started.len()),
                names(&started)
            ),
        };
    }
    if items.len() > cap {
        let all: Vec<&(u32, String)> = items.iter().collect();
        return Outcome {
            standing: Standing::AtRisk,
            reason: format!(
                "{} {} planned, at most {cap} allowed: {}",
                items.len(),
                plural(items.len()),
                names(&all)
            ),
        };
    }
    Outcome {
        standing: if now >= horizon {
            Standing::Met
        } else {
            Standing::OnTrack
        },
        reason: format!(
            "{} {} so far, at most {cap} allowed",
            started.len(),
            plural(started.len())
        ),
    }
}
