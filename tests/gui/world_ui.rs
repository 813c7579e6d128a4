//! The world today at full scale, driven headless: finding and showing a nation edits nothing,
//! weak ties show for the selected nation and past the threshold the user sets, a treaty of
//! many parties is one hub, the focus fades the world beyond Estonia's allies and rival, and the
//! regional plot's 22 lines are found by name and lit by the pointer.

use crate::common;

use common::gui::{ScriptedDialogs, config, harness_with, press, settle};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use entente::app::{Document, EntenteApp};
use entente::editor::{Item, Selection};

/// The world today without its exercise (no briefing over the window), run to its horizon.
fn open_world() -> Harness<'static, EntenteApp> {
    let text = entente::io::library::example("world-today").unwrap().text;
    let mut scenario = entente::io::load_str(text).unwrap();
    scenario.exercise = None;
    let dialogs = ScriptedDialogs::default();
    let mut harness = harness_with(EntenteApp::new(
        Document::unchanged(scenario),
        config(&dialogs, None),
    ));
    settle(&mut harness);
    harness
}

fn find(harness: &mut Harness<'_, EntenteApp>, name: &str) {
    press(harness, Modifiers::COMMAND, Key::F);
    harness.event(egui::Event::Text(name.to_owned()));
    harness.run_steps(2);
    press(harness, Modifiers::NONE, Key::Enter);
    harness.run_steps(3);
}

fn count(harness: &Harness<'_, EntenteApp>, label: &str) -> usize {
    harness.query_all_by_label_contains(label).count()
}

#[test]
fn finding_and_showing_a_nation_of_the_world_edits_nothing() {
    let mut harness = open_world();
    find(&mut harness, "estonia");
    assert_eq!(
        harness.state().selection(),
        &Selection::single(Item::Nation("EST".into()))
    );
    // Estonia's capability (0.0075) has more decimals than the inspector's slider shows: showing
    // it must not round it.
    assert!(
        count(&harness, "military capability") >= 1,
        "the inspector shows it"
    );
    let document = harness.state().document();
    assert_eq!(document.undo_label(), None);
    assert!(!document.is_dirty());
}

#[test]
fn weak_ties_show_for_the_selected_nation_and_past_the_users_threshold() {
    let mut harness = open_world();
    // Syria–United States is +0.2: under the large world's threshold of 0.3.
    let weak = "Relation Syria–United States";
    assert_eq!(count(&harness, weak), 0, "a weak tie is drawn");
    let strong = "Relation Russia–Ukraine";
    assert_eq!(count(&harness, strong), 1, "a strong tie is hidden");
    // The OSCE's 56 states are one hub, not 1,540 lines.
    assert_eq!(count(&harness, "Treaty OSCE"), 1);
    find(&mut harness, "syria");
    assert_eq!(
        count(&harness, weak),
        1,
        "the selected nation's weak ties show"
    );
    harness
        .state_mut()
        .push(entente::app::Intent::Select(Selection::default()));
    harness.run_steps(3);
    assert!(harness.state().selection().is_empty());
    assert_eq!(count(&harness, weak), 0);
    let slider = harness.get_by_role_and_label(Role::Slider, "Weak ties below");
    slider.set_value_accesskit(0.1);
    harness.run_steps(3);
    assert_eq!(count(&harness, weak), 1, "past the threshold it shows");
}

#[test]
fn the_focus_fades_the_world_beyond_estonias_allies_and_rival() {
    let mut harness = open_world();
    find(&mut harness, "estonia");
    press(&mut harness, Modifiers::NONE, Key::N);
    harness.run_steps(2);
    harness.get_by_label_contains("Focus within 1 tie of Estonia");
    let faded = |harness: &Harness<'_, EntenteApp>, name: &str| {
        harness
            .get_by_label_contains(&format!("Nation {name} ("))
            .accesskit_node()
            .label()
            .is_some_and(|label| label.contains("outside the focus"))
    };
    // One tie: its rival and its allies in NATO and the EU stay bright; the rest fades.
    for near in ["Estonia", "Russia", "United States", "Germany", "Portugal"] {
        assert!(!faded(&harness, near), "{near} faded");
    }
    for far in ["Somalia", "Brazil", "Tuvalu", "China"] {
        assert!(faded(&harness, far), "{far} bright");
    }
    let one_tie = count(&harness, "outside the focus");
    assert!(one_tie > 100, "only {one_tie} faded");
    // Two ties: Russia's and the allies' partners join.
    press(&mut harness, Modifiers::NONE, Key::N);
    harness.run_steps(2);
    assert!(!faded(&harness, "China"), "Russia's partner stays faded");
    assert!(count(&harness, "outside the focus") < one_tie);
}

#[test]
fn the_regional_plot_finds_its_lines_by_name_and_lights_the_one_pointed_at() {
    let mut harness = open_world();
    let legend_entries = |harness: &Harness<'_, EntenteApp>, name: &str| {
        harness
            .query_all_by_role_and_label(Role::Button, name)
            .count()
    };
    // At rest no region moved: the why panel explains the first, not the last.
    let explained = harness.get_by_label("Explain");
    assert!(
        format!("{explained:?}").contains("Northern Africa"),
        "{explained:?}"
    );
    let before = legend_entries(&harness, "Western Europe");
    assert!(before >= 1);
    harness
        .get_by_role_and_label(Role::TextInput, "Find:")
        .focus();
    harness.run_steps(1);
    harness.event(egui::Event::Text("africa".to_owned()));
    harness.run_steps(3);
    assert_eq!(legend_entries(&harness, "Western Europe"), before - 1);
    for africa in ["Northern Africa", "Eastern Africa", "Western Africa"] {
        assert!(legend_entries(&harness, africa) >= 1, "{africa} not listed");
    }
    // Pointing at a legend entry lights its line.
    harness
        .get_by_role_and_label(Role::Button, "Eastern Africa")
        .hover();
    harness.run_steps(3);
    assert_eq!(harness.state().highlighted_line(), Some("Eastern Africa"));
    // A name that matches nothing says so.
    harness.event(egui::Event::Text("zzz".to_owned()));
    harness.run_steps(3);
    harness.get_by_label("No line by that name.");
}
