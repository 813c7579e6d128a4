//! The command line, as a user runs it: `run`, `check`, `new`, `examples`, exit codes.

use std::path::Path;

use crate::common;

use assert_cmd::Command;
use predicates::prelude::*;

const DEFAULT: &str = "assets/scenarios/mesa-crisis.ron";
const BLANK: &str = include_str!("../../assets/scenarios/blank.ron");

fn entente() -> Command {
    Command::cargo_bin("entente").unwrap()
}

fn write(folder: &Path, name: &str, bytes: &[u8]) -> String {
    let path = folder.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

#[test]
fn run_writes_a_long_csv_with_a_region_row_for_every_tick() {
    let folder = tempfile::tempdir().unwrap();
    let csv = folder.path().join("out.csv");
    entente()
        .args(["run", DEFAULT, "--ticks", "80", "--csv"])
        .arg(&csv)
        .assert()
        .success()
        .stdout(predicate::str::contains("Mesa"));
    let text = std::fs::read_to_string(&csv).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("tick,kind,id,variable,value"));
    for tick in 0..=80 {
        for region in ["west", "mesa", "east"] {
            let prefix = format!("{tick},region,{region},stability,");
            let row = text
                .lines()
                .find(|l| l.starts_with(&prefix))
                .unwrap_or_else(|| panic!("no row {prefix}"));
            let value = &row[prefix.len()..];
            assert_eq!(value.split('.').nth(1).map(str::len), Some(6), "{row}");
        }
    }
    assert!(text.contains("\n0,nation,T,armed_groups,0.050000\n"));
    assert!(text.contains("\n0,dyad,H|T,relation,-0.600000\n"));
    assert!(text.contains(",alliance,mesa-pact,cohesion,"));
    assert!(!text.contains("\n81,"), "exactly 80 ticks");
}

#[test]
fn two_runs_write_byte_identical_files() {
    let folder = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for name in ["a", "b"] {
        let csv = folder.path().join(format!("{name}.csv"));
        let ledger = folder.path().join(format!("{name}.ledger.csv"));
        entente()
            .args(["run", DEFAULT, "--quiet", "--csv"])
            .arg(&csv)
            .arg("--ledger")
            .arg(&ledger)
            .assert()
            .success()
            .stdout("");
        outputs.push((std::fs::read(csv).unwrap(), std::fs::read(ledger).unwrap()));
    }
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn the_ledger_names_terms_and_their_causes() {
    let output = entente()
        .args(["run", DEFAULT, "--ticks", "14", "--quiet", "--ledger", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("tick,kind,id,variable,term,cause,value\n"));
    assert!(text.contains("9,nation,T,armed_groups,user_edit,event:1,0.150000000"));
    assert!(text.contains(",nation,T,stability,u_pres,intervention:op-freedom,"));
    assert!(text.contains(",region,mesa,stability,member_stability,nation:T,"));
}

#[test]
fn csv_to_standard_output_keeps_the_summary_out_of_it() {
    entente()
        .args(["run", DEFAULT, "--ticks", "2", "--csv", "-"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("tick,kind,id,variable,value\n"))
        .stdout(predicate::str::contains("largest changes").not())
        .stderr(predicate::str::contains("Mesa Crisis: 2 ticks"));
}

#[test]
fn the_seed_option_is_accepted_and_reported() {
    entente()
        .args(["run", DEFAULT, "--ticks", "4", "--seed", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("seed 7"));
}

#[test]
fn an_invalid_scenario_exits_1_with_located_errors() {
    let folder = tempfile::tempdir().unwrap();
    let bad = write(
        folder.path(),
        "bad.ron",
        BLANK
            .replace("(a: \"A\", b: \"C\"", "(a: \"A\", b: \"Q\"")
            .as_bytes(),
    );
    entente()
        .args(["run", &bad])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.ron:"))
        .stderr(predicate::str::contains(
            "nation \"Q\", which does not exist",
        ));
}

#[test]
fn usage_errors_exit_2() {
    entente().args(["run"]).assert().code(2);
    entente()
        .args(["run", DEFAULT, "--ticks", "many"])
        .assert()
        .code(2);
    entente().args(["frobnicate", "x", "y"]).assert().code(2);
}

#[test]
fn every_command_has_help() {
    for command in [
        vec!["--help"],
        vec!["run", "--help"],
        vec!["check", "--help"],
        vec!["new", "--help"],
        vec!["examples", "--help"],
    ] {
        entente()
            .args(&command)
            .assert()
            .success()
            .stdout(predicate::str::contains("Usage"));
    }
}

#[test]
fn check_reports_ok_files_and_every_broken_one_with_line_and_column() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    let files = [
        write(dir, "empty.ron", b""),
        write(dir, "binary.ron", &[0x7f, b'E', b'L', b'F', 0, 1, 2, 3]),
        write(dir, "truncated.ron", &BLANK.as_bytes()[..BLANK.len() / 2]),
        write(
            dir,
            "unknown_field.ron",
            BLANK
                .replace("seed: 1,", "seed: 1,\n    sead: 2,")
                .as_bytes(),
        ),
        write(
            dir,
            "missing_nation.ron",
            BLANK
                .replace("(a: \"A\", b: \"C\"", "(a: \"A\", b: \"Nowhere\"")
                .as_bytes(),
        ),
        write(
            dir,
            "stability.ron",
            BLANK
                .replace("region: \"south\")", "region: \"south\", stability: 7.0)")
                .as_bytes(),
        ),
        write(
            dir,
            "two_problems.ron",
            BLANK
                .replace("seed: 1,", "seed: 1,\n    sead: 2,")
                .replace("region: \"south\")", "region: \"south\", stability: 7.0)")
                .as_bytes(),
        ),
    ];
    let output = entente()
        .arg("check")
        .arg(DEFAULT)
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains(&format!("{DEFAULT}: ok (7 nations, 5 events)")),
        "{text}"
    );
    let expectations = [
        ("empty.ron: error:", "empty"),
        ("binary.ron: error:", "binary data"),
        ("truncated.ron:", "ends too early"),
        ("unknown_field.ron:13:5: error:", "unknown field `sead`"),
        (
            "missing_nation.ron:",
            "nation \"Nowhere\", which does not exist",
        ),
        ("stability.ron:", "stability of Nation C (\"C\") is 7"),
        ("two_problems.ron:13:5: error:", "unknown field `sead`"),
        ("two_problems.ron:", "stability of Nation C (\"C\") is 7"),
    ];
    // A file may have several lines; each expectation needs a line of its own.
    for (place, message) in expectations {
        assert!(
            text.lines()
                .any(|l| l.contains(place) && l.contains(message)),
            "no line for {place} saying {message:?} in\n{text}"
        );
    }
    for name in ["truncated.ron:", "missing_nation.ron:", "stability.ron:"] {
        let line = text.lines().find(|l| l.contains(name)).unwrap();
        let after = &line[line.find(name).unwrap() + name.len()..];
        let mut parts = after.splitn(3, ':');
        let (line_no, col) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(
            line_no.parse::<usize>().is_ok() && col.parse::<usize>().is_ok(),
            "{line}"
        );
    }
    assert!(
        !String::from_utf8(output.stderr)
            .unwrap()
            .contains("panicked")
    );
}

#[test]
fn check_of_a_good_file_exits_0() {
    entente()
        .args(["check", DEFAULT])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok (7 nations, 5 events)"));
}

#[test]
fn new_writes_a_bundled_scenario_and_refuses_to_overwrite() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("lab.ron");
    entente()
        .args(["new", "--out"])
        .arg(&out)
        .args(["--example", "blank"])
        .assert()
        .success();
    entente().args(["check"]).arg(&out).assert().success();
    entente()
        .args(["new", "--out"])
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    entente()
        .args(["new", "--out"])
        .arg(folder.path().join("x.ron"))
        .args(["--example", "nope"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mesa-crisis"));
}

#[test]
fn examples_lists_the_bundled_scenarios() {
    entente()
        .arg("examples")
        .assert()
        .success()
        .stdout(predicate::str::contains("mesa-crisis"))
        .stdout(predicate::str::contains("blank"));
}

/// What `entente blocs` prints for a scenario file with `text`; it must succeed.
fn blocs_output(text: &[u8]) -> String {
    let folder = tempfile::tempdir().unwrap();
    let file = write(folder.path(), "blocs.ron", text);
    let output = entente().args(["blocs", &file]).assert().success();
    String::from_utf8(output.get_output().stdout.clone()).unwrap()
}

#[test]
fn blocs_prints_both_camps_and_their_basin_shares() {
    let out = blocs_output(
        br#"(
    format_version: 1,
    meta: (title: "Two camps"),
    regions: [(id: "r")],
    nations: [(id: "A", region: "r"), (id: "B", region: "r"), (id: "C", region: "r"), (id: "D", region: "r")],
    relations: [
        (a: "A", b: "B", relation: 0.8), (a: "C", b: "D", relation: 0.8),
        (a: "A", b: "C", relation: -0.7), (a: "A", b: "D", relation: -0.7),
        (a: "B", b: "C", relation: -0.7), (a: "B", b: "D", relation: -0.7),
    ],
)"#,
    );
    for line in [
        "predicted blocs:    A = {A, B}  B = {C, D}",
        "1. 100.0%",
        "A = {A, B}  B = {C, D}",
        "triangle index 1.000, frustration index 0",
        "network of ties: 1 connected group (the largest of 4 nations)",
        "alliance clusters (alliances in force joined by shared members): none",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
}

#[test]
fn blocs_lists_alliance_clusters_and_the_groups_of_the_network() {
    // Two alliances that share B form one cluster; E and F are tied only to each other.
    let out = blocs_output(
        br#"(
    format_version: 1,
    meta: (title: "Clusters"),
    regions: [(id: "r"), (id: "s")],
    nations: [(id: "A", region: "r"), (id: "B", region: "r"), (id: "C", region: "r"),
              (id: "D", region: "r"), (id: "E", region: "s"), (id: "F", region: "s")],
    relations: [(a: "A", b: "D", relation: -0.5), (a: "E", b: "F", relation: 0.5)],
    alliances: [(id: "north", members: ["A", "B"]), (id: "south", members: ["B", "C"]),
                (id: "isle", members: ["E", "F"])],
)"#,
    );
    for line in [
        "network of ties: 2 connected groups (the largest of 4 nations)",
        "alliance clusters (alliances in force joined by shared members): {A, B, C}  {E, F}",
    ] {
        assert!(out.contains(line), "{line:?} not in\n{out}");
    }
}

#[test]
fn a_miscalibrated_regime_change_rises_then_falls_and_the_ledger_names_it() {
    let folder = tempfile::tempdir().unwrap();
    let scenario = common::w0(common::MISCALIBRATED_REGIME_CHANGE);
    let file = folder.path().join("sf1.ron");
    entente::io::save_file(&scenario, &file).unwrap();
    let (csv, ledger) = (
        folder.path().join("out.csv"),
        folder.path().join("ledger.csv"),
    );
    entente()
        .arg("run")
        .arg(&file)
        .args(["--ticks", "40", "--quiet", "--csv"])
        .arg(&csv)
        .arg("--ledger")
        .arg(&ledger)
        .assert()
        .success();
    let csv = std::fs::read_to_string(csv).unwrap();
    let stability = |tick: u32| -> f64 {
        let prefix = format!("{tick},nation,T,stability,");
        let line = csv.lines().find(|l| l.starts_with(&prefix)).unwrap();
        line[prefix.len()..].parse().unwrap()
    };
    assert!(stability(10) > stability(3) && stability(40) < stability(3) - 0.15);
    // The largest terms that pulled T's stability down over the run name the intervention as
    // their cause (reversion toward the baseline pulls up, against the fall it answers).
    let mut totals: std::collections::BTreeMap<(String, String), f64> = Default::default();
    for line in std::fs::read_to_string(ledger).unwrap().lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        if cells[1..4] == ["nation", "T", "stability"] {
            *totals
                .entry((cells[4].to_owned(), cells[5].to_owned()))
                .or_default() += f64::min(0.0, cells[6].parse::<f64>().unwrap()).abs();
        }
    }
    let mut ranked: Vec<_> = totals.into_iter().collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let top: Vec<&(String, String)> = ranked.iter().take(2).map(|(key, _)| key).collect();
    assert!(
        top.iter().all(|(_, cause)| cause == "intervention:op"),
        "{ranked:?}"
    );
}

#[test]
fn report_writes_a_summary_a_chart_and_the_run() {
    let folder = tempfile::tempdir().unwrap();
    // The format tour carries an exercise; the "student" adds a humanitarian mission.
    let doc = std::fs::read_to_string("docs/FORMAT.md").unwrap();
    let section = &doc[doc.find("## A complete example").unwrap()..];
    let start = section.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + section[start..].find("```").unwrap();
    let original = folder.path().join("tour.ron");
    std::fs::write(&original, &section[start..end]).unwrap();
    let mut scenario = entente::io::load_file(&original).unwrap();
    scenario.events.push(entente::model::Event::new(
        18,
        entente::model::Action::Intervention(entente::model::Intervention::new(
            "aid".into(),
            entente::model::InterventionKind::Humanitarian,
            vec!["A".into()],
            "C".into(),
        )),
    ));
    let student = folder.path().join("student.ron");
    entente::io::save_file(&scenario, &student).unwrap();
    let out = folder.path().join("report");
    entente()
        .arg("report")
        .arg(&student)
        .arg("--out")
        .arg(&out)
        .arg("--original")
        .arg(&original)
        .assert()
        .success()
        .stdout(predicate::str::contains("report.md"));
    let summary = std::fs::read_to_string(out.join("report.md")).unwrap();
    assert!(summary.starts_with("# Report: Format tour"));
    assert!(summary.contains("## Goals: "));
    assert!(
        summary.contains("| Only mandated interventions | **failed** |"),
        "{summary}"
    );
    // The student's mission is marked as theirs; the file's events are not.
    let student_rows: Vec<&str> = summary
        .lines()
        .filter(|l| l.ends_with("| **student** |"))
        .collect();
    assert_eq!(student_rows.len(), 1, "{summary}");
    assert!(student_rows[0].contains("humanitarian intervention in Calidia by Aurelia"));
    assert!(summary.contains("## Debrief questions\n\n1. What did the mandate change?"));
    assert!(
        !summary.contains("The strike at tick 10 is the trap"),
        "teacher notes stay out"
    );
    let chart = image::open(out.join("stability.png")).unwrap();
    assert_eq!((chart.width(), chart.height()), (1200, 700));
    let csv = std::fs::read_to_string(out.join("run.csv")).unwrap();
    assert!(csv.starts_with("tick,kind,id,variable,value\n0,region,north,stability,"));
    assert!(
        csv.lines()
            .any(|l| l.starts_with("40,region,south,stability,"))
    );
}

#[test]
fn generate_writes_a_valid_deterministic_scenario_of_the_size_asked() {
    let folder = tempfile::tempdir().unwrap();
    let write = |name: &str, seed: &str| {
        let out = folder.path().join(name);
        entente()
            .args([
                "generate",
                "--nations",
                "60",
                "--relations",
                "300",
                "--alliances",
                "6",
            ])
            .args([
                "--treaties",
                "12",
                "--events",
                "40",
                "--horizon",
                "50",
                "--seed",
                seed,
            ])
            .arg("--out")
            .arg(&out)
            .assert()
            .success();
        out
    };
    let a = write("a.ron", "5");
    let b = write("b.ron", "5");
    let c = write("c.ron", "6");
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert_ne!(std::fs::read(&a).unwrap(), std::fs::read(&c).unwrap());
    let scenario = entente::io::load_file(&a).unwrap();
    // Laid out by region: every nation has its place in the file.
    assert_eq!(scenario.layout.positions.len(), 60);
    assert_eq!(
        (
            scenario.nations.len(),
            scenario.relations.len(),
            scenario.alliances.len()
        ),
        (60, 300, 6)
    );
    assert_eq!(
        (
            scenario.treaties.len(),
            scenario.events.len(),
            scenario.horizon
        ),
        (12, 40, 50)
    );
    // `check` accepts it and says in a sentence how stable its world is.
    entente()
        .arg("check")
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            ": stable: the slowest disturbance",
        ))
        .stdout(predicate::str::contains("half-life"));
    // It never overwrites a file.
    entente()
        .args(["generate", "--out"])
        .arg(&a)
        .assert()
        .failure()
        .stderr(predicate::str::contains("already exists"));
}

#[test]
fn check_says_in_a_sentence_how_stable_each_bundled_world_is() {
    for example in entente::io::library::EXAMPLES {
        let path = format!("assets/scenarios/{}.ron", example.name);
        let output = entente().args(["check", &path]).output().unwrap();
        assert!(output.status.success(), "{path}");
        let text = String::from_utf8(output.stdout).unwrap();
        let line = text
            .lines()
            .find(|l| l.contains("stable: the slowest disturbance"))
            .unwrap_or_else(|| panic!("{path}: no stability sentence in\n{text}"));
        assert!(
            line.contains("% a tick") && line.contains("half-life"),
            "{line}"
        );
        assert!(line.contains("carried by"), "{line}");
    }
}

#[test]
fn check_with_stability_names_a_runaway_and_the_two_nations_in_it() {
    let folder = tempfile::tempdir().unwrap();
    let file = write(
        folder.path(),
        "runaway.ron",
        common::RUNAWAY_DUEL.as_bytes(),
    );
    let output = entente()
        .args(["check", "--stability", &file])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let sentence = text
        .lines()
        .find(|l| l.contains("UNSTABLE"))
        .unwrap_or_else(|| panic!("no warning in\n{text}"));
    assert!(sentence.contains("the arms race"), "{sentence}");
    assert!(
        sentence.contains("Atlantis") && sentence.contains("Borduria"),
        "{sentence}"
    );
    // The details: each mode with its multiplier, its loop and its carriers.
    assert!(text.contains("mode 1: multiplier 1.1"), "{text}");
    assert!(text.contains("defence effort of Atlantis"), "{text}");
}

#[test]
fn handout_writes_the_students_copy_without_teacher_notes() {
    let folder = tempfile::tempdir().unwrap();
    let teacher = std::path::PathBuf::from("assets/scenarios/libya-2011.ron");
    let student = folder.path().join("student.ron");
    let handout = || {
        let mut command = entente();
        command
            .arg("handout")
            .arg(&teacher)
            .arg("--out")
            .arg(&student);
        command
    };
    handout()
        .assert()
        .success()
        .stdout(predicate::str::contains("wrote"));
    entente().args(["check"]).arg(&student).assert().success();
    let original = entente::io::load_file(&teacher).unwrap();
    let copy = entente::io::load_file(&student).unwrap();
    let (kept, given) = (
        original.exercise.as_ref().unwrap(),
        copy.exercise.as_ref().unwrap(),
    );
    assert!(given.handout && !kept.handout);
    assert!(!kept.teacher_notes.0.is_empty());
    assert!(given.teacher_notes.0.is_empty());
    // Everything students need, and the locks, stay as they were.
    assert_eq!(given.locks, kept.locks);
    assert_eq!(given.goals, kept.goals);
    assert_eq!(given.briefing, kept.briefing);
    assert_eq!(copy.events, original.events);
    let text = std::fs::read_to_string(&student).unwrap();
    assert!(text.contains("handout: true"), "{text}");
    // It does not overwrite, and a scenario without an exercise has nothing to hand out.
    handout()
        .assert()
        .code(1)
        .stderr(predicate::str::contains("already exists"));
    entente()
        .args(["handout", "assets/scenarios/blank.ron", "--out"])
        .arg(folder.path().join("blank-student.ron"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no exercise block"));
}

#[test]
fn compare_explains_a_mandate_against_none_naming_the_differing_operation_first() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    let text = std::fs::read_to_string(DEFAULT).unwrap();
    let unmandated = "legal_basis: NoMandate, post_conflict_planning: 0.0, local_engagement: 0.0";
    assert!(text.contains(unmandated));
    let without = write(dir, "without.ron", text.as_bytes());
    let with = write(
        dir,
        "with.ron",
        text.replace(
            unmandated,
            "legal_basis: Unsc, post_conflict_planning: 0.8, local_engagement: 0.7",
        )
        .as_bytes(),
    );
    let output = entente()
        .args([
            "compare",
            &without,
            &with,
            "--subject",
            "mesa",
            "--tick",
            "40",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let out = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Mesa at tick 40 (2013 Q1): "), "{out}");
    // The two versions of the operation come first, each with how it is conducted.
    assert!(
        lines[1].contains("only in")
            && lines[1].contains("with.ron")
            && lines[1].contains("UN Security Council mandate"),
        "{out}"
    );
    assert!(
        lines[2].contains("without.ron") && lines[2].contains("no UN mandate"),
        "{out}"
    );
    assert!(lines[3].starts_with("why, largest first"), "{out}");
    // The named parts, as printed, add up to the difference printed on the first line.
    let gap: f64 = lines[0]
        .rsplit("difference of ")
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!(
        gap > 0.05,
        "the mandate, planning and engagement help Mesa: {gap}"
    );
    // Without a subject, the region that differs most; the same file twice differs by nothing.
    let same = entente()
        .args(["compare", &without, &without])
        .output()
        .unwrap();
    let same = String::from_utf8(same.stdout).unwrap();
    assert!(same.contains("the same world and timeline"), "{same}");
    let missing = entente()
        .args(["compare", &without, &with, "--subject", "atlantis"])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(
        String::from_utf8(missing.stderr)
            .unwrap()
            .contains("no region or nation \"atlantis\"")
    );
}

#[test]
fn ensemble_writes_the_same_percentiles_on_any_number_of_threads() {
    let csv = |threads: &str| {
        let output = entente()
            .args(["ensemble", DEFAULT, "--seeds", "6", "--random-events"])
            .args(["--threads", threads, "--out", "-"])
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let one = csv("1");
    assert!(one == csv("2"), "one thread and two give other bytes");
    let lines: Vec<&str> = one.lines().collect();
    assert_eq!(lines[0], "tick,subject,variable,p05,p25,p50,p75,p95,mean");
    // Mesa Crisis: 81 ticks of 3 regions and 7 nations.
    assert_eq!(lines.len(), 1 + 81 * 10);
    assert!(
        lines[1].starts_with("0,west,regional stability,"),
        "{}",
        lines[1]
    );
    // The summary, with the random events off: a note that every seed is the same run.
    let output = entente()
        .args(["ensemble", DEFAULT, "--seeds", "3"])
        .output()
        .unwrap();
    let summary = String::from_utf8(output.stdout).unwrap();
    assert!(summary.contains("random events are off"), "{summary}");
    assert!(summary.contains("3 seeds (42 to 44)"), "{summary}");
}

#[test]
fn sweep_writes_a_row_per_run_and_lists_what_it_can_vary() {
    let output = entente()
        .args(["sweep", DEFAULT, "--steps", "5", "--out", "-"])
        .args(["--param", "event:op-freedom.post_conflict_planning=0..1"])
        .args(["--param", "event:op-freedom.local_engagement=0..1"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let csv = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 25);
    assert!(rows[0].starts_with("run,seed,event:op-freedom.post_conflict_planning,event:op-freedom.local_engagement,final:west"));
    assert!(
        rows[25].starts_with("25,42,1.000000,1.000000,"),
        "{}",
        rows[25]
    );
    // Planning and engagement leave Mesa better off at the end than none.
    let mesa = |row: &str| row.split(',').nth(5).unwrap().parse::<f64>().unwrap();
    assert!(
        mesa(rows[25]) > mesa(rows[1]),
        "{} against {}",
        rows[25],
        rows[1]
    );
    let listed = entente()
        .args(["sweep", DEFAULT, "--list-params"])
        .output()
        .unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(listed.contains("reaction_k") && listed.contains("event:op-freedom.troops_per_1000"));
    let bad = entente()
        .args([
            "sweep",
            DEFAULT,
            "--param",
            "reaction_k=0..2",
            "--steps",
            "3",
        ])
        .output()
        .unwrap();
    assert!(!bad.status.success());
    assert!(
        String::from_utf8(bad.stderr)
            .unwrap()
            .contains("at reaction_k = 2")
    );
}
