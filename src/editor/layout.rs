//! Two deterministic layouts of the network, same scenario, same positions on every machine: a
//! force-directed one (Fruchterman–Reingold with region grouping) for small worlds, and one
//! cluster per region for large ones, where forces only make a disc of crossing lines.

use std::collections::BTreeMap;

use crate::model::{NationId, Scenario};

/// Iterations of the force simulation.
const ITERATIONS: usize = 300;
/// Ideal distance between connected nodes, in canvas units.
const SPACING: f64 = 170.0;

/// New positions for every nation. Friends attract, enemies repel a little more than strangers,
/// and nations of one region are pulled toward their region's centre, so regions read as groups.
pub fn force_layout(scenario: &Scenario) -> BTreeMap<NationId, (f32, f32)> {
    let n = scenario.nations.len();
    if n == 0 {
        return BTreeMap::new();
    }
    let index = scenario.nation_positions();
    let region_of: Vec<usize> = scenario
        .nations
        .iter()
        .map(|nation| {
            scenario
                .regions
                .iter()
                .position(|r| r.id == nation.region)
                .unwrap_or(0)
        })
        .collect();
    let regions = scenario.regions.len().max(1);
    // Start from a circle of regions, each a small circle of its nations: deterministic and
    // already close to a readable picture.
    let mut position: Vec<(f64, f64)> = (0..n)
        .map(|k| {
            let region_angle = std::f64::consts::TAU * region_of[k] as f64 / regions as f64;
            let within = k as f64 * 2.399_963; // golden angle, spreads members evenly
            let centre = if regions > 1 { SPACING * 1.5 } else { 0.0 };
            (
                centre * region_angle.cos() + 40.0 * within.cos(),
                centre * region_angle.sin() + 40.0 * within.sin(),
            )
        })
        .collect();
    let edges: Vec<(usize, usize, f64)> = scenario
        .relations
        .iter()
        .filter_map(|r| Some((*index.get(&r.a)?, *index.get(&r.b)?, r.relation)))
        .collect();
    let mut temperature = SPACING;
    for _ in 0..ITERATIONS {
        let mut force = vec![(0.0f64, 0.0f64); n];
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy) = (position[i].0 - position[j].0, position[i].1 - position[j].1);
                let distance = (dx * dx + dy * dy).sqrt().max(1.0);
                let push = SPACING * SPACING / distance;
                let (fx, fy) = (dx / distance * push, dy / distance * push);
                force[i].0 += fx;
                force[i].1 += fy;
                force[j].0 -= fx;
                force[j].1 -= fy;
            }
        }
        for &(i, j, relation) in &edges {
            let (dx, dy) = (position[i].0 - position[j].0, position[i].1 - position[j].1);
            let distance = (dx * dx + dy * dy).sqrt().max(1.0);
            // Friends pull together; hostile pairs only weakly (they stay apart).
            let weight = if relation > 0.0 { 0.5 + relation } else { 0.2 };
            let pull = weight * distance * distance / SPACING;
            let (fx, fy) = (dx / distance * pull, dy / distance * pull);
            force[i].0 -= fx;
            force[i].1 -= fy;
            force[j].0 += fx;
            force[j].1 += fy;
        }
        let mut centre = vec![(0.0, 0.0, 0.0f64); regions];
        for k in 0..n {
            let c = &mut centre[region_of[k]];
            c.0 += position[k].0;
            c.1 += position[k].1;
            c.2 += 1.0;
        }
        for k in 0..n {
            let c = centre[region_of[k]];
            let (cx, cy) = (c.0 / c.2, c.1 / c.2);
            force[k].0 += 0.3 * (cx - position[k].0);
            force[k].1 += 0.3 * (cy - position[k].1);
        }
        for k in 0..n {
            let (fx, fy) = force[k];
            let length = (fx * fx + fy * fy).sqrt();
            if length > 0.0 {
                let step = length.min(temperature);
                position[k].0 += fx / length * step;
                position[k].1 += fy / length * step;
            }
        }
        temperature = (temperature * 0.98).max(1.0);
    }
    // Centre the picture on the origin.
    let (mx, my) = position.iter().fold((0.0, 0.0), |(x, y), p| {
        (x + p.0 / n as f64, y + p.1 / n as f64)
    });
    scenario
        .nations
        .iter()
        .zip(&position)
        .map(|(nation, p)| (nation.id.clone(), ((p.0 - mx) as f32, (p.1 - my) as f32)))
        .collect()
}

/// A world of more than this many nations is large: Auto-layout lays it out by region (forces
/// would make one disc of crossing lines), and the canvas names only some of its nations when
/// zoomed out and hides its weak ties until asked.
pub const LARGE_WORLD: usize = 60;

/// What Auto-layout does: the force layout for a small world, the region layout for a large one
/// with more than one region.
pub fn auto_layout(scenario: &Scenario) -> BTreeMap<NationId, (f32, f32)> {
    if scenario.nations.len() > LARGE_WORLD && scenario.regions.len() > 1 {
        region_layout(scenario)
    } else {
        force_layout(scenario)
    }
}

/// Distance between neighbouring nodes inside a region's cluster, in canvas units.
const CLUSTER_SPACING: f64 = 62.0;
/// Room between clusters, for the region's name above each.
const CLUSTER_GAP: f64 = 90.0;

/// One cluster per region, in the scenario's order of regions, packed row by row into a
/// roughly 4:3 picture; inside a cluster the nations sit on a sunflower spiral, the most
/// capable in the middle. Nothing depends on the relations, so positions do not jump when a
/// relation is edited, and a region's nations are always found together.
pub fn region_layout(scenario: &Scenario) -> BTreeMap<NationId, (f32, f32)> {
    let mut clusters: Vec<Vec<&crate::model::Nation>> = vec![Vec::new(); scenario.regions.len()];
    let mut homeless = Vec::new();
    for nation in &scenario.nations {
        match scenario.regions.iter().position(|r| r.id == nation.region) {
            Some(k) => clusters[k].push(nation),
            None => homeless.push(nation),
        }
    }
    clusters.push(homeless);
    clusters.retain(|members| !members.is_empty());
    for members in &mut clusters {
        members.sort_by(|a, b| {
            b.capability
                .total_cmp(&a.capability)
                .then_with(|| a.id.cmp(&b.id))
        });
    }
    // The spiral's k-th point is at radius c·√(k + ½): neighbours about CLUSTER_SPACING apart.
    let step = CLUSTER_SPACING * 0.56;
    let radius_of = |count: usize| step * (count as f64 - 0.5).max(0.5).sqrt() + 30.0;
    let area: f64 = clusters
        .iter()
        .map(|m| (2.0 * radius_of(m.len()) + CLUSTER_GAP).powi(2))
        .sum();
    let row_width = (area * 4.0 / 3.0).sqrt();
    let mut positions = BTreeMap::new();
    let (mut x, mut y, mut row_height) = (0.0f64, 0.0f64, 0.0f64);
    for members in &clusters {
        let size = 2.0 * radius_of(members.len()) + CLUSTER_GAP;
        if x > 0.0 && x + size > row_width {
            (x, y, row_height) = (0.0, y + row_height, 0.0);
        }
        let centre = (x + size / 2.0, y + size / 2.0);
        for (k, nation) in members.iter().enumerate() {
            let (r, angle) = if members.len() == 1 {
                (0.0, 0.0)
            } else {
                (step * (k as f64 + 0.5).sqrt(), k as f64 * 2.399_963)
            };
            let p = (centre.0 + r * angle.cos(), centre.1 + r * angle.sin());
            positions.insert(nation.id.clone(), p);
        }
        x += size;
        row_height = row_height.max(size);
    }
    // Centre the picture on the origin, as the force layout does.
    let n = positions.len().max(1) as f64;
    let (mx, my) = positions
        .values()
        .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
    positions
        .into_iter()
        .map(|(id, p)| (id, ((p.0 - mx) as f32, (p.1 - my) as f32)))
        .collect()
}

/// The point nearest `centre` at least `spacing` from every node: the centre itself if it is
/// free, else the first free point on rings around it (so that nations added one after another
/// do not land on top of each other).
pub fn free_spot_near(
    positions: &BTreeMap<NationId, (f32, f32)>,
    centre: (f32, f32),
    spacing: f32,
) -> (f32, f32) {
    let free = |p: (f32, f32)| {
        positions
            .values()
            .all(|q| (p.0 - q.0).hypot(p.1 - q.1) >= spacing)
    };
    if free(centre) {
        return centre;
    }
    for ring in 1..=50u16 {
        let radius = spacing * f32::from(ring);
        let steps = 6 * ring;
        for step in 0..steps {
            let angle = std::f32::consts::TAU * f32::from(step) / f32::from(steps);
            let p = (
                centre.0 + radius * angle.cos(),
                centre.1 + radius * angle.sin(),
            );
            if free(p) {
                return p;
            }
        }
    }
    centre
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mesa() -> Scenario {
        crate::io::load_str(crate::io::library::default_example().text).unwrap()
    }

    #[test]
    fn the_layout_is_deterministic_and_keeps_nodes_apart() {
        let scenario = mesa();
        let first = force_layout(&scenario);
        assert_eq!(first, force_layout(&scenario));
        assert_eq!(first.len(), scenario.nations.len());
        let points: Vec<_> = first.values().collect();
        for (k, a) in points.iter().enumerate() {
            assert!(a.0.is_finite() && a.1.is_finite());
            for b in &points[k + 1..] {
                let distance = ((a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)).sqrt();
                assert!(distance > 60.0, "nodes {distance} apart");
            }
        }
    }

    #[test]
    fn added_nations_find_free_spots_near_the_centre() {
        let mut positions = BTreeMap::new();
        for k in 0..20 {
            let spot = free_spot_near(&positions, (10.0, -5.0), 60.0);
            for other in positions.values() {
                let (x, y): &(f32, f32) = other;
                assert!((spot.0 - x).hypot(spot.1 - y) >= 59.9, "{k}: {spot:?}");
            }
            assert!(
                (spot.0 - 10.0).hypot(spot.1 + 5.0) <= 60.0 * 4.0,
                "{k}: near the centre"
            );
            positions.insert(NationId::from(format!("n{k}").as_str()), spot);
        }
        // The first one takes the centre itself.
        assert_eq!(positions[&NationId::from("n0")], (10.0, -5.0));
    }
    #[test]
    fn the_region_layout_keeps_each_region_together_and_apart_from_the_others() {
        use crate::model::generate::{Size, generate};
        let size = Size {
            nations: 230,
            relations: 900,
            alliances: 10,
            treaties: 10,
            events: 0,
            horizon: 10,
        };
        let scenario = generate(size, 5);
        let layout = region_layout(&scenario);
        assert_eq!(layout, region_layout(&scenario));
        // Auto-layout chooses it for a world this large, and forces for Mesa Crisis.
        assert_eq!(auto_layout(&scenario), layout);
        assert_eq!(auto_layout(&mesa()), force_layout(&mesa()));
        assert_eq!(layout.len(), scenario.nations.len());
        let region: BTreeMap<&NationId, &crate::model::RegionId> = scenario
            .nations
            .iter()
            .map(|n| (&n.id, &n.region))
            .collect();
        // Each region's centre and the farthest of its members from it.
        let mut clusters: BTreeMap<&crate::model::RegionId, Vec<(f32, f32)>> = BTreeMap::new();
        for (id, p) in &layout {
            clusters.entry(region[id]).or_default().push(*p);
        }
        let discs: Vec<((f32, f32), f32)> = clusters
            .values()
            .map(|points| {
                let n = points.len() as f32;
                let c = points
                    .iter()
                    .fold((0.0, 0.0), |(x, y), p| (x + p.0 / n, y + p.1 / n));
                let r = points
                    .iter()
                    .map(|p| (p.0 - c.0).hypot(p.1 - c.1))
                    .fold(0.0, f32::max);
                (c, r)
            })
            .collect();
        for (k, (a, ra)) in discs.iter().enumerate() {
            for (b, rb) in &discs[k + 1..] {
                let apart = (a.0 - b.0).hypot(a.1 - b.1);
                assert!(
                    apart > ra + rb + 40.0,
                    "clusters overlap: {apart} vs {ra} + {rb}"
                );
            }
        }
        let points: Vec<_> = layout.values().collect();
        for (k, a) in points.iter().enumerate() {
            for b in &points[k + 1..] {
                assert!((a.0 - b.0).hypot(a.1 - b.1) > 50.0, "nodes too close");
            }
        }
    }
}
