//! Saving is canonical and lossless: load → save → load gives the same scenario, saving twice
//! gives the same bytes, and every bundled scenario and format fixture keeps loading.

use entente::io::library::EXAMPLES;
use entente::io::{load_file, load_str, save_file, to_ron_string};

#[test]
fn every_bundled_scenario_loads() {
    for example in EXAMPLES {
        let scenario = load_str(example.text)
            .unwrap_or_else(|e| panic!("{} does not load: {e}", example.name));
        assert_eq!(
            scenario.meta.title.0, example.title,
            "{}: the menu shows its title",
            example.name
        );
    }
}

#[test]
fn every_format_version_fixture_keeps_loading() {
    // One fixture per version ever written, each of which still loads and runs.
    for version in 1..=entente::model::FORMAT_VERSION {
        let path = std::path::PathBuf::from(format!("tests/data/format_v{version}.ron"));
        let scenario = load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut run = entente::sim::Simulation::new(&scenario).unwrap();
        run.run_to(scenario.horizon.min(8));
    }
    // And no fixture is left over from a version that does not exist.
    for entry in std::fs::read_dir("tests/data").unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if let Some(number) = name
            .strip_prefix("format_v")
            .and_then(|n| n.strip_suffix(".ron"))
        {
            let version: u32 = number.parse().unwrap();
            assert!(
                (1..=entente::model::FORMAT_VERSION).contains(&version),
                "{name}"
            );
        }
    }
}

#[test]
fn a_file_from_a_newer_format_is_refused() {
    let fixture = std::fs::read_to_string("tests/data/format_v1.ron").unwrap();
    let newer = entente::model::FORMAT_VERSION + 1;
    let text = fixture.replacen("format_version: 1", &format!("format_version: {newer}"), 1);
    let message = load_str(&text).unwrap_err().to_string();
    assert!(
        message.contains(&format!("made by a newer Entente (format {newer})")),
        "{message}"
    );
}

#[test]
fn load_save_load_gives_an_equal_scenario() {
    for example in EXAMPLES {
        let first = load_str(example.text).unwrap();
        let text = to_ron_string(&first).unwrap();
        let second = load_str(&text).unwrap_or_else(|e| panic!("{}: {e}\n{text}", example.name));
        assert_eq!(first, second, "{}", example.name);
    }
}

#[test]
fn saving_twice_gives_identical_bytes() {
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    let once = to_ron_string(&scenario).unwrap();
    let twice = to_ron_string(&load_str(&once).unwrap()).unwrap();
    assert_eq!(once, twice);
}

#[test]
fn canonical_order_does_not_depend_on_the_order_pairs_are_written_in() {
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    let mut shuffled = scenario.clone();
    shuffled.relations.reverse();
    for relation in &mut shuffled.relations {
        std::mem::swap(&mut relation.a, &mut relation.b);
    }
    shuffled.events.reverse();
    shuffled.events.sort_by_key(|e| e.tick);
    assert_eq!(
        to_ron_string(&scenario).unwrap(),
        to_ron_string(&shuffled).unwrap()
    );
}

#[test]
fn save_file_writes_atomically_and_replaces_the_old_file() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("lab.ron");
    std::fs::write(&path, "old contents").unwrap();
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    save_file(&scenario, &path).unwrap();
    assert_eq!(load_file(&path).unwrap(), scenario);
    let leftovers: Vec<_> = std::fs::read_dir(folder.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left behind: {leftovers:?}"
    );
}

#[test]
fn a_failed_save_reports_an_error_and_writes_nothing() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("missing-folder").join("lab.ron");
    let scenario = load_str(EXAMPLES[0].text).unwrap();
    let error = save_file(&scenario, &path).unwrap_err();
    assert!(error.to_string().contains("lab.ron"), "{error}");
    assert!(!path.exists());
}

#[test]
fn optional_values_may_be_written_bare_or_with_some() {
    let base = entente::io::library::example("blank").unwrap().text;
    let with_some = base.replace(
        "alliances: [],\n    treaties: [],",
        "alliances: [],\n    treaties: [(id: \"t\", kind: NonAggression, parties: [\"A\", \"B\"], duration: Some(12))],",
    );
    let bare = with_some.replace("Some(12)", "12");
    let a = load_str(&with_some).unwrap();
    let b = load_str(&bare).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.treaties[0].duration, Some(12));
}

#[test]
fn a_saved_file_reads_like_a_hand_written_one() {
    let mut scenario = load_str(EXAMPLES[0].text).unwrap();
    scenario.meta.title = "Gaddafi's last stand".into();
    let first = scenario.nations[0].id.clone();
    scenario
        .layout
        .positions
        .insert(first.clone(), (123.456_79, -0.049_999_8));
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("saved.ron");
    save_file(&scenario, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    // Apostrophes as written, positions to a tenth.
    assert!(text.contains("\"Gaddafi's last stand\""), "{text}");
    assert!(!text.contains("\\'"));
    assert!(
        text.contains("(123.5, -0.0)") || text.contains("(123.5, 0.0)"),
        "{text}"
    );
    let reloaded = load_file(&path).unwrap();
    assert_eq!(reloaded.meta.title, scenario.meta.title);
    assert_eq!(reloaded.layout.positions[&first].0, 123.5);
    // Readable by others, like any document; a file saved over keeps its mode.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o644);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        save_file(&scenario, &path).unwrap();
        assert_eq!(mode(&path), 0o640);
    }
}

#[test]
fn sources_are_written_one_per_line() {
    let libya = entente::io::library::example("libya-2011").unwrap();
    let scenario = load_str(libya.text).unwrap();
    let text = to_ron_string(&scenario).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "sources: [")
        .unwrap_or_else(|| panic!("no sources list of its own:\n{text}"));
    for (k, source) in scenario.meta.sources.iter().enumerate() {
        let line = lines[start + 1 + k].trim();
        assert!(line.starts_with('"') && line.ends_with("\","), "{line}");
        assert!(
            line.contains(source.0.split('\'').next().unwrap()),
            "{line}"
        );
    }
    assert_eq!(lines[start + 1 + scenario.meta.sources.len()].trim(), "],");
    assert_eq!(load_str(&text).unwrap(), scenario);
}

#[test]
fn saving_over_a_commented_file_keeps_its_comments_beside_it() {
    let libya = entente::io::library::example("libya-2011").unwrap();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("libya.ron");
    std::fs::write(&path, libya.text).unwrap();
    let scenario = load_file(&path).unwrap();
    let saved = save_file(&scenario, &path).unwrap();
    let companion = folder.path().join("libya.comments.txt");
    assert_eq!(saved.comments_kept.as_deref(), Some(companion.as_path()));
    let kept = std::fs::read_to_string(&companion).unwrap();
    // Every comment but the header line Entente writes itself, with its line.
    let second = libya.text.lines().nth(1).unwrap();
    assert!(kept.contains(&format!("line 2: {second}")), "{kept}");
    assert!(!kept.contains("line 1:"), "{kept}");
    // The saved file has only Entente's own header; saving it again keeps nothing more.
    assert_eq!(load_file(&path).unwrap(), scenario);
    assert_eq!(save_file(&scenario, &path).unwrap().comments_kept, None);
    assert_eq!(std::fs::read_to_string(&companion).unwrap(), kept);
}

#[test]
fn backslashes_and_apostrophes_survive_a_save() {
    let mut scenario = load_str(EXAMPLES[0].text).unwrap();
    for title in ["it's", "a \\ b", "a \\' b", "\\\\'", "quote \" and '"] {
        scenario.meta.title = title.into();
        let text = to_ron_string(&scenario).unwrap();
        assert_eq!(load_str(&text).unwrap().meta.title.0, title, "{text}");
    }
}

#[test]
fn a_saved_file_leaves_out_what_is_at_its_default() {
    use entente::model::{Action, Event, Intervention, InterventionKind};
    let mut scenario = load_str(EXAMPLES[0].text).unwrap();
    let (a, b) = (
        scenario.nations[0].id.clone(),
        scenario.nations[1].id.clone(),
    );
    let operation = Intervention::new("relief".into(), InterventionKind::Humanitarian, vec![a], b);
    scenario
        .events
        .push(Event::new(3, Action::Intervention(operation)));
    let text = to_ron_string(&scenario).unwrap();
    let line = text
        .lines()
        .find(|line| line.contains("\"relief\""))
        .unwrap();
    for left_out in [
        "strike_intensity",
        "regime_change_goal",
        "host_consent",
        "side:",
    ] {
        assert!(!line.contains(left_out), "{left_out} written: {line}");
    }
    // Read back, it is the same scenario (in the canonical order saving writes).
    scenario.canonicalize();
    assert!(load_str(&text).unwrap() == scenario);
}
