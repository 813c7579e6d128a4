//! The canvas's focus on a neighbourhood: the nations within one or two ties of the selected
//! ones stay bright and the rest fade, so that a large network can be read around one nation.
//!
//! The ties are the ones the canvas draws at the cursor: the relations the scenario lists, the
//! alliances in force (their members are tied to each other) and the treaties in force between a
//! few parties (they are tied too). A treaty of more than [`FORUM_PARTIES`] parties is a forum
//! (the OSCE's 56 states, ASEAN's dialogue), not a bond: through it every state of a continent
//! would be one tie from every other. Distances are the network's (`sim::network`, petgraph),
//! counted in ties.

use std::collections::BTreeSet;

use crate::model::{NationId, Scenario};
use crate::sim::ids::NationIx;
use crate::sim::network::Network;

use super::shown::Shown;

/// How far the focus reaches from the selected nations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FocusDepth {
    /// No focus: every nation is drawn alike.
    #[default]
    Off,
    /// The selected nations and the nations one tie away.
    OneTie,
    /// Up to two ties away.
    TwoTies,
}

impl FocusDepth {
    /// The next setting of the View menu's cycle: off, one tie, two ties, off.
    pub fn next(self) -> FocusDepth {
        match self {
            FocusDepth::Off => FocusDepth::OneTie,
            FocusDepth::OneTie => FocusDepth::TwoTies,
            FocusDepth::TwoTies => FocusDepth::Off,
        }
    }

    /// How many ties the focus reaches, or `None` when it is off.
    pub fn ties(self) -> Option<u32> {
        match self {
            FocusDepth::Off => None,
            FocusDepth::OneTie => Some(1),
            FocusDepth::TwoTies => Some(2),
        }
    }
}

/// Parties up to which a treaty ties its parties for the focus.
pub const FORUM_PARTIES: usize = 8;

/// The nations within `depth` ties of `from` (`from` included), over the ties drawn at the cursor.
pub fn neighbourhood(
    scenario: &Scenario,
    shown: &Shown,
    from: &[NationId],
    depth: u32,
) -> BTreeSet<NationId> {
    let index = scenario.nation_positions();
    let ix = |id: &NationId| index.get(id).copied();
    let mut ties: Vec<(usize, usize)> = shown
        .relations
        .iter()
        .filter_map(|relation| Some((ix(&relation.a)?, ix(&relation.b)?)))
        .collect();
    let groups = shown
        .alliances
        .iter()
        .map(|alliance| &alliance.members)
        .chain(
            shown
                .treaties
                .iter()
                .map(|treaty| &treaty.parties)
                .filter(|parties| parties.len() <= FORUM_PARTIES),
        );
    for members in groups {
        let members: Vec<usize> = members.iter().filter_map(ix).collect();
        for (x, &a) in members.iter().enumerate() {
            ties.extend(members[x + 1..].iter().map(|&b| (a, b)));
        }
    }
    let network = Network::from_ties(scenario.nations.len(), ties);
    let sources: Vec<NationIx> = from
        .iter()
        .filter_map(ix)
        .map(|k| NationIx(k as u32))
        .collect();
    network
        .distances(&sources)
        .into_iter()
        .zip(&scenario.nations)
        .filter(|(distance, _)| distance.is_some_and(|d| d <= depth))
        .map(|(_, nation)| nation.id.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::shown::{ShownAlliance, ShownRelation};
    use crate::model::AllianceId;

    /// Six nations: a chain of relations A–B–C–D, and E and F in an alliance with D.
    fn chain() -> (Scenario, Shown) {
        let mut scenario = crate::io::load_str(crate::io::library::default_example().text)
            .expect("the default example loads");
        let template = scenario.nations[0].clone();
        scenario.nations = ["A", "B", "C", "D", "E", "F"]
            .iter()
            .map(|id| {
                let mut nation = template.clone();
                nation.id = NationId::from(*id);
                nation
            })
            .collect();
        let relation = |a: &str, b: &str| ShownRelation {
            a: NationId::from(a),
            b: NationId::from(b),
            start: 0.3,
            now: 0.3,
            trust: 0.5,
        };
        let shown = Shown {
            relations: vec![relation("A", "B"), relation("B", "C"), relation("C", "D")],
            alliances: vec![ShownAlliance {
                id: AllianceId::from("pact"),
                index: 0,
                members: ["D", "E", "F"].map(NationId::from).to_vec(),
            }],
            ..Shown::default()
        };
        (scenario, shown)
    }

    fn ids(set: &BTreeSet<NationId>) -> Vec<&str> {
        let mut ids: Vec<&str> = set.iter().map(NationId::as_str).collect();
        ids.sort_unstable();
        ids
    }

    #[test]
    fn the_neighbourhood_counts_relations_and_alliances_as_ties() {
        let (scenario, shown) = chain();
        let a = [NationId::from("A")];
        assert_eq!(ids(&neighbourhood(&scenario, &shown, &a, 0)), ["A"]);
        assert_eq!(ids(&neighbourhood(&scenario, &shown, &a, 1)), ["A", "B"]);
        assert_eq!(
            ids(&neighbourhood(&scenario, &shown, &a, 2)),
            ["A", "B", "C"]
        );
        let e = [NationId::from("E")];
        // E reaches D and F through the alliance, C through D's relation.
        assert_eq!(
            ids(&neighbourhood(&scenario, &shown, &e, 1)),
            ["D", "E", "F"]
        );
        assert_eq!(
            ids(&neighbourhood(&scenario, &shown, &e, 2)),
            ["C", "D", "E", "F"]
        );
    }

    #[test]
    fn several_selected_nations_share_one_neighbourhood_and_unknown_ids_reach_nothing() {
        let (scenario, shown) = chain();
        let both = [NationId::from("A"), NationId::from("F")];
        assert_eq!(
            ids(&neighbourhood(&scenario, &shown, &both, 1)),
            ["A", "B", "D", "E", "F"]
        );
        let unknown = [NationId::from("nowhere")];
        assert!(neighbourhood(&scenario, &shown, &unknown, 2).is_empty());
    }

    #[test]
    fn the_depth_cycles_off_one_two_off() {
        let mut depth = FocusDepth::default();
        let mut seen = Vec::new();
        for _ in 0..4 {
            seen.push(depth.ties());
            depth = depth.next();
        }
        assert_eq!(seen, [None, Some(1), Some(2), None]);
    }
}
