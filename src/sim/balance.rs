//! Structural balance of the signed relation network (MODEL.md 1.5): the triangle index and the
//! exact frustration index. Edges are the stored relations with a non-zero sign.

use super::ids::NationIx;
use super::landscape::MAX_ENUMERATED;
use super::network::Network;

/// A signed graph on `n` nodes: edges (i, j, sign) with i < j and sign ±1.
#[derive(Clone, Debug, PartialEq)]
pub struct SignedGraph {
    /// Number of nodes.
    pub n: usize,
    /// Edges with their sign.
    pub edges: Vec<(usize, usize, i8)>,
}

impl SignedGraph {
    /// The graph of the non-zero relations (i, j, R_ij).
    pub fn from_relations(
        n: usize,
        relations: impl IntoIterator<Item = (usize, usize, f64)>,
    ) -> Self {
        let mut edges: Vec<(usize, usize, i8)> = relations
            .into_iter()
            .filter(|&(i, j, r)| i != j && r != 0.0)
            .map(|(i, j, r)| (i.min(j), i.max(j), if r > 0.0 { 1 } else { -1 }))
            .collect();
        edges.sort();
        edges.dedup_by_key(|e| (e.0, e.1));
        SignedGraph { n, edges }
    }

    fn sign(&self, i: usize, j: usize) -> Option<i8> {
        let key = (i.min(j), i.max(j));
        self.edges
            .binary_search_by_key(&key, |&(a, b, _)| (a, b))
            .ok()
            .map(|position| self.edges[position].2)
    }

    /// (balanced, total) triangles: those whose three edges exist, balanced when the product of
    /// the signs is positive (Heider; Cartwright & Harary).
    pub fn triangles(&self) -> (usize, usize) {
        let mut neighbours = vec![Vec::new(); self.n];
        for &(i, j, s) in &self.edges {
            neighbours[i].push((j, s));
        }
        let (mut balanced, mut total) = (0, 0);
        for row in &neighbours {
            for (x, &(j, sij)) in row.iter().enumerate() {
                for &(k, sik) in &row[x + 1..] {
                    if let Some(sjk) = self.sign(j, k) {
                        total += 1;
                        if sij * sik * sjk > 0 {
                            balanced += 1;
                        }
                    }
                }
            }
        }
        (balanced, total)
    }

    /// Share of balanced triangles (1 when there are none).
    pub fn triangle_index(&self) -> f64 {
        let (balanced, total) = self.triangles();
        if total == 0 {
            1.0
        } else {
            balanced as f64 / total as f64
        }
    }

    /// The minimum number of edges that violate a bipartition (positive across or negative
    /// within), over all bipartitions. Nations that no chain of edges joins can be split
    /// independently, so the index is the sum over the connected components ([`Network`]), each
    /// enumerated exactly: `None` when a component has more than 20 nations.
    pub fn frustration_index(&self) -> Option<usize> {
        let network = Network::from_ties(self.n, self.edges.iter().map(|&(i, j, _)| (i, j)));
        let mut component_of = vec![(0usize, 0usize); self.n];
        let components = network.components();
        for (c, members) in components.iter().enumerate() {
            if members.len() > MAX_ENUMERATED {
                return None;
            }
            for (position, member) in members.iter().enumerate() {
                component_of[member.ix()] = (c, position);
            }
        }
        let mut edges_of = vec![Vec::new(); components.len()];
        for &(i, j, s) in &self.edges {
            let ((c, a), (_, b)) = (component_of[i], component_of[j]);
            edges_of[c].push((a, b, s));
        }
        let violations = |edges: &[(usize, usize, i8)], mask: usize| {
            edges
                .iter()
                .filter(|&&(i, j, s)| {
                    let across = ((mask >> i) ^ (mask >> j)) & 1 == 1;
                    (s > 0) == across
                })
                .count()
        };
        let least = |(members, edges): (&Vec<NationIx>, &Vec<(usize, usize, i8)>)| {
            (0..1usize << (members.len() - 1))
                .map(|mask| violations(edges, mask))
                .min()
                .unwrap_or(0)
        };
        Some(components.iter().zip(&edges_of).map(least).sum())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangle(a: f64, b: f64, c: f64) -> SignedGraph {
        SignedGraph::from_relations(3, [(0, 1, a), (1, 2, b), (0, 2, c)])
    }

    #[test]
    fn the_frustration_index_adds_up_over_components_beyond_twenty_nations() {
        // Eight all-hostile triangles, 24 nations: each triangle needs one violated edge, and
        // no component is larger than three, so the index is exact although n > 20.
        let relations = (0..8).flat_map(|t| {
            let base = 3 * t;
            [
                (base, base + 1, -1.0),
                (base + 1, base + 2, -1.0),
                (base, base + 2, -1.0),
            ]
        });
        let graph = SignedGraph::from_relations(24, relations);
        assert_eq!(graph.frustration_index(), Some(8));
        // One component of 21 nations is beyond the enumeration.
        let chain = SignedGraph::from_relations(21, (0..20).map(|i| (i, i + 1, 1.0)));
        assert_eq!(chain.frustration_index(), None);
    }

    #[test]
    fn triangle_signs() {
        assert_eq!(triangle(1.0, 1.0, 1.0).triangle_index(), 1.0);
        assert_eq!(triangle(1.0, -1.0, -1.0).triangle_index(), 1.0);
        assert_eq!(triangle(1.0, 1.0, -1.0).triangle_index(), 0.0);
        assert_eq!(triangle(-1.0, -1.0, -1.0).triangle_index(), 0.0);
    }
}
