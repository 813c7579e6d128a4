//! `entente check FILE...`

use std::path::PathBuf;

use crate::io::load_file;

/// Checks each file; prints `FILE: ok (…)` or one `FILE:LINE:COL: error: …` line per problem.
/// Returns 1 if any file fails.
pub fn check(files: &[PathBuf], out: &mut impl std::io::Write) -> super::ExitCode {
    let mut status = 0;
    for file in files {
        let name = file.display().to_string();
        let report = match load_file(file) {
            Ok(scenario) => vec![format!(
                "{name}: ok ({} nations, {} events)",
                scenario.nations.len(),
                scenario.events.len()
            )],
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
