//! The canonical form of a scenario: what loading and saving both produce, so that saving twice
//! gives identical bytes and a diff between two versions of a file shows only real edits.

use std::cmp::Ordering;

use super::scenario::Scenario;

impl Scenario {
    /// Puts the scenario in canonical order. Regions, nations, alliances and treaties keep the
    /// author's order (it is the display order); pairs are written with the smaller id first and
    /// sorted; events are sorted by tick, keeping the author's order within a tick.
    pub fn canonicalize(&mut self) {
        self.order_pairs();
        self.events.sort_by_key(|event| event.tick);
    }

    /// Writes every pair with the smaller id first and sorts the pairs; leaves the rest alone.
    pub fn order_pairs(&mut self) {
        for entry in &mut self.proximity {
            if entry.1 < entry.0 {
                std::mem::swap(&mut entry.0, &mut entry.1);
            }
        }
        self.proximity
            .sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)).then(total(x.2, y.2)));
        for relation in &mut self.relations {
            if relation.b < relation.a {
                std::mem::swap(&mut relation.a, &mut relation.b);
            }
        }
        self.relations
            .sort_by(|x, y| (&x.a, &x.b).cmp(&(&y.a, &y.b)));
    }
}

fn total(a: f64, b: f64) -> Ordering {
    a.total_cmp(&b)
}
