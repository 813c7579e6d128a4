//! The canvas's focus on a neighbourhood (View ▸ Focus on neighbourhood, N), driven headless:
//! on a chain of relations the nations more than one or two ties from the selected one fade,
//! the caption names what the focus reaches from, and "Show all" turns it off.

use crate::common;

use common::gui::{ScriptedDialogs, config, harness_with, mesa, press};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{Document, EntenteApp};
use entente::model::{NationId, Relation, Scenario};

/// Mesa Crisis's seven nations tied in a chain of relations and nothing else:
/// Hegemon – Rival Power – Client State – Target State – Northern, Eastern, Southern Neighbour.
fn chain() -> Scenario {
    let mut scenario = mesa();
    let order = ["H", "Q", "X", "T", "N1", "N2", "N3"];
    scenario.relations = order
        .windows(2)
        .map(|pair| Relation {
            a: NationId::from(pair[0]),
            b: NationId::from(pair[1]),
            relation: 0.3,
            trust: 0.5,
        })
        .collect();
    scenario.alliances.clear();
    scenario.treaties.clear();
    scenario.events.clear();
    scenario.exercise = None;
    let problems = entente::model::validate(&scenario);
    assert!(problems.is_empty(), "{problems:?}");
    scenario
}

fn open_chain() -> Harness<'static, EntenteApp> {
    let dialogs = ScriptedDialogs::default();
    harness_with(EntenteApp::new(
        Document::unchanged(chain()),
        config(&dialogs, None),
    ))
}

/// The names of the nations drawn faded, from their accessible labels, in scenario order.
fn faded(harness: &Harness<'_, EntenteApp>) -> Vec<String> {
    let labels: Vec<String> = harness
        .query_all_by_label_contains("outside the focus")
        .filter_map(|node| node.accesskit_node().label())
        .collect();
    let scenario = harness.state().document().scenario();
    scenario
        .nations
        .iter()
        .map(|nation| nation.name.0.clone())
        .filter(|name| {
            labels
                .iter()
                .any(|label| label.starts_with(&format!("Nation {name} (")))
        })
        .collect()
}

fn select(harness: &mut Harness<'_, EntenteApp>, name: &str) {
    harness
        .get_by_label_contains(&format!("Nation {name} ("))
        .click();
    harness.run_steps(2);
}

#[test]
fn the_focus_fades_nations_beyond_one_then_two_ties_and_show_all_ends_it() {
    let mut harness = open_chain();
    select(&mut harness, "Hegemon");
    assert!(faded(&harness).is_empty(), "no focus yet");

    press(&mut harness, Modifiers::NONE, Key::N);
    harness.get_by_label("Focus within 1 tie of Hegemon");
    assert_eq!(
        faded(&harness),
        [
            "Client State",
            "Target State",
            "Northern Neighbour",
            "Eastern Neighbour",
            "Southern Neighbour"
        ]
    );

    press(&mut harness, Modifiers::NONE, Key::N);
    harness.get_by_label("Focus within 2 ties of Hegemon");
    assert_eq!(
        faded(&harness),
        [
            "Target State",
            "Northern Neighbour",
            "Eastern Neighbour",
            "Southern Neighbour"
        ]
    );

    // Another selection moves the focus with it.
    select(&mut harness, "Target State");
    harness.get_by_label("Focus within 2 ties of Target State");
    assert_eq!(faded(&harness), ["Hegemon", "Southern Neighbour"]);

    harness.get_by_label("Show all").click();
    harness.run_steps(2);
    assert!(faded(&harness).is_empty());
    assert!(harness.query_by_label_contains("Focus within").is_none());
}

#[test]
fn the_view_menu_turns_the_focus_on_and_without_a_selection_nothing_fades() {
    let mut harness = open_chain();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness
        .get_by_label_contains("Focus on neighbourhood")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Focus within 1 tie: select a nation");
    assert!(faded(&harness).is_empty());

    // A third press of the cycle after one and two ties is off again.
    select(&mut harness, "Northern Neighbour");
    assert_eq!(
        faded(&harness),
        [
            "Hegemon",
            "Rival Power",
            "Client State",
            "Southern Neighbour"
        ]
    );
    press(&mut harness, Modifiers::NONE, Key::N);
    press(&mut harness, Modifiers::NONE, Key::N);
    assert!(faded(&harness).is_empty());
    assert!(harness.query_by_label_contains("Focus within").is_none());
}
