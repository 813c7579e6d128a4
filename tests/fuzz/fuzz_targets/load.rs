//! Fuzzes the scenario loader: any bytes must come back as a scenario that builds a world and
//! runs, or as problems that each carry a message and a place; nothing may panic.

#![no_main]

use entente::io::{LoadError, load_bytes};
use entente::sim::Simulation;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match load_bytes(data) {
        Ok(scenario) => {
            let mut run = Simulation::new(&scenario).expect("an accepted scenario builds a world");
            run.run_to(scenario.horizon.min(2));
            assert!(run.current().region_stability.iter().all(|v| v.is_finite()));
        }
        Err(LoadError::Io { .. }) => unreachable!("no file is read"),
        Err(LoadError::Invalid(diagnostics)) => {
            assert!(!diagnostics.is_empty());
            let whole_file = diagnostics.len() == 1
                && diagnostics[0].position.is_none()
                && diagnostics[0].path.is_none();
            for diagnostic in &diagnostics {
                assert!(!diagnostic.message.is_empty());
                assert!(whole_file || diagnostic.position.is_some() || diagnostic.path.is_some());
            }
        }
    }
});
