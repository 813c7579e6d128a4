//! The documentation stays true: the complete example of docs/FORMAT.md loads and runs, and
//! docs/PARAMETERS.md lists exactly the parameters the engine has (regenerate it with
//! `ENTENTE_BLESS=1 cargo test --test docs` and review the diff).

use entente::model::params::PARAM_TABLE;

fn complete_example() -> String {
    let doc = std::fs::read_to_string("docs/FORMAT.md").unwrap();
    let section = &doc[doc.find("## A complete example").expect("section")..];
    let start = section.find("```ron\n").expect("ron block") + "```ron\n".len();
    let end = start + section[start..].find("```").expect("block end");
    section[start..end].to_owned()
}

#[test]
fn the_complete_example_loads_and_runs() {
    let scenario = entente::io::load_str(&complete_example())
        .unwrap_or_else(|e| panic!("docs/FORMAT.md example: {e}"));
    assert_eq!(scenario.events.len(), 14);
    assert_eq!(scenario.params.set_values().len(), 2);
    let mut simulation = entente::sim::Simulation::new(&scenario).unwrap();
    simulation.run_to(scenario.horizon);
    assert!(
        simulation
            .current()
            .region_stability
            .iter()
            .all(|v| v.is_finite())
    );
}

#[test]
fn every_kind_of_action_appears_in_the_complete_example() {
    let text = complete_example();
    for action in [
        "Intervention(",
        "SignTreaty(",
        "AbrogateTreaty(",
        "FormAlliance(",
        "JoinAlliance(",
        "LeaveAlliance(",
        "LeadershipChange(",
        "SetAttribute(",
        "SetRelation(",
        "ChangeDefenceAmbition(",
    ] {
        assert!(text.contains(action), "{action}");
    }
    for kind in entente::model::InterventionKind::ALL {
        assert!(text.contains(&format!("kind: {kind:?}")), "{kind:?}");
    }
}

fn parameter_table() -> String {
    let mut out = String::from(
        "# Model parameters\n\n\
         Every parameter of the model (MODEL.md 2.9) with its name in scenario files, its symbol, \
         default and accepted range. Override any of them in a scenario with \
         `params: (name: value, …)`.\n\n\
         This file is generated from `src/model/params.rs` and checked by `tests/files/docs.rs`.\n\n\
         | block | name | symbol | default | range | meaning |\n|---|---|---|---|---|---|\n",
    );
    for p in PARAM_TABLE {
        out.push_str(&format!(
            "| {} | `{}` | {} | {} | {} to {} | {} |\n",
            p.block, p.name, p.symbol, p.default, p.min, p.max, p.description
        ));
    }
    out
}

#[test]
fn the_parameter_table_matches_the_engine() {
    let expected = parameter_table();
    if std::env::var_os("ENTENTE_BLESS").is_some() {
        std::fs::write("docs/PARAMETERS.md", &expected).unwrap();
    }
    let actual = std::fs::read_to_string("docs/PARAMETERS.md").unwrap_or_default();
    assert_eq!(
        actual, expected,
        "docs/PARAMETERS.md is out of date: run ENTENTE_BLESS=1 cargo test --test docs"
    );
}

#[test]
fn alliances_and_treaties_in_force_at_load_do_not_move_a_world_without_actions() {
    // The deviation rule (MODEL.md 2.11): objects present at load are priced in.
    let mut scenario = entente::io::load_str(&complete_example()).unwrap();
    scenario.events.clear();
    // Its goals name an alliance that an event forms.
    scenario.exercise = None;
    for nation in &mut scenario.nations {
        nation.baseline = Default::default();
    }
    // A treaty running out is a scheduled change too; keep them all in force.
    for treaty in &mut scenario.treaties {
        treaty.duration = None;
    }
    scenario.horizon = 200;
    let (world, start) = entente::sim::start(&scenario, scenario.seed).unwrap();
    let mut state = start.clone();
    for _ in 0..200 {
        entente::sim::step::step(&world, &mut state, false);
    }
    let before = entente::sim::observe::observe(&world, &start);
    let after = entente::sim::observe::observe(&world, &state);
    assert_eq!(before.len(), after.len());
    for (a, b) in before.iter().zip(&after) {
        assert_eq!((a.kind, &a.id, a.variable), (b.kind, &b.id, b.variable));
        assert!(
            (a.value - b.value).abs() < 1e-12,
            "{:?} {} {}: {} drifted to {}",
            a.kind,
            a.id,
            a.variable,
            a.value,
            b.value
        );
    }
}
