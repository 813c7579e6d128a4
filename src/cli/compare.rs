//! `entente compare A.ron B.ron [--subject ID] [--tick T]`: how a region's or a nation's
//! stability differs between two scenarios' runs at a tick, and why, in the Why panel's causes.

use std::fmt::Write as _;
use std::path::Path;

use crate::editor::compare::{Side, explain_difference, largest_regional_difference};
use crate::io::runs_file::load_named;
use crate::model::exercise::Subject;
use crate::model::{NationId, RegionId};
use crate::sim::Simulation;

/// Runs both scenarios to `tick` (default: the shorter horizon) and explains the difference of
/// `subject` (a region's or a nation's id; default: the region that differs most).
pub fn compare(
    first: &Path,
    second: &Path,
    subject: Option<&str>,
    tick: Option<u32>,
) -> anyhow::Result<String> {
    // FILE.ron, or FILE.ron#RUN for a run kept beside it.
    let open = |path: &Path| {
        let (scenario, name) =
            load_named(&path.display().to_string()).map_err(|error| anyhow::anyhow!(error))?;
        let run = Simulation::new(&scenario)
            .map_err(|invalid| anyhow::anyhow!("{name}: error: {invalid}"))?;
        anyhow::Ok((name, scenario, run))
    };
    let (name_a, scenario_a, mut run_a) = open(first)?;
    let (name_b, scenario_b, mut run_b) = open(second)?;
    let horizon = scenario_a.horizon.min(scenario_b.horizon);
    let tick = tick.unwrap_or(horizon);
    if tick > horizon {
        anyhow::bail!("tick {tick} is past the shorter horizon ({horizon})");
    }
    run_a.run_to(tick);
    run_b.run_to(tick);
    let a = Side {
        name: &name_a,
        scenario: &scenario_a,
        run: &run_a,
    };
    let b = Side {
        name: &name_b,
        scenario: &scenario_b,
        run: &run_b,
    };
    let subject = match subject {
        Some(id) if run_b.world().region(id).is_some() => Subject::Region(RegionId::from(id)),
        Some(id) if run_b.world().nation(id).is_some() => Subject::Nation(NationId::from(id)),
        Some(id) => anyhow::bail!("{name_b} has no region or nation \"{id}\""),
        None => largest_regional_difference(a, b, tick)
            .ok_or_else(|| anyhow::anyhow!("the two scenarios share no region"))?,
    };
    let difference = explain_difference(a, b, &subject, tick)?;
    let why = &difference.explanation;
    let digits = why.decimals();
    let (year, quarter) = scenario_b.meta.start.at_tick(tick);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} at tick {tick} ({year} Q{quarter}): {:.digits$} in {name_a}, {:.digits$} in {name_b}, a difference of {:+.digits$}",
        difference.subject,
        why.before,
        why.after,
        why.after - why.before,
    );
    for line in &difference.differs_by {
        let _ = writeln!(out, "  {line}");
    }
    if difference.differs_by.is_empty() {
        let _ = writeln!(out, "  the two scenarios have the same world and timeline");
    }
    let (parts, hidden) = why.visible_parts(digits);
    if !parts.is_empty() {
        let _ = writeln!(out, "why, largest first (the parts sum to the difference):");
    }
    for part in parts {
        let whose = part
            .member
            .as_ref()
            .map(|m| format!(" in {m}"))
            .unwrap_or_default();
        let cause = part.cause.as_ref().map_or_else(
            || " (own dynamics)".to_owned(),
            |c| format!(", because of {c}"),
        );
        let _ = writeln!(
            out,
            "  {:+.digits$}  {}{whose}{cause}",
            part.value, part.term
        );
    }
    if hidden > 0 {
        let _ = writeln!(out, "  and {hidden} smaller parts");
    }
    Ok(out)
}
