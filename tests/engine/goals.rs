//! Exercise goals evaluated on Mesa Crisis (an alliance at tick 4, a regime change of the Target
//! State by the Hegemon at tick 12 without a mandate, a treaty at tick 30): every kind of goal,
//! met, on track, at risk and failed; and the validation of the exercise block.

use entente::io::{library, load_str};
use entente::model::exercise::{Compare, Exercise, Goal, GoalTest, Role, Subject, When};
use entente::model::{Scenario, Text, validate};
use entente::sim::Simulation;
use entente::sim::goals::{Standing, evaluate};

fn mesa() -> Scenario {
    load_str(library::default_example().text).unwrap()
}

fn goal(test: GoalTest) -> Goal {
    Goal {
        text: Text::from("a goal"),
        test,
    }
}

/// The standing of each of `tests` on Mesa Crisis at each of `ticks`.
fn standings(tests: Vec<GoalTest>, roles: Vec<Role>, ticks: &[u32]) -> Vec<Vec<Standing>> {
    let mut scenario = mesa();
    let exercise = Exercise {
        goals: tests.into_iter().map(goal).collect(),
        roles,
        ..Exercise::default()
    };
    scenario.exercise = Some(exercise.clone());
    assert!(validate(&scenario).is_empty(), "{:?}", validate(&scenario));
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    ticks
        .iter()
        .map(|&t| {
            evaluate(&exercise, &run, t)
                .iter()
                .map(|o| o.standing)
                .collect()
        })
        .collect()
}

fn stability(run: &Simulation, region: &str, tick: usize) -> f64 {
    run.collect_states()[tick].region_stability[run.world().region(region).unwrap().ix()]
}

#[test]
fn value_goals_at_a_tick_and_through_a_range() {
    let scenario = mesa();
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(80);
    // Mesa's stability falls from about 0.56 to about 0.38 over the run.
    let start = stability(&run, "mesa", 0);
    let end = stability(&run, "mesa", 80);
    assert!(start > 0.5 && end < 0.4, "{start} -> {end}");
    let value = |compare, value, when| GoalTest::Value {
        of: Subject::Region("mesa".into()),
        variable: "stability".into(),
        compare,
        value,
        when,
    };
    let got = standings(
        vec![
            value(Compare::Above, 0.4, When::Through(0, 80)),
            value(Compare::Above, 0.2, When::Through(0, 80)),
            value(Compare::Below, 0.4, When::At(80)),
            value(Compare::Above, 0.5, When::At(60)),
        ],
        Vec::new(),
        &[10, 80],
    );
    use Standing::*;
    // At tick 10 nothing is decided; the last goal's 0.5 is close to Mesa's 0.55: on track for
    // the first two, at risk for the third (0.55 is above 0.4 now), on track for the fourth.
    assert_eq!(got[0], vec![OnTrack, OnTrack, AtRisk, OnTrack]);
    assert_eq!(got[1], vec![Failed, Met, Met, Failed]);
}

#[test]
fn nation_variables_and_relations() {
    let got = standings(
        vec![
            GoalTest::Value {
                of: Subject::Nation("T".into()),
                variable: "armed_groups".into(),
                compare: Compare::Below,
                value: 0.9,
                when: When::Through(0, 80),
            },
            GoalTest::Relation {
                a: "H".into(),
                b: "T".into(),
                compare: Compare::Below,
                value: 0.0,
                when: When::At(0),
            },
            GoalTest::Relation {
                a: "Q".into(),
                b: "X".into(),
                compare: Compare::Below,
                value: 0.0,
                when: When::Through(0, 80),
            },
        ],
        Vec::new(),
        &[80],
    );
    assert_eq!(got[0], vec![Standing::Met, Standing::Met, Standing::Failed]);
}

#[test]
fn an_alliance_in_force_at_a_tick() {
    // The Mesa Defence Pact forms at tick 4 and ends at tick 14.
    let exists = |at| GoalTest::AllianceExists {
        alliance: "mesa-pact".into(),
        at,
    };
    let got = standings(vec![exists(10), exists(40)], Vec::new(), &[2, 8, 20, 80]);
    use Standing::*;
    assert_eq!(got[0], vec![OnTrack, OnTrack]); // to be formed at tick 4
    assert_eq!(got[1], vec![OnTrack, OnTrack]); // in force
    assert_eq!(got[2], vec![Met, Failed]); // ended at tick 14, before tick 40
    assert_eq!(got[3], vec![Met, Failed]);
}

#[test]
fn no_intervention_without_a_mandate_and_caps_on_interventions_and_treaties() {
    let tests = vec![
        GoalTest::NoUnmandatedIntervention,
        GoalTest::MaxInterventions(0),
        GoalTest::MaxInterventions(1),
        GoalTest::MaxTreaties(0),
        GoalTest::MaxTreaties(1),
    ];
    let got = standings(tests.clone(), Vec::new(), &[5, 20, 40, 80]);
    use Standing::*;
    // Before tick 12 the unmandated regime change is only planned: at risk.
    assert_eq!(got[0], vec![AtRisk, AtRisk, OnTrack, AtRisk, OnTrack]);
    assert_eq!(got[1], vec![Failed, Failed, OnTrack, AtRisk, OnTrack]);
    assert_eq!(got[2], vec![Failed, Failed, OnTrack, Failed, OnTrack]);
    assert_eq!(got[3], vec![Failed, Failed, Met, Failed, Met]);
    // With the students acting for the Rival Power only, the Hegemon's operation and treaty
    // are not theirs.
    let rival = vec![Role {
        name: Text::from("Eastern planners"),
        nations: vec!["Q".into()],
    }];
    let got = standings(tests, rival, &[80]);
    assert_eq!(got[0], vec![Met; 5]);
}

#[test]
fn the_exercise_block_is_validated_with_located_problems() {
    let mut scenario = mesa();
    scenario.exercise = Some(Exercise {
        roles: vec![Role {
            name: Text::from("team"),
            nations: vec!["ZZ".into()],
        }],
        goals: vec![
            goal(GoalTest::Value {
                of: Subject::Region("atlantis".into()),
                variable: "stability".into(),
                compare: Compare::Above,
                value: 0.5,
                when: When::Through(10, 5),
            }),
            goal(GoalTest::Value {
                of: Subject::Nation("T".into()),
                variable: "happiness".into(),
                compare: Compare::Above,
                value: f64::NAN,
                when: When::At(900),
            }),
            goal(GoalTest::AllianceExists {
                alliance: "warsaw".into(),
                at: 5,
            }),
            goal(GoalTest::Relation {
                a: "H".into(),
                b: "H".into(),
                compare: Compare::Above,
                value: 2.0,
                when: When::At(1),
            }),
        ],
        ..Exercise::default()
    });
    let problems = validate(&scenario);
    let paths: Vec<String> = problems.iter().map(|p| p.path.to_string()).collect();
    for expected in [
        "exercise.roles[0].nations[0]",
        "exercise.goals[0].test.of",
        "exercise.goals[0].test.when",
        "exercise.goals[1].test.variable",
        "exercise.goals[1].test.value",
        "exercise.goals[1].test.when",
        "exercise.goals[2].test.alliance",
        "exercise.goals[3].test.b",
        "exercise.goals[3].test.value",
    ] {
        assert!(
            paths.iter().any(|p| p == expected),
            "{expected} missing from {paths:?}"
        );
    }
}

#[test]
fn reasons_read_as_sentences() {
    let mut scenario = mesa();
    let exercise = Exercise {
        goals: vec![
            goal(GoalTest::NoUnmandatedIntervention),
            goal(GoalTest::MaxTreaties(3)),
            goal(GoalTest::MaxInterventions(3)),
        ],
        ..Exercise::default()
    };
    scenario.exercise = Some(exercise.clone());
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(80);
    let reasons: Vec<String> = evaluate(&exercise, &run, 5)
        .into_iter()
        .map(|o| o.reason)
        .collect();
    assert_eq!(
        reasons,
        [
            "1 intervention without a UN mandate planned, at most 0 allowed: op-freedom at tick 12",
            "0 treaties so far, at most 3 allowed",
            "0 interventions so far, at most 3 allowed",
        ]
    );
}
