//! `entente blocs FILE [--tick T]`: the landscape module's view of a scenario at a tick.

use std::fmt::Write as _;
use std::path::Path;

use crate::io::load_file;
use crate::sim::balance::SignedGraph;
use crate::sim::landscape::{Landscape, MAX_ENUMERATED, current_camps};
use crate::sim::network::Network;
use crate::sim::{self, World};

/// Runs the scenario to `tick` and describes its predicted blocs, minima and wavering states.
pub fn blocs(file: &Path, tick: Option<u32>) -> anyhow::Result<String> {
    let name = file.display().to_string();
    let scenario =
        load_file(file).map_err(|error| anyhow::anyhow!(error.render(&name).join("\n")))?;
    let (world, mut state) = sim::start(&scenario, scenario.seed)
        .map_err(|invalid| anyhow::anyhow!("{name}: error: {invalid}"))?;
    let tick = tick.unwrap_or(0);
    for _ in 0..tick {
        sim::step::step(&world, &mut state, false);
    }
    let landscape = Landscape::of_state(&world, &state);
    let current = current_camps(&world, &state);
    let (year, quarter) = world.start.at_tick(tick);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} at tick {tick} ({year} Q{quarter})",
        scenario.meta.title
    );
    let _ = writeln!(
        out,
        "current alignment:  {}  energy {:.4}",
        describe(&world, &current),
        landscape.energy(&current)
    );
    let predicted = landscape.descend(&current);
    let _ = writeln!(
        out,
        "predicted blocs:    {}  energy {:.4}",
        describe(&world, &predicted),
        landscape.energy(&predicted)
    );
    match landscape.minima() {
        Some(minima) => {
            let _ = writeln!(
                out,
                "local minima (share of starting alignments that end there):"
            );
            for (k, minimum) in minima.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "  {}. {:5.1}%  energy {:.4}  {}",
                    k + 1,
                    100.0 * minimum.basin,
                    minimum.energy,
                    describe(&world, &minimum.camps)
                );
            }
        }
        None => {
            let _ = writeln!(
                out,
                "local minima: not enumerated for more than {MAX_ENUMERATED} nations"
            );
        }
    }
    let incentives = landscape.incentives(&current);
    let wavering: Vec<String> = incentives
        .iter()
        .enumerate()
        .filter(|&(_, &z)| z > 1e-12)
        .map(|(i, z)| format!("{} (z = {z:.4})", world.nations[i].id))
        .collect();
    let _ = writeln!(out, "wavering states: {}", list_or_none(&wavering, ", "));
    let graph = SignedGraph::from_relations(
        world.nation_count(),
        state.dyads.iter().map(|d| (d.a.ix(), d.b.ix(), d.relation)),
    );
    let frustration = graph.frustration_index().map_or(
        format!("not computed (a connected group of more than {MAX_ENUMERATED} nations)"),
        |f| f.to_string(),
    );
    let _ = writeln!(
        out,
        "structural balance: triangle index {:.3}, frustration index {frustration}",
        graph.triangle_index()
    );
    let network = Network::of(&state);
    let components = network.components();
    let largest = components.iter().map(Vec::len).max().unwrap_or(0);
    let _ = writeln!(
        out,
        "network of ties: {} connected {} (the largest of {largest} nations)",
        components.len(),
        if components.len() == 1 {
            "group"
        } else {
            "groups"
        },
    );
    let clusters: Vec<String> = Network::of_alliances(&state)
        .components()
        .into_iter()
        .filter(|members| members.len() > 1)
        .map(|members| {
            let ids: Vec<String> = members
                .iter()
                .map(|m| world.nations[m.ix()].id.to_string())
                .collect();
            format!("{{{}}}", ids.join(", "))
        })
        .collect();
    let _ = writeln!(
        out,
        "alliance clusters (alliances in force joined by shared members): {}",
        list_or_none(&clusters, "  ")
    );
    Ok(out)
}

/// `items` joined by `separator`, or "none".
fn list_or_none(items: &[String], separator: &str) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(separator)
    }
}

fn describe(world: &World, camps: &[bool]) -> String {
    let camp = |side: bool| {
        camps
            .iter()
            .enumerate()
            .filter(|&(_, &c)| c == side)
            .map(|(i, _)| world.nations[i].id.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    format!("A = {{{}}}  B = {{{}}}", camp(false), camp(true))
}
