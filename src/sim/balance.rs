//! Structural balance of the signed relation network (MODEL.md 1.5): the triangle index and the
//! exact frustration index. Edges are the stored relations with a non-zero sign.

use super::landscape::MAX_ENUMERATED;

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
    /// within), over all bipartitions; exact for n ≤ 20, `None` beyond.
    pub fn frustration_index(&self) -> Option<usize> {
        if self.n == 0 {
            return Some(0);
        }
        if self.n > MAX_ENUMERATED {
            return None;
        }
        let violations = |mask: usize| {
            self.edges
                .iter()
                .filter(|&&(i, j, s)| {
                    let across = ((mask >> i) ^ (mask >> j)) & 1 == 1;
                    (s > 0) == across
                })
                .count()
        };
        (0..1usize << (self.n - 1)).map(violations).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn triangle(a: f64, b: f64, c: f64) -> SignedGraph {
        SignedGraph::from_relations(3, [(0, 1, a), (1, 2, b), (0, 2, c)])
    }

    #[test]
    fn triangle_signs() {
        assert_eq!(triangle(1.0, 1.0, 1.0).triangle_index(), 1.0);
        assert_eq!(triangle(1.0, -1.0, -1.0).triangle_index(), 1.0);
        assert_eq!(triangle(1.0, 1.0, -1.0).triangle_index(), 0.0);
        assert_eq!(triangle(-1.0, -1.0, -1.0).triangle_index(), 0.0);
    }
}
