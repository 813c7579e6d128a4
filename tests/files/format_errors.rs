//! Every kind of problem in a scenario file is reported with a readable message and its
//! location, all problems at once, and never with a panic.

use entente::io::{LoadError, load_bytes, load_file, load_str};

const BLANK: &str = include_str!("../../assets/scenarios/blank.ron");

/// Loads `text` and returns its problems as (line, col, message) — panics if it loads.
fn problems(text: &str) -> Vec<(usize, usize, String)> {
    match load_str(text) {
        Ok(_) => panic!("expected problems, but the scenario loaded"),
        Err(error) => diagnostics(&error),
    }
}

fn diagnostics(error: &LoadError) -> Vec<(usize, usize, String)> {
    error
        .diagnostics()
        .iter()
        .map(|d| {
            let (line, col) = d.position.map_or((0, 0), |p| (p.line, p.col));
            (line, col, d.to_string())
        })
        .collect()
}

/// Line and column (1-based) of the first occurrence of `needle` in `text`.
fn position_of(text: &str, needle: &str) -> (usize, usize) {
    let offset = text.find(needle).expect("needle in text");
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}

fn single(text: &str) -> (usize, usize, String) {
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    found.into_iter().next().unwrap()
}

#[test]
fn an_empty_file_is_refused() {
    for text in ["", "   \n\n", "// only a comment\n"] {
        let (_, _, message) = single(text);
        assert!(message.contains("empty"), "{message}");
    }
}

#[test]
fn a_binary_file_is_refused() {
    let error = load_bytes(&[0x89, b'P', b'N', b'G', 0, 0, 1, 2, 255]).unwrap_err();
    let message = error.to_string();
    assert!(message.contains("binary"), "{message}");
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_position() {
    let mut bytes = b"(\n  format_version: 1,\n  meta: (title: \"caf".to_vec();
    bytes.push(0xE9);
    bytes.extend_from_slice(b"\"))");
    let error = load_bytes(&bytes).unwrap_err();
    let found = diagnostics(&error);
    assert_eq!((found[0].0, found[0].1), (3, 21));
    assert!(found[0].2.contains("UTF-8"), "{}", found[0].2);
}

#[test]
fn a_truncated_file_reports_where_it_ends() {
    let cut = &BLANK[..BLANK.find("nations:").unwrap() + 20];
    let (line, _, message) = single(cut);
    assert!(line >= cut.matches('\n').count(), "line {line}");
    assert!(message.contains("ends too early"), "{message}");
}

#[test]
fn an_unknown_field_is_named_with_its_location() {
    let text = BLANK.replace(
        "(id: \"B\", name: \"Nation B\", region: \"north\")",
        "(id: \"B\", name: \"Nation B\", region: \"north\", stabilty: 0.5)",
    );
    let (line, col, message) = single(&text);
    assert_eq!((line, col), position_of(&text, "stabilty"));
    assert!(message.contains("unknown field `stabilty`"), "{message}");
    assert!(
        message.contains("stability"),
        "lists the allowed fields: {message}"
    );
}

#[test]
fn past_a_refused_field_every_other_problem_is_reported_in_file_order() {
    let text = BLANK
        .replace("seed: 1,", "seed: 1,\n    colour: \"blue\",")
        .replace(
            "(id: \"B\", name: \"Nation B\", region: \"north\")",
            "(id: \"B\", name: \"Nation B\", region: \"north\", stabilty: 0.5)",
        )
        .replace(
            "(id: \"C\", name: \"Nation C\", region: \"south\")",
            "(id: \"C\", name: \"Nation C\", region: \"south\", stability: 7.0)",
        );
    let error = load_str(&text).unwrap_err();
    let found = diagnostics(&error);
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!((found[0].0, found[0].1), position_of(&text, "colour"));
    assert!(
        found[0].2.contains("unknown field `colour`"),
        "{}",
        found[0].2
    );
    assert_eq!((found[1].0, found[1].1), position_of(&text, "stabilty"));
    assert!(
        found[1].2.contains("unknown field `stabilty`"),
        "{}",
        found[1].2
    );
    assert_eq!((found[2].0, found[2].1), position_of(&text, "7.0"));
    assert!(
        found[2].2.contains("stability of Nation C"),
        "{}",
        found[2].2
    );
    // A syntax error it cannot step over ends the list there.
    let broken = text.replace("stability: 7.0)", "stability: 7.0");
    let found = diagnostics(&load_str(&broken).unwrap_err());
    assert!(found.len() <= 3, "{found:?}");
    assert!(
        found[0].2.contains("unknown field `colour`"),
        "{}",
        found[0].2
    );
}

#[test]
fn a_missing_nation_is_named_with_its_location() {
    let text = BLANK.replace("(a: \"A\", b: \"C\"", "(a: \"A\", b: \"Z\"");
    let (line, col, message) = single(&text);
    assert_eq!((line, col), position_of(&text, "\"Z\""));
    assert!(
        message.contains("nation \"Z\", which does not exist"),
        "{message}"
    );
}

#[test]
fn an_out_of_range_stability_is_reported_at_the_number() {
    let text = BLANK.replace(
        "(id: \"C\", name: \"Nation C\", region: \"south\")",
        "(id: \"C\", name: \"Nation C\", region: \"south\", stability: 7.0)",
    );
    let (line, col, message) = single(&text);
    assert_eq!((line, col), position_of(&text, "7.0"));
    assert!(
        message.contains("stability of Nation C (\"C\") is 7"),
        "names the nation as the app shows it, with the file's id: {message}"
    );
    assert!(message.contains("0 to 1"), "{message}");
}

#[test]
fn every_problem_is_reported_together() {
    let text = BLANK
        .replace("(a: \"A\", b: \"C\"", "(a: \"A\", b: \"A\"")
        .replace("(id: \"C\", name", "(id: \"B\", name")
        .replace("horizon: 80", "horizon: 10")
        .replace(
            "events: [],",
            r#"events: [
        (tick: 12, action: SetAttribute(nation: "A", attribute: Stability, value: 0.5)),
        (tick: 2, action: Intervention((id: "op", kind: Humanitarian, interveners: ["A", "B"], target: "A", legal_basis: NoMandate))),
        (tick: 3, action: FormAlliance((id: "solo", members: ["A"]))),
        (tick: 3, action: SetRelation(a: "A", b: "B", relation: NaN)),
        (tick: 4, action: JoinAlliance(alliance: "later", nation: "B")),
        (tick: 5, action: FormAlliance((id: "later", members: ["A", "B"]))),
    ],"#,
        );
    let found = problems(&text);
    let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
    let expect = [
        "nation \"B\" is defined twice",
        "joins Nation A (\"A\") to itself",
        "at tick 12, but the horizon ends at tick 9",
        "\"A\" intervenes in itself",
        "alliance \"solo\" has 1 member(s)",
        "relation must be a number, not NaN",
        "no alliance with that id exists by then",
    ];
    for wanted in expect {
        assert!(
            messages.iter().any(|m| m.contains(wanted)),
            "missing {wanted:?} in {messages:#?}"
        );
    }
    assert!(
        found.iter().all(|(line, _, _)| *line > 0),
        "all located: {found:#?}"
    );
}

#[test]
fn a_newer_format_is_refused_clearly() {
    let text = BLANK.replace("format_version: 1", "format_version: 7");
    let (line, col, message) = single(&text);
    assert_eq!((line, col), position_of(&text, "7,"));
    assert!(
        message.contains("made by a newer Entente (format 7)"),
        "{message}"
    );
}

#[test]
fn a_missing_or_impossible_format_version_is_refused() {
    let (_, _, message) = single(&BLANK.replace("format_version: 1,", ""));
    assert!(message.contains("no format_version"), "{message}");
    let (_, _, message) = single(&BLANK.replace("format_version: 1", "format_version: 0"));
    assert!(message.contains("does not exist"), "{message}");
}

#[test]
fn an_unknown_kind_lists_the_accepted_ones() {
    let text = BLANK.replace(
        "treaties: [],",
        "treaties: [(id: \"t\", kind: FriendshipPact, parties: [\"A\", \"B\"])],",
    );
    let (line, col, message) = single(&text);
    assert_eq!((line, col), position_of(&text, "FriendshipPact"));
    assert!(message.contains("ConfidenceBuilding"), "{message}");
}

#[test]
fn deep_nesting_is_refused_before_it_costs_stack() {
    // Skipped ahead of the version: the nesting limit stops the skipping.
    let text = format!(
        "(meta: {}{}, format_version: 1)",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (_, _, message) = single(&text);
    assert!(message.contains("nests"), "{message}");
    // Where a field has a type, the first bracket of the wrong kind is refused already.
    let text = format!(
        "(format_version: 1, meta: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let (line, col, message) = single(&text);
    assert_eq!((line, col), (1, 27), "{message}");
}

#[test]
fn too_many_nations_stops_reading_at_the_limit() {
    let nations: String = (0..5_001)
        .map(|i| format!("(id: \"n{i}\", region: \"north\"),"))
        .collect();
    let text = BLANK.replace(
        "(id: \"A\", name: \"Nation A\", region: \"north\"),",
        &nations,
    );
    let (_, _, message) = single(&text);
    assert!(
        message.contains("too many nations: the limit is 5000"),
        "{message}"
    );
}

#[test]
fn too_many_events_and_relations_are_refused() {
    let events: String = (0..100_001)
        .map(
            |_| "(tick: 1, action: SetAttribute(nation: \"A\", attribute: Stability, value: 0.5)),",
        )
        .collect();
    let (_, _, message) = single(&BLANK.replace("events: [],", &format!("events: [{events}],")));
    assert!(message.contains("too many events"), "{message}");
    let relations: String = (0..200_001).map(|_| "(a: \"A\", b: \"B\"),").collect();
    let text = BLANK.replace("relations: [", &format!("relations: [{relations}"));
    let (_, _, message) = single(&text);
    assert!(message.contains("too many relations"), "{message}");
}

#[test]
fn an_overlong_string_is_refused() {
    let long = "x".repeat(10_001);
    let text = BLANK.replace("title: \"New scenario\"", &format!("title: \"{long}\""));
    let (_, _, message) = single(&text);
    assert!(message.contains("limit is 10000"), "{message}");
}

#[test]
fn an_oversized_file_is_refused_without_reading_it() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    // A sparse file: large on paper, nothing written, so the test costs no disk or time.
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    let message = load_file(&path).unwrap_err().to_string();
    assert!(message.contains("at most 64 MiB"), "{message}");
}

#[test]
fn a_missing_file_is_an_io_error() {
    let error = load_file(std::path::Path::new("no/such/file.ron")).unwrap_err();
    assert!(matches!(error, LoadError::Io { .. }));
}

#[test]
fn the_version_is_found_wherever_it_is_written() {
    let first = load_str(BLANK).unwrap();
    // After another field: read by skipping that field first.
    let late = BLANK.replacen("format_version: 1,", "", 1).replacen(
        "horizon:",
        "format_version: 1, horizon:",
        1,
    );
    assert_eq!(load_str(&late).unwrap(), first);
    // A version of the wrong type is located on its line.
    let wrong = BLANK.replacen("format_version: 1", "format_version: \"one\"", 1);
    let (line, _, message) = single(&wrong);
    assert_eq!(line, position_of(&wrong, "\"one\"").0, "{message}");
}
