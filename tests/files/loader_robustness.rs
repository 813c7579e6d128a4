//! Hostile and damaged scenario files: every bundled scenario cut at every byte, with lines
//! deleted or doubled, bytes flipped, ids swapped or repeated, numbers made extreme and strings
//! made huge. Each case comes back as a scenario that runs, or as problems that each say where
//! they are; none panics, and none takes unbounded time.

use std::sync::mpsc;
use std::time::Duration;

use entente::io::library::EXAMPLES;
use entente::io::{LoadError, load_bytes, load_str};
use entente::model::Scenario;
use entente::sim::Simulation;
use proptest::prelude::*;

/// A case that has not finished within this long is a hang (a generous bound for debug builds
/// on a loaded machine: a bundled scenario loads in well under a millisecond).
const HANG: Duration = Duration::from_secs(120);

/// Runs `cases` on another thread and fails if they do not all finish within [`HANG`].
fn without_hanging(what: &str, cases: impl FnOnce() + Send + 'static) {
    let (done, finished) = mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(what.to_owned())
        .spawn(move || {
            cases();
            let _ = done.send(());
        })
        .unwrap();
    match finished.recv_timeout(HANG) {
        Ok(()) => worker.join().unwrap(),
        // The worker panicked: join reports the panic and its message.
        Err(mpsc::RecvTimeoutError::Disconnected) => worker.join().unwrap(),
        Err(mpsc::RecvTimeoutError::Timeout) => panic!("{what}: not finished after {HANG:?}"),
    }
}

/// What every load must come to: a scenario that builds a world and runs, or problems that each
/// carry a message and a place (line and column, or a path inside the scenario). Only problems
/// with the file as a whole (empty, binary, too large) have neither.
fn check(input: &str, result: Result<Scenario, LoadError>) {
    match result {
        Ok(scenario) => {
            let mut run = Simulation::new(&scenario)
                .unwrap_or_else(|e| panic!("accepted but not runnable: {e}\n{input}"));
            run.run_to(3.min(scenario.horizon));
            assert!(
                run.current().region_stability.iter().all(|v| v.is_finite()),
                "{input}"
            );
        }
        Err(LoadError::Io { .. }) => panic!("no file is involved"),
        Err(LoadError::Invalid(diagnostics)) => {
            assert!(!diagnostics.is_empty(), "no problem reported\n{input}");
            let whole_file = diagnostics.len() == 1
                && diagnostics[0].position.is_none()
                && diagnostics[0].path.is_none();
            for diagnostic in &diagnostics {
                assert!(!diagnostic.message.is_empty(), "{input}");
                assert!(
                    whole_file || diagnostic.position.is_some() || diagnostic.path.is_some(),
                    "unlocated: {diagnostic:?}\n{input}"
                );
            }
        }
    }
}

fn check_text(text: &str) {
    check(text, load_str(text));
}

/// Every how many bytes (or lines) a bundled file is cut or edited. A large file (the world
/// today, 84 KB) is made of the same constructs the small ones have, which are cut at every byte:
/// cutting it at every one of its bytes too would be 84,000 loads, over a minute of the suite.
/// Prime strides land in a different place of each line.
fn stride(text: &str, large: usize) -> usize {
    if text.len() > 20_000 { large } else { 1 }
}

#[test]
fn every_bundled_scenario_cut_at_every_byte() {
    without_hanging("truncations", || {
        for example in EXAMPLES {
            let bytes = example.text.as_bytes();
            for cut in (0..bytes.len()).step_by(stride(example.text, 97)) {
                let prefix = &bytes[..cut];
                check(&String::from_utf8_lossy(prefix), load_bytes(prefix));
            }
        }
    });
}

#[test]
fn every_bundled_scenario_with_each_line_deleted_or_doubled() {
    without_hanging("line edits", || {
        for example in EXAMPLES {
            let lines: Vec<&str> = example.text.lines().collect();
            for at in (0..lines.len()).step_by(stride(example.text, 7)) {
                let mut deleted = lines.clone();
                deleted.remove(at);
                check_text(&deleted.join("\n"));
                let mut doubled = lines.clone();
                doubled.insert(at, lines[at]);
                check_text(&doubled.join("\n"));
            }
        }
    });
}

#[test]
fn a_huge_string_is_refused_without_a_copy() {
    without_hanging("huge strings", || {
        let blank = include_str!("../../assets/scenarios/blank.ron");
        // 40 MiB of title: under the file limit, far over the string limit.
        let huge = "x".repeat(40 << 20);
        let text = blank.replace("title: \"New scenario\"", &format!("title: \"{huge}\""));
        let error = load_str(&text).unwrap_err();
        assert!(error.to_string().contains("the limit is 10000"), "{error}");
        check_text(&text);
        // Escapes make the parser build the string; it is refused all the same.
        let escaped = "\\u{78}".repeat(20_000);
        let text = blank.replace("title: \"New scenario\"", &format!("title: \"{escaped}\""));
        assert!(
            load_str(&text)
                .unwrap_err()
                .to_string()
                .contains("limit is 10000")
        );
    });
}

/// The numbers of a scenario's text: (byte offset, length) of each numeric literal.
fn numbers(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let starts = bytes[at].is_ascii_digit()
            && (at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_'));
        if starts {
            let end = bytes[at..]
                .iter()
                .position(|b| !(b.is_ascii_digit() || *b == b'.' || *b == b'e' || *b == b'-'))
                .map_or(bytes.len(), |len| at + len);
            found.push((at, end - at));
            at = end;
        } else {
            at += 1;
        }
    }
    found
}

const EXTREMES: [&str; 12] = [
    "NaN",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e400",
    "-1",
    "-5000000",
    "0",
    "4294967296",
    "18446744073709551616",
    "0.000000000000000000001",
];

/// The identifiers of a scenario: the quoted values after `id: `.
fn ids(text: &str) -> Vec<String> {
    text.match_indices("id: \"")
        .filter_map(|(at, found)| {
            let rest = &text[at + found.len()..];
            rest.find('"').map(|end| rest[..end].to_owned())
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn flipped_bytes_are_reported(
        example in 0..EXAMPLES.len(),
        flips in proptest::collection::vec((any::<usize>(), 0u8..8), 1..4),
    ) {
        let mut bytes = EXAMPLES[example].text.as_bytes().to_vec();
        for (at, bit) in flips {
            let at = at % bytes.len();
            bytes[at] ^= 1 << bit;
        }
        check(&String::from_utf8_lossy(&bytes), load_bytes(&bytes));
    }

    #[test]
    fn extreme_numbers_are_reported(
        example in 0..EXAMPLES.len(),
        which in any::<usize>(),
        extreme in 0..EXTREMES.len(),
    ) {
        let text = EXAMPLES[example].text;
        let found = numbers(text);
        let (at, len) = found[which % found.len()];
        let changed = format!("{}{}{}", &text[..at], EXTREMES[extreme], &text[at + len..]);
        check_text(&changed);
    }

    #[test]
    fn swapped_and_repeated_ids_are_reported(
        example in 0..EXAMPLES.len(),
        first in any::<usize>(),
        second in any::<usize>(),
        repeat in any::<bool>(),
    ) {
        let text = EXAMPLES[example].text;
        let ids = ids(text);
        let (a, b) = (&ids[first % ids.len()], &ids[second % ids.len()]);
        let (quoted_a, quoted_b) = (format!("\"{a}\""), format!("\"{b}\""));
        let changed = if repeat {
            // One object takes another's id: two of a kind share it.
            text.replacen(&format!("id: {quoted_a}"), &format!("id: {quoted_b}"), 1)
        } else {
            // Every mention of the two ids trades places.
            text.replace(&quoted_a, "\u{1}").replace(&quoted_b, &quoted_a).replace('\u{1}', &quoted_b)
        };
        check_text(&changed);
    }
}

#[test]
fn a_repeated_nation_id_is_named_where_it_repeats() {
    let text = EXAMPLES[0].text;
    let ids = ids(text);
    let nation = ids
        .iter()
        .find(|id| text.contains(&format!("(id: \"{id}\", name")))
        .unwrap();
    let other = ids
        .iter()
        .find(|id| *id != nation && text.contains(&format!("(id: \"{id}\", name")))
        .unwrap();
    let changed = text.replacen(
        &format!("(id: \"{other}\", name"),
        &format!("(id: \"{nation}\", name"),
        1,
    );
    let error = load_str(&changed).unwrap_err();
    assert!(
        error
            .diagnostics()
            .iter()
            .any(|d| d.message.contains(nation.as_str()) && d.position.is_some()),
        "{error}"
    );
}

#[test]
fn extreme_numbers_get_short_located_messages() {
    let text = EXAMPLES[0].text;
    let (at, len) = numbers(text)[10];
    for extreme in EXTREMES {
        let changed = format!("{}{}{}", &text[..at], extreme, &text[at + len..]);
        if let Err(error) = load_str(&changed) {
            for diagnostic in error.diagnostics() {
                assert!(diagnostic.position.is_some(), "{diagnostic:?}");
                assert!(diagnostic.message.len() < 300, "{}", diagnostic.message);
            }
        }
    }
}
