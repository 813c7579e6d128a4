//! Why two runs differ: the difference of a region's or a nation's stability between two runs at
//! a tick, split into the same named causes the Why panel uses for a change over time. Both runs
//! start from their tick-0 states; each run's change is the sum of its ledger terms, so the
//! difference is the difference of the starts plus, term by term, the difference of the sums.
//! The parts add up to the difference exactly, up to rounding.

use std::collections::BTreeMap;

use crate::model::exercise::Subject as SubjectId;
use crate::model::{Scenario, describe};
use crate::sim::Simulation;
use crate::sim::run::first_affected_tick;

use super::explain::{
    Contribution, Explanation, Subject, TermKey, cause_item, describe_cause, term_sums,
};
use super::selection::Item;

/// One side of a comparison: a scenario, its run and the name it goes by ("baseline", a file).
#[derive(Clone, Copy)]
pub struct Side<'a> {
    /// What the user calls it.
    pub name: &'a str,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its run, computed at least to the tick compared.
    pub run: &'a Simulation,
}

/// The difference of a subject's stability between two runs, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// The subject's name.
    pub subject: String,
    /// The tick compared.
    pub tick: u32,
    /// What separates the two scenarios, in words, first: the events only one of them has
    /// ("only in mandate: …"), and whether the world itself differs.
    pub differs_by: Vec<String>,
    /// `before` is the first run's value, `after` the second's; the parts, largest first, sum
    /// to `after − before`.
    pub explanation: Explanation,
}

/// Why a comparison cannot be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CompareError {
    /// One of the scenarios has no such region or nation.
    #[error("{name} has no {what} \"{id}\"")]
    NoSubject {
        /// The scenario's name.
        name: String,
        /// "region" or "nation".
        what: &'static str,
        /// The id asked for.
        id: String,
    },
    /// A run has not reached the tick yet.
    #[error("{name} is computed to tick {computed}, not yet to tick {tick}")]
    NotComputed {
        /// The run's name.
        name: String,
        /// How far it is.
        computed: u32,
        /// The tick asked for.
        tick: u32,
    },
}

/// Explains how `subject`'s stability in run `b` differs from run `a` at `tick`.
pub fn explain_difference(
    a: Side,
    b: Side,
    subject: &SubjectId,
    tick: u32,
) -> Result<Difference, CompareError> {
    let (in_a, in_b) = (resolve(a, subject)?, resolve(b, subject)?);
    for side in [a, b] {
        if side.run.tick() < tick {
            return Err(CompareError::NotComputed {
                name: side.name.to_owned(),
                computed: side.run.tick(),
                tick,
            });
        }
    }
    let value = |side: Side, s: Subject, t: u32| {
        side.run.state(t).map_or(f64::NAN, |state| s.value(&state))
    };
    let (a0, a1) = (value(a, in_a, 0), value(a, in_a, tick));
    let (b0, b1) = (value(b, in_b, 0), value(b, in_b, tick));

    // Each world numbers its interventions, treaties and events its own way: terms are matched
    // by what they say.
    let mut sums: BTreeMap<(String, Option<String>, Option<String>), Term> = BTreeMap::new();
    for (k, (side, s, sign)) in [(b, in_b, 1.0), (a, in_a, -1.0)].into_iter().enumerate() {
        let world = side.run.world();
        for ((term, member, cause), value) in term_sums(&side.run.ledgers(0, tick), s) {
            let key: TermKey = (term, member, cause);
            let words = (
                key.0.clone(),
                key.1.map(|m| world.nations[m.ix()].shown_name().to_owned()),
                describe_cause(world, key.2),
            );
            let entry = sums.entry(words).or_default();
            entry.value += sign * value;
            entry.sides[k] = true;
            if entry.item.is_none() {
                entry.item = cause_item(world, key.2);
            }
        }
    }
    let mut parts: Vec<Contribution> = sums
        .into_iter()
        .filter(|(_, term)| term.value != 0.0)
        .map(|((label, member, cause), term)| {
            // A cause only one run has says which: "(only in mandate.ron)".
            let only = match term.sides {
                [true, false] => Some(b.name),
                [false, true] => Some(a.name),
                _ => None,
            };
            let cause = match (cause, only) {
                (Some(cause), Some(name)) => Some(format!("{cause} (only in {name})")),
                (cause, _) => cause,
            };
            Contribution {
                term: label,
                member,
                cause,
                item: term.item,
                value: term.value,
            }
        })
        .collect();
    if b0 != a0 {
        parts.push(Contribution {
            term: "a different start".to_owned(),
            member: None,
            cause: Some("the two scenarios differing at tick 0".to_owned()),
            item: None,
            value: b0 - a0,
        });
    }
    parts.sort_by(|x, y| y.value.abs().total_cmp(&x.value.abs()));
    let world = b.run.world();
    let subject_name = match in_b {
        Subject::Nation(n) => world.nations[n.ix()].shown_name().to_owned(),
        Subject::Region(r) => world.regions[r.ix()].shown_name().to_owned(),
    };
    Ok(Difference {
        subject: subject_name,
        tick,
        differs_by: differences(a, b),
        explanation: Explanation {
            before: a1,
            after: b1,
            parts,
        },
    })
}

/// One named term of the difference: its value (second run minus first), which runs have it,
/// and what selecting its cause selects.
#[derive(Default)]
struct Term {
    value: f64,
    sides: [bool; 2],
    item: Option<Item>,
}

fn resolve(side: Side, subject: &SubjectId) -> Result<Subject, CompareError> {
    let world = side.run.world();
    let (found, what, id) = match subject {
        SubjectId::Region(id) => (
            world.region(id.as_str()).map(Subject::Region),
            "region",
            id.as_str(),
        ),
        SubjectId::Nation(id) => (
            world.nation(id.as_str()).map(Subject::Nation),
            "nation",
            id.as_str(),
        ),
    };
    found.ok_or_else(|| CompareError::NoSubject {
        name: side.name.to_owned(),
        what,
        id: id.to_owned(),
    })
}

/// What separates two scenarios, in words: the events only one has, and whether the world
/// itself (nations, relations, alliances, parameters…) differs.
pub fn differences(a: Side, b: Side) -> Vec<String> {
    let only = |x: Side, y: Side| -> Vec<String> {
        x.scenario
            .events
            .iter()
            .filter(|event| !y.scenario.events.contains(event))
            .map(|event| format!("only in {}: {}", x.name, describe::event(x.scenario, event)))
            .collect()
    };
    let mut found = only(b, a);
    found.extend(only(a, b));
    if first_affected_tick(a.scenario, b.scenario).is_none() {
        found.push(format!(
            "{} and {} differ in the world itself (nations, relations, alliances, treaties, settings or parameters)",
            a.name, b.name
        ));
    }
    found
}

/// The region whose stability differs most between the two runs at `tick` (the first on a
/// tie), for a comparison that names no subject; None when the runs share no region.
pub fn largest_regional_difference(a: Side, b: Side, tick: u32) -> Option<SubjectId> {
    let (sa, sb) = (a.run.state(tick)?, b.run.state(tick)?);
    let world = b.run.world();
    world
        .regions
        .iter()
        .enumerate()
        .filter_map(|(r, info)| {
            let ra = a.run.world().region(info.id.as_str())?;
            let gap = (sb.region_stability[r] - sa.region_stability[ra.ix()]).abs();
            Some((gap, info.id.clone()))
        })
        .fold(None, |best: Option<(f64, _)>, (gap, id)| match best {
            Some((top, _)) if top >= gap => best,
            _ => Some((gap, id)),
        })
        .map(|(_, id)| SubjectId::Region(crate::model::RegionId::from(id.as_str())))
}
