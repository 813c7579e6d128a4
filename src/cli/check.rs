//! `entente check FILE...`: every problem of each file, and for a valid file the stability
//! report of its world (docs/MODEL.md, "Stability at rest").

use std::path::PathBuf;

use crate::io::load_file;
use crate::sim::stability::{self, Options};

/// Checks each file; prints `FILE: ok (…)` and `FILE: <stability sentence>`, or one
/// `FILE:LINE:COL: error: …` line per problem. With `details`, the stability report's modes
/// follow, each with its loop and the variables that carry it. Returns 1 if any file fails.
pub fn check(files: &[PathBuf], details: bool, out: &mut impl std::io::Write) -> super::ExitCode {
    let mut status = 0;
    for file in files {
        let name = file.display().to_string();
        let report = match load_file(file) {
            Ok(scenario) => {
                let mut lines = vec![format!(
                    "{name}: ok ({} nations, {} events)",
                    scenario.nations.len(),
                    scenario.events.len()
                )];
                match crate::sim::Simulation::new(&scenario) {
                    Ok(run) => {
                        let report =
                            stability::analyse(run.world(), run.current(), Options::default());
                        lines.push(format!("{name}: {}", report.sentence(run.world())));
                        if details {
                            lines.extend(
                                report
                                    .details(run.world())
                                    .into_iter()
                                    .map(|line| format!("  {line}")),
                            );
                        }
                    }
                    Err(invalid) => {
                        status = 1;
                        lines.extend(
                            invalid
                                .0
                                .iter()
                                .map(|p| format!("{name}: error: {}: {}", p.path, p.message)),
                        );
                    }
                }
                lines
            }
            Err(error) => {
                status = 1;
                error.render(&name)
            }
        };
        for line in report {
            // A closed pipe (`entente check … | head`) is not an error of the files checked.
            let _ = writeln!(out, "{line}");
        }
    }
    status
}
