//! Evaluates an exercise's goals on a run, as of a tick: met, on track, at risk or failed, each
//! with a sentence saying why. Used live by the GUI (as of the cursor) and by reports (as of the
//! horizon).

use crate::model::exercise::{Compare, Exercise, GoalTest, Subject, When, threshold_text};
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
                let subject = match of {
                    Subject::Region(id) => world
                        .region(id.as_str())
                        .map(|r| world.regions[r.ix()].shown_name()),
                    Subject::Nation(id) => world
                        .nation(id.as_str())
                        .map(|n| world.nations[n.ix()].shown_name()),
                };
                let what = format!(
                    "{}'s {}",
                    subject.unwrap_or("?"),
                    variable.replace('_', " ")
                );
                threshold(run, now, (*compare, *value, *when), &read, &what)
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
                let name = |n: Option<NationIx>, id: &NationId| {
                    n.map_or_else(
                        || id.to_string(),
                        |n| world.nations[n.ix()].shown_name().to_owned(),
                    )
                };
                let what = format!(
                    "the relation of {} and {}",
                    name(world.nation(a.as_str()), a),
                    name(world.nation(b.as_str()), b)
                );
                threshold(run, now, (*compare, *value, *when), &read, &what)
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
                    world,
                    &unmandated,
                    0,
                    now,
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
                counted(world, &all, *n, now, ("intervention", ""))
            }
            GoalTest::MaxTreaties(n) => {
                let all: Vec<(u32, String)> = world
                    .treaties
                    .iter()
                    .filter_map(|t| {
                        let event = t.signed_by?;
                        in_scope(&scope, &t.parties)
                            .then(|| (world.events[event.ix()].tick, t.shown_name().to_owned()))
                    })
                    .collect();
                counted(world, &all, *n, now, ("treaty", ""))
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

/// A date as goals are written: "2012 Q3".
fn date(world: &World, tick: u32) -> String {
    let (year, quarter) = world.start.at_tick(tick);
    format!("{year} Q{quarter}")
}

/// A stretch of time in words: "in 2012 Q3", "from 2014 Q1 to 2020 Q1".
fn period(world: &World, first: u32, last: u32) -> String {
    if first == last {
        format!("in {}", date(world, last))
    } else {
        format!("from {} to {}", date(world, first), date(world, last))
    }
}

/// A value shown against a threshold with enough digits that the sentence agrees with the
/// verdict: a value that misses "at least 0.70" by 0.0001 reads 0.6999, not 0.700.
fn value_text(x: f64, compare: Compare, value: f64) -> String {
    let holds = compare.holds(x, value);
    (3..=9)
        .map(|digits| format!("{x:.digits$}"))
        .find(|shown| {
            shown
                .parse::<f64>()
                .is_ok_and(|seen| compare.holds(seen, value) == holds)
        })
        .unwrap_or_else(|| format!("{x}"))
}

fn threshold(
    run: &Simulation,
    now: u32,
    (compare, value, when): (Compare, f64, When),
    read: &dyn Fn(&State) -> Option<f64>,
    what: &str,
) -> Outcome {
    let world = run.world();
    let (first, last) = when.range();
    let outcome = |standing, reason| Outcome { standing, reason };
    let goal = format!("{} {}", compare.words(), threshold_text(value));
    // "Libya's armed groups were", "Libya's stability was".
    let (was, is) = if what.ends_with("groups") {
        ("were", "are")
    } else {
        ("was", "is")
    };
    for tick in first..=last.min(now) {
        let Some(x) = run.state(tick).as_deref().and_then(read) else {
            return outcome(
                Standing::Failed,
                format!("{what} cannot be read in {}", date(world, tick)),
            );
        };
        if !compare.holds(x, value) {
            return outcome(
                Standing::Failed,
                format!(
                    "{what} {was} {} in {}; the goal is {goal}",
                    value_text(x, compare, value),
                    date(world, tick)
                ),
            );
        }
    }
    if now >= last {
        let through = if first == last {
            format!("in {}", date(world, last))
        } else {
            format!("through {}", date(world, last))
        };
        let verb = if first == last { was } else { "stayed" };
        return outcome(Standing::Met, format!("{what} {verb} {goal} {through}"));
    }
    let Some(current) = run.state(now).as_deref().and_then(read) else {
        return outcome(Standing::AtRisk, format!("{what} cannot be read yet"));
    };
    let slack = match compare {
        Compare::Above => current - value,
        Compare::Below => value - current,
    };
    let shown = value_text(current, compare, value);
    let when_words = period(world, first, last);
    if slack < MARGIN {
        outcome(
            Standing::AtRisk,
            format!("{what} {is} {shown} now; it must be {goal} {when_words}"),
        )
    } else {
        outcome(
            Standing::OnTrack,
            format!("{what} {is} {shown} now; {goal} needed {when_words}"),
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
    let name = world.alliances[a].shown_name();
    let on = |tick: u32| date(world, tick);
    let status_at = |tick: u32| run.state(tick).map(|s| s.alliances[a].status);
    let outcome = |standing, reason| Outcome { standing, reason };
    if now >= at {
        return match status_at(at) {
            Some(Status::Active { .. }) => {
                outcome(Standing::Met, format!("{name} was in force in {}", on(at)))
            }
            _ => outcome(
                Standing::Failed,
                format!("{name} was not in force in {}", on(at)),
            ),
        };
    }
    match status_at(now) {
        Some(Status::Ended { at: ended }) => outcome(
            Standing::Failed,
            format!("{name} ended in {}, before {}", on(ended), on(at)),
        ),
        Some(Status::Active { .. }) => outcome(
            Standing::OnTrack,
            format!("{name} is in force; it must still be in {}", on(at)),
        ),
        _ => {
            let formed = world.alliances[a]
                .formed_by
                .map(|e| world.events[e.ix()].tick)
                .filter(|&tick| tick <= at);
            match formed {
                Some(tick) => outcome(
                    Standing::OnTrack,
                    format!("{name} is to be formed in {}", on(tick)),
                ),
                None => outcome(
                    Standing::AtRisk,
                    format!("{name} is not formed before {}", on(at)),
                ),
            }
        }
    }
}

/// A cap on scheduled things (each with its start tick and id): failed once more than `cap`
/// have started, at risk while the plan holds more than `cap`, else met at the end. `what` is the
/// noun (made plural as needed) and what follows it.
fn counted(
    world: &World,
    items: &[(u32, String)],
    cap: u32,
    now: u32,
    what: (&str, &str),
) -> Outcome {
    let horizon = world.horizon;
    let (noun, rest) = what;
    let started: Vec<&(u32, String)> = items.iter().filter(|(tick, _)| *tick <= now).collect();
    let cap = cap as usize;
    let names = |list: &[&(u32, String)]| {
        list.iter()
            .map(|(tick, id)| format!("{id} in {}", date(world, *tick)))
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
    let (standing, so_far) = if now >= horizon {
        (Standing::Met, "in all")
    } else {
        (Standing::OnTrack, "so far")
    };
    Outcome {
        standing,
        reason: format!(
            "{} {} {so_far}, at most {cap} allowed",
            started.len(),
            plural(started.len())
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_read_as_written_and_values_as_far_as_they_must() {
        assert_eq!(threshold_text(0.7), "0.70");
        assert_eq!(threshold_text(0.333), "0.333");
        assert_eq!(threshold_text(-0.85), "-0.85");
        assert_eq!(threshold_text(1.0), "1.00");
        // 0.699917 misses "at least 0.70": 0.700 would read as met.
        assert_eq!(value_text(0.699917, Compare::Above, 0.7), "0.6999");
        assert_eq!(value_text(0.700004, Compare::Below, 0.7), "0.700004");
        assert_eq!(value_text(0.71234, Compare::Above, 0.7), "0.712");
        // A value that meets its goal never shows as missing it.
        assert_eq!(value_text(0.69996, Compare::Above, 0.6999), "0.700");
    }
}
