//! The network of ties between nations as a graph (petgraph): how far a nation is from another
//! in ties, and which nations hang together.
//!
//! A tie is a stored pair. The engine stores a pair for every relation the scenario lists (even a
//! neutral one), for co-members of an alliance and parties to a treaty (their links), and for
//! pairs the rules can move (docs/MODEL.md, deviation 15), so the stored pairs are the channels
//! through which one step passes a change on: a change travels at most one tie a tick. The
//! engine's per-tick loops keep their own columns (`state::Dyads`), which are faster for sums over
//! neighbours; this graph is built on demand for questions about the network as a whole.

use petgraph::algo::dijkstra;
use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;

use super::ids::NationIx;
use super::state::State;
use super::world::World;

/// An undirected graph with one node per nation (node i is nation i) and one edge per tie.
#[derive(Clone, Debug)]
pub struct Network {
    graph: UnGraph<(), ()>,
}

impl Network {
    /// `nations` nodes joined by the ties `(a, b)` (a tie to itself is ignored).
    pub fn from_ties(nations: usize, ties: impl IntoIterator<Item = (usize, usize)>) -> Network {
        let mut graph = UnGraph::with_capacity(nations, 0);
        for _ in 0..nations {
            graph.add_node(());
        }
        for (a, b) in ties {
            if a != b && a < nations && b < nations {
                graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
            }
        }
        Network { graph }
    }

    /// The ties of a state: its stored pairs.
    pub fn of(state: &State) -> Network {
        Network::from_ties(
            state.nations.len(),
            state.dyads.iter().map(|d| (d.a.ix(), d.b.ix())),
        )
    }

    /// The couplings through which one step passes a change on: the stored pairs, the nations
    /// of each region (the regional index, the neighbourhood terms and third parties' reactions
    /// reach them) and the members of each alliance in force. A change travels at most one of
    /// these a tick, so its distance in them is how many steps it needs to reach a nation.
    pub fn of_couplings(world: &World, state: &State) -> Network {
        let mut ties: Vec<(usize, usize)> =
            state.dyads.iter().map(|d| (d.a.ix(), d.b.ix())).collect();
        for region in &world.regions {
            for (x, a) in region.members.iter().enumerate() {
                ties.extend(region.members[x + 1..].iter().map(|b| (a.ix(), b.ix())));
            }
        }
        ties.extend(Network::alliance_ties(state));
        Network::from_ties(state.nations.len(), ties)
    }

    /// The alliance network of a state: co-members of an alliance in force are tied. Its
    /// components with more than one nation are the alliance clusters (alliances that share a
    /// member hang together).
    pub fn of_alliances(state: &State) -> Network {
        Network::from_ties(state.nations.len(), Network::alliance_ties(state))
    }

    /// Every pair of co-members of an alliance in force.
    fn alliance_ties(state: &State) -> Vec<(usize, usize)> {
        let mut ties = Vec::new();
        for alliance in state.alliances.iter().filter(|a| a.status.is_active()) {
            for (x, &(a, _)) in alliance.members.iter().enumerate() {
                ties.extend(
                    alliance.members[x + 1..]
                        .iter()
                        .map(|&(b, _)| (a.ix(), b.ix())),
                );
            }
        }
        ties
    }

    /// Number of nations.
    pub fn len(&self) -> usize {
        self.graph.node_count()
    }

    /// Whether there are no nations.
    pub fn is_empty(&self) -> bool {
        self.graph.node_count() == 0
    }

    /// Each nation's distance in ties from the nearest of `from` (0 for those themselves), or
    /// `None` where no chain of ties reaches it.
    pub fn distances(&self, from: &[NationIx]) -> Vec<Option<u32>> {
        let mut distances = vec![None; self.len()];
        for &source in from.iter().filter(|s| s.ix() < self.len()) {
            let reached = dijkstra(&self.graph, NodeIndex::new(source.ix()), None, |_| 1u32);
            for (node, hops) in reached {
                let slot = &mut distances[node.index()];
                *slot = Some(slot.map_or(hops, |d: u32| d.min(hops)));
            }
        }
        distances
    }

    /// The connected components: nations that a chain of ties joins, each component in ascending
    /// order, components ordered by their first nation (a nation without ties is a component of
    /// its own).
    pub fn components(&self) -> Vec<Vec<NationIx>> {
        let mut sets = UnionFind::<usize>::new(self.len());
        for edge in self.graph.raw_edges() {
            sets.union(edge.source().index(), edge.target().index());
        }
        let labels = sets.into_labeling();
        let mut components: Vec<Vec<NationIx>> = Vec::new();
        let mut component_of_label: Vec<Option<usize>> = vec![None; self.len()];
        for (nation, &label) in labels.iter().enumerate() {
            let at = *component_of_label[label].get_or_insert_with(|| {
                components.push(Vec::new());
                components.len() - 1
            });
            components[at].push(NationIx(nation as u32));
        }
        components
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ix(list: &[u32]) -> Vec<NationIx> {
        list.iter().map(|&i| NationIx(i)).collect()
    }

    #[test]
    fn distances_count_ties_from_the_nearest_source() {
        // 0 – 1 – 2 – 3, and 4 alone.
        let network = Network::from_ties(5, [(0, 1), (1, 2), (2, 3)]);
        assert_eq!(
            network.distances(&ix(&[0])),
            [Some(0), Some(1), Some(2), Some(3), None]
        );
        assert_eq!(
            network.distances(&ix(&[0, 3])),
            [Some(0), Some(1), Some(1), Some(0), None]
        );
    }

    #[test]
    fn components_are_the_nations_chains_of_ties_join() {
        let network = Network::from_ties(6, [(4, 1), (0, 3), (3, 5)]);
        assert_eq!(
            network.components(),
            [ix(&[0, 3, 5]), ix(&[1, 4]), ix(&[2])]
        );
    }
}
