//! Where the plot draws an exercise's goals: each goal whose subject the plot view shows gets
//! its threshold over the ticks it checks, with its standing as of the cursor, so a student sees
//! the line to stay above and whether it holds.

use crate::model::exercise::{Compare, Exercise, GoalTest, Subject};
use crate::sim::Simulation;
use crate::sim::goals::{Standing, evaluate};

use super::selection::Selection;
use super::series::{NationMetric, PlotView, chosen_nations, pair};

/// One goal's threshold on the plot.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalMark {
    /// The goal's number in the exercise, from 1, as the goals panel counts them.
    pub number: usize,
    /// Above or below.
    pub compare: Compare,
    /// The threshold.
    pub value: f64,
    /// The first tick checked.
    pub first: u32,
    /// The last tick checked.
    pub last: u32,
    /// Met, on track, at risk or failed, as of the cursor.
    pub standing: Standing,
}

/// The goals of `exercise` that `view` shows, as of tick `now`: a region's stability on the
/// regional view; a nation's variable on that variable's view when the nation is plotted; a
/// relation on the pair view when it shows that pair. Goals the view does not show (counts,
/// alliances, other subjects) have no mark.
pub fn goal_marks(
    exercise: &Exercise,
    run: &Simulation,
    view: PlotView,
    selection: &Selection,
    now: u32,
) -> Vec<GoalMark> {
    let world = run.world();
    let plotted = chosen_nations(run, selection);
    let shown = |test: &GoalTest| match (test, view) {
        (
            GoalTest::Value {
                of: Subject::Region(_),
                ..
            },
            PlotView::Regions,
        ) => true,
        (
            GoalTest::Value {
                of: Subject::Nation(id),
                variable,
                ..
            },
            PlotView::Nation(metric),
        ) => {
            metric_of(variable) == Some(metric)
                && world
                    .nation(id.as_str())
                    .is_some_and(|n| plotted.contains(&n))
        }
        (GoalTest::Relation { a, b, .. }, PlotView::Dyad) => {
            let goal = world.nation(a.as_str()).zip(world.nation(b.as_str()));
            match (goal, pair(&plotted)) {
                (Some((a, b)), Some((x, y))) => (a, b) == (x, y) || (a, b) == (y, x),
                _ => false,
            }
        }
        _ => false,
    };
    let outcomes = evaluate(exercise, run, now);
    exercise
        .goals
        .iter()
        .zip(outcomes)
        .enumerate()
        .filter(|(_, (goal, _))| shown(&goal.test))
        .filter_map(|(k, (goal, outcome))| {
            let (compare, value, when) = goal.test.threshold()?;
            let (first, last) = when.range();
            Some(GoalMark {
                number: k + 1,
                compare,
                value,
                first,
                last,
                standing: outcome.standing,
            })
        })
        .collect()
}

/// The nation view that plots a goal's variable (grievance and the economy have none).
fn metric_of(variable: &str) -> Option<NationMetric> {
    Some(match variable {
        "stability" => NationMetric::Stability,
        "legitimacy" => NationMetric::Legitimacy,
        "capacity" => NationMetric::Capacity,
        "armed_groups" => NationMetric::ArmedGroups,
        "defence_burden" => NationMetric::DefenceBurden,
        "capability" => NationMetric::Capability,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Item;
    use crate::model::exercise::{Goal, When};
    use crate::model::{Scenario, Text};

    fn goal(test: GoalTest) -> Goal {
        Goal {
            text: Text::from("goal"),
            test,
        }
    }

    fn setup() -> (Scenario, Exercise, Simulation) {
        let scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        let exercise = Exercise {
            goals: vec![
                goal(GoalTest::Value {
                    of: Subject::Region("mesa".into()),
                    variable: "stability".into(),
                    compare: Compare::Above,
                    value: 0.99,
                    when: When::Through(0, 20),
                }),
                goal(GoalTest::MaxInterventions(1)),
                goal(GoalTest::Value {
                    of: Subject::Nation("T".into()),
                    variable: "legitimacy".into(),
                    compare: Compare::Below,
                    value: 2.0,
                    when: When::At(10),
                }),
                goal(GoalTest::Relation {
                    a: "T".into(),
                    b: "H".into(),
                    compare: Compare::Above,
                    value: -1.0,
                    when: When::Through(5, 8),
                }),
            ],
            ..Exercise::default()
        };
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(20);
        (scenario, exercise, run)
    }

    #[test]
    fn each_view_marks_the_goals_it_shows_with_their_standing() {
        let (_, exercise, run) = setup();
        let none = Selection::none();
        let regions = goal_marks(&exercise, &run, PlotView::Regions, &none, 20);
        assert_eq!(regions.len(), 1);
        assert_eq!(
            (regions[0].number, regions[0].first, regions[0].last),
            (1, 0, 20)
        );
        assert_eq!(
            regions[0].standing,
            Standing::Failed,
            "no region is that stable"
        );
        let legitimacy = PlotView::Nation(NationMetric::Legitimacy);
        let marks = goal_marks(&exercise, &run, legitimacy, &none, 20);
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].number, marks[0].standing), (3, Standing::Met));
        // As of tick 5 the goal checked at tick 10 is not decided yet.
        let early = goal_marks(&exercise, &run, legitimacy, &none, 5);
        assert_eq!(early[0].standing, Standing::OnTrack);
        // A nation not plotted, or another variable, has no mark.
        let other = Selection::single(Item::Nation("H".into()));
        assert!(goal_marks(&exercise, &run, legitimacy, &other, 20).is_empty());
        let stability = PlotView::Nation(NationMetric::Stability);
        assert!(goal_marks(&exercise, &run, stability, &none, 20).is_empty());
        // The pair view marks the relation goal for that pair, in either order.
        let pair = Selection::single(Item::Relation("H".into(), "T".into()));
        let marks = goal_marks(&exercise, &run, PlotView::Dyad, &pair, 20);
        assert_eq!(marks.len(), 1);
        assert_eq!((marks[0].number, marks[0].value), (4, -1.0));
        assert!(goal_marks(&exercise, &run, PlotView::Cohesion, &pair, 20).is_empty());
    }
}
