//! The long-format CSV of a run (`tick,kind,id,variable,value`) and of its ledger
//! (`tick,kind,id,variable,term,cause,value`).

use std::io::Write;

use crate::sim::observe::{Kind, observe};
use crate::sim::{Cause, Entity, State, TickLedger, Trigger, World};

/// Header of the trajectory CSV.
pub const TRAJECTORY_HEADER: [&str; 5] = ["tick", "kind", "id", "variable", "value"];
/// Header of the ledger CSV.
pub const LEDGER_HEADER: [&str; 7] = ["tick", "kind", "id", "variable", "term", "cause", "value"];

/// A value with a fixed number of decimals; negative zero prints as zero so files compare cleanly.
pub fn fixed(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    if text.starts_with('-') && text[1..].chars().all(|c| c == '0' || c == '.') {
        text[1..].to_owned()
    } else {
        text
    }
}

/// Writes trajectory rows one tick at a time.
pub struct TrajectoryWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> TrajectoryWriter<W> {
    /// Starts the CSV with its header.
    pub fn new(out: W) -> csv::Result<Self> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(TRAJECTORY_HEADER)?;
        Ok(Self { csv })
    }

    /// Writes every observable value of `state` (6 decimals).
    pub fn write_state(&mut self, world: &World, state: &State) -> csv::Result<()> {
        let tick = state.tick.to_string();
        for row in observe(world, state) {
            self.csv.write_record([
                tick.as_str(),
                row.kind.name(),
                row.id.as_str(),
                row.variable,
                fixed(row.value, 6).as_str(),
            ])?;
        }
        Ok(())
    }

    /// Flushes the output.
    pub fn finish(self) -> csv::Result<()> {
        let mut csv = self.csv;
        csv.flush()?;
        Ok(())
    }

    /// Flushes and hands back the output (a buffer, say).
    pub fn into_inner(self) -> std::io::Result<W> {
        self.csv.into_inner().map_err(|e| e.into_error())
    }
}

/// Writes ledger rows one tick at a time.
pub struct LedgerWriter<W: Write> {
    csv: csv::Writer<W>,
}

impl<W: Write> LedgerWriter<W> {
    /// Starts the CSV with its header.
    pub fn new(out: W) -> csv::Result<Self> {
        let mut csv = csv::Writer::from_writer(out);
        csv.write_record(LEDGER_HEADER)?;
        Ok(Self { csv })
    }

    /// Writes every term of one tick's ledger (9 decimals: terms are often small).
    pub fn write_tick(&mut self, world: &World, ledger: &TickLedger) -> csv::Result<()> {
        let tick = ledger.tick.to_string();
        for change in &ledger.changes {
            let (kind, id) = entity_key(world, change.entity);
            for term in &change.terms {
                self.csv.write_record([
                    tick.as_str(),
                    kind.name(),
                    id.as_str(),
                    change.var,
                    term.id,
                    cause_key(world, term.cause).as_str(),
                    fixed(term.value, 9).as_str(),
                ])?;
            }
        }
        Ok(())
    }

    /// Flushes the output.
    pub fn finish(self) -> csv::Result<()> {
        let mut csv = self.csv;
        csv.flush()?;
        Ok(())
    }
}

/// The CSV kind and id of a ledger entity.
pub fn entity_key(world: &World, entity: Entity) -> (Kind, String) {
    match entity {
        Entity::Nation(n) => (Kind::Nation, world.nations[n.ix()].id.to_string()),
        Entity::Dyad(a, b) => (Kind::Dyad, crate::sim::observe::dyad_id(world, a, b)),
        Entity::Alliance(a) => (Kind::Alliance, world.alliances[a.ix()].id.to_string()),
        Entity::Member(a, n) => (
            Kind::Alliance,
            format!(
                "{}|{}",
                world.alliances[a.ix()].id,
                world.nations[n.ix()].id
            ),
        ),
        Entity::Region(r) => (Kind::Region, world.regions[r.ix()].id.to_string()),
    }
}

/// The cause column: `intervention:op1`, `treaty:cbm1`, `alliance:pact`, `nation:H`,
/// `event:N` (N = position in the scenario's event list), `random:KIND`, `after:TRIGGER` for
/// what the model changed on its own and what a change set off (`after:event:N`,
/// `after:treaty_ended:cbm1`, `after:drawdown:op1`, `after:exit:pact:H`,
/// `after:dissolution:pact`, `after:random:KIND`), or empty for the model's own dynamics.
pub fn cause_key(world: &World, cause: Cause) -> String {
    match cause {
        Cause::Dynamics => String::new(),
        Cause::Event(e) => format!("event:{}", world.events[e.ix()].source),
        Cause::Intervention(i) => format!("intervention:{}", world.interventions[i.ix()].id),
        Cause::Treaty(t) => format!("treaty:{}", world.treaties[t.ix()].id),
        Cause::Alliance(a) => format!("alliance:{}", world.alliances[a.ix()].id),
        Cause::Nation(n) => format!("nation:{}", world.nations[n.ix()].id),
        Cause::Random(kind) => format!("random:{kind}"),
        Cause::After(trigger) => format!("after:{}", trigger_key(world, trigger)),
    }
}

/// A trigger as the cause column spells it after `after:`.
fn trigger_key(world: &World, trigger: Trigger) -> String {
    match trigger {
        Trigger::Event(e) => cause_key(world, Cause::Event(e)),
        Trigger::TreatyEnded(t) => format!("treaty_ended:{}", world.treaties[t.ix()].id),
        Trigger::Drawdown(v) => format!("drawdown:{}", world.interventions[v.ix()].id),
        Trigger::Exit(a, n) => format!(
            "exit:{}:{}",
            world.alliances[a.ix()].id,
            world.nations[n.ix()].id
        ),
        Trigger::Dissolution(a) => format!("dissolution:{}", world.alliances[a.ix()].id),
        Trigger::Random(kind) => cause_key(world, Cause::Random(kind)),
    }
}

/// Header of the ensemble CSV.
pub const ENSEMBLE_HEADER: [&str; 9] = [
    "tick", "subject", "variable", "p05", "p25", "p50", "p75", "p95", "mean",
];

/// The ensemble CSV: one row per tick and followed value (every region's stability, then every
/// nation's) with its percentiles across the seeds and their mean, to six decimals. The same
/// ensemble gives the same bytes.
pub fn ensemble_csv(ensemble: &crate::sim::ensemble::Ensemble) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = out.write_record(ENSEMBLE_HEADER);
    for tick in 0..=ensemble.horizon {
        for (column, followed) in ensemble.followed.iter().enumerate() {
            let band = ensemble.band(tick, column);
            let variable = match followed.kind {
                "region" => "regional stability",
                _ => "stability",
            };
            let numbers = [band.p05, band.p25, band.p50, band.p75, band.p95, band.mean];
            let mut row = vec![tick.to_string(), followed.id.clone(), variable.to_owned()];
            row.extend(numbers.iter().map(|&x| fixed(x, 6)));
            let _ = out.write_record(&row);
        }
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The sweep CSV: one row per run, in grid order (first knob outermost, seeds innermost):
/// `run,seed,<knob>…,final:<region>…,min:<region>…,goal <k> met…`, numbers to six decimals and
/// goals as 1 or 0. The same sweep gives the same bytes.
pub fn sweep_csv(sweep: &crate::sim::sweep::Sweep) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["run".to_owned(), "seed".to_owned()];
    header.extend(sweep.axes.iter().map(|axis| axis.name.clone()));
    header.extend(sweep.regions.iter().map(|r| format!("final:{r}")));
    header.extend(sweep.regions.iter().map(|r| format!("min:{r}")));
    header.extend((1..=sweep.goals).map(|k| format!("goal {k} met")));
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    for (k, run) in sweep.runs.iter().enumerate() {
        let mut row = vec![(k + 1).to_string(), run.seed.to_string()];
        row.extend(run.point.iter().map(|&x| fixed(x, 6)));
        row.extend(run.finals.iter().map(|&x| fixed(x, 6)));
        row.extend(run.minima.iter().map(|&x| fixed(x, 6)));
        row.extend(run.goals.iter().map(|&met| u8::from(met).to_string()));
        let _ = out.write_record(&row);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::fixed;

    #[test]
    fn fixed_precision_without_negative_zero() {
        assert_eq!(fixed(0.5, 6), "0.500000");
        assert_eq!(fixed(-1e-9, 6), "0.000000");
        assert_eq!(fixed(-0.25, 6), "-0.250000");
    }
}
