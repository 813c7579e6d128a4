//! Nothing a file contains can make the loader panic: random bytes, random text and random
//! mutations of a valid scenario all come back as `Ok` or as located diagnostics.

use entente::io::library::EXAMPLES;
use entente::io::{load_bytes, load_str};
use proptest::prelude::*;

fn mutate(text: &str, at: usize, cut: usize, insert: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let at = at % (chars.len() + 1);
    let end = (at + cut).min(chars.len());
    let mut out: String = chars[..at].iter().collect();
    out.push_str(insert);
    out.extend(&chars[end..]);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = load_bytes(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,300}") {
        let _ = load_str(&text);
    }

    #[test]
    fn mutated_scenarios_never_panic_and_errors_are_located(
        at in 0usize..8000,
        cut in 0usize..40,
        insert in prop_oneof![
            Just(String::new()), Just("(".to_owned()), Just(")".to_owned()), Just("]".to_owned()),
            Just("-1e308".to_owned()), Just("NaN".to_owned()), Just("inf".to_owned()),
            Just("\"".to_owned()), Just("Some(".to_owned()), Just("\"Z\"".to_owned()),
            Just("99999999999999999999".to_owned()), Just("/*".to_owned()), "\\PC{0,8}",
        ],
    ) {
        let text = mutate(EXAMPLES[0].text, at, cut, &insert);
        if let Err(error) = load_str(&text) {
            prop_assert!(!error.diagnostics().is_empty());
            for diagnostic in error.diagnostics() {
                prop_assert!(!diagnostic.message.is_empty());
            }
        }
    }
}

#[test]
fn a_valid_mutation_still_simulates() {
    // Accepted scenarios are safe to run: a loaded scenario always builds a world.
    let text = EXAMPLES[0]
        .text
        .replace("stability: 0.45", "stability: 0.0");
    let scenario = load_str(&text).unwrap();
    let mut simulation = entente::sim::Simulation::new(&scenario).unwrap();
    simulation.run_to(80);
    assert!(
        simulation
            .current()
            .region_stability
            .iter()
            .all(|v| v.is_finite())
    );
}
