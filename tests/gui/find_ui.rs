//! Finding a nation by typing its name (Ctrl+F), driven headless on Mesa Crisis: the field lists
//! the matches, Enter selects the first and brings it to the middle of the view, Escape closes.

use crate::common;

use common::gui::{ScriptedDialogs, harness, press};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use entente::editor::{Item, Selection};

#[test]
fn typing_a_name_finds_the_nation_selects_it_and_brings_it_to_the_middle() {
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness(&dialogs);
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.get_by_label("Find");
    harness.event(egui::Event::Text("neigh".to_owned()));
    harness.run_steps(2);
    // Three neighbours match; each is listed.
    for name in [
        "Northern Neighbour",
        "Eastern Neighbour",
        "Southern Neighbour",
    ] {
        harness.get_by_role_and_label(egui::accesskit::Role::Button, name);
    }
    // Another name replaces it; Enter takes the first match.
    press(&mut harness, Modifiers::COMMAND, Key::A);
    harness.event(egui::Event::Text("south".to_owned()));
    harness.run_steps(2);
    press(&mut harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        &Selection::single(Item::Nation("N3".into()))
    );
    assert!(harness.query_by_label("Find").is_none(), "the field closes");
    let canvas = harness.get_by_label("Network canvas").rect();
    let node = harness
        .get_by_label_contains("Nation Southern Neighbour (")
        .rect();
    assert!(
        (node.center() - canvas.center()).length() < 30.0,
        "{node:?} is not in the middle of {canvas:?}"
    );
    // Escape closes it without choosing; a name that matches nothing says so.
    press(&mut harness, Modifiers::COMMAND, Key::F);
    harness.event(egui::Event::Text("atlantis".to_owned()));
    harness.run_steps(2);
    harness.get_by_label("No nation by that name.");
    press(&mut harness, Modifiers::NONE, Key::Escape);
    assert!(harness.query_by_label("Find").is_none());
    assert_eq!(
        harness.state().selection(),
        &Selection::single(Item::Nation("N3".into()))
    );
}
