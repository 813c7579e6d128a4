//! Why two runs differ (`editor::compare`): over many generated worlds, the named parts of the
//! difference between a run and the same world with one more event sum to the difference of the
//! values within 1e-12, for regions and nations, at several ticks; the event is named first; a
//! run compared with itself differs by nothing.

use crate::generated::{at_rest, parties, with_intervention, world, worlds};
use entente::editor::compare::{Side, explain_difference, largest_regional_difference};
use entente::model::exercise::Subject;
use entente::model::{Action, Attribute, Event, Scenario};
use entente::sim::Simulation;
use proptest::prelude::*;

fn computed(scenario: &Scenario) -> Simulation {
    let mut run = Simulation::new(scenario).unwrap();
    run.run_to(scenario.horizon);
    run
}

fn assert_parts_sum(a: Side, b: Side, subject: &Subject, tick: u32) -> f64 {
    let difference = explain_difference(a, b, subject, tick).unwrap();
    let why = &difference.explanation;
    let total: f64 = why.parts.iter().map(|p| p.value).sum();
    let gap = why.after - why.before;
    assert!(
        (total - gap).abs() < 1e-12,
        "{subject:?} at {tick}: parts {total} against {gap} ({} parts)",
        why.parts.len()
    );
    gap
}

proptest! {
    #![proptest_config(worlds(10))]

    #[test]
    fn the_parts_of_a_difference_sum_to_it(
        nations in 8usize..30,
        seed in 0u64..1_000,
        kind in 0usize..5,
        mandate in any::<bool>(),
    ) {
        let base = at_rest(world(nations, seed, 0, 24));
        let acted = with_intervention(&base, kind, mandate);
        let (run_a, run_b) = (computed(&base), computed(&acted));
        let a = Side { name: "baseline", scenario: &base, run: &run_a };
        let b = Side { name: "with the operation", scenario: &acted, run: &run_b };
        let (target, _) = parties(&base);
        let nation = Subject::Nation(acted.nations[target].id.clone());
        let region = Subject::Region(acted.nations[target].region.clone());
        for tick in [1, 6, 24] {
            assert_parts_sum(a, b, &nation, tick);
            assert_parts_sum(a, b, &region, tick);
            // And the other way round.
            assert_parts_sum(b, a, &region, tick);
        }
        // The one event that separates them is named first.
        let difference = explain_difference(a, b, &region, 24).unwrap();
        prop_assert_eq!(difference.differs_by.len(), 1);
        prop_assert!(
            difference.differs_by[0].starts_with("only in with the operation: Event at tick 4"),
            "{:?}", difference.differs_by
        );
        // Before the operation starts the runs are the same.
        let before = explain_difference(a, b, &region, 3).unwrap();
        prop_assert_eq!(before.explanation.after, before.explanation.before);
        // A run compared with itself differs by nothing.
        let same = explain_difference(a, a, &region, 24).unwrap();
        prop_assert!(same.differs_by.is_empty());
        prop_assert!(same.explanation.parts.is_empty());
    }
}

#[test]
fn a_shock_is_traced_to_its_cause_and_the_largest_gap_is_found() {
    let base = at_rest(world(16, 7, 0, 20));
    let (target, _) = parties(&base);
    let mut shocked = base.clone();
    shocked.events.push(Event::new(
        2,
        Action::SetAttribute {
            nation: base.nations[target].id.clone(),
            attribute: Attribute::Stability,
            value: 0.1,
            structural: false,
        },
    ));
    let (run_a, run_b) = (computed(&base), computed(&shocked));
    let a = Side {
        name: "A",
        scenario: &base,
        run: &run_a,
    };
    let b = Side {
        name: "B",
        scenario: &shocked,
        run: &run_b,
    };
    let region = largest_regional_difference(a, b, 20).unwrap();
    assert_eq!(
        region,
        Subject::Region(base.nations[target].region.clone()),
        "the shocked nation's region moves most"
    );
    let nation = Subject::Nation(base.nations[target].id.clone());
    let gap = assert_parts_sum(a, b, &nation, 20);
    assert!(gap < 0.0, "the shock leaves it less stable: {gap}");
    let difference = explain_difference(a, b, &nation, 20).unwrap();
    let first = &difference.explanation.parts[0];
    assert!(
        first
            .cause
            .as_deref()
            .is_some_and(|c| c.contains("set at tick 2")),
        "{first:?}"
    );
    // A subject one side lacks is refused with its name.
    let error = explain_difference(a, b, &Subject::Region("nowhere".into()), 20).unwrap_err();
    assert_eq!(error.to_string(), "A has no region \"nowhere\"");
}
