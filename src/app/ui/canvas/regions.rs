//! The regions behind the network: a faint disc around each region's nations with the region's
//! name at its top, so a world of two hundred nations reads as its regions first. The discs go
//! under the edges and the names over them (and under the nodes), so a web of lines never hides
//! which region is which; both come from one measure of the clusters a frame.

use std::collections::{BTreeMap, BTreeSet};

use egui::{Color32, Pos2, Rect, Stroke, vec2};

use super::ScreenPositions;
use super::focus::faded_if;
use crate::app::ui::theme::palette;
use crate::model::{NationId, RegionId, Scenario};

/// A region's disc is left out when it would cover more than this share of the canvas's shorter
/// side (its nations are spread across the network, as a force layout leaves them): its name
/// alone would float in the middle of other regions.
const WIDEST_DISC: f32 = 0.45;

/// Node radius and label room around a region's outermost nodes, in points.
const MARGIN: f32 = 30.0;

/// One region's nations on screen.
pub(super) struct Cluster<'a> {
    name: &'a str,
    /// The region's place in the scenario, which gives its colour (as the nodes have it).
    index: usize,
    centre: Pos2,
    radius: f32,
    /// Whether the disc is drawn: compact, and holding no other region's nation.
    disc: bool,
    /// Whether the focus fades it: none of its nations is near the selected ones.
    faded: bool,
}

/// Where each region's nations are on screen this frame (one pass over the nations); none for a
/// scenario of one region. `near` is the focus's bright set, if the focus is on.
pub(super) fn clusters<'a>(
    scenario: &'a Scenario,
    screen: &ScreenPositions,
    near: Option<&BTreeSet<NationId>>,
    visible: Rect,
) -> Vec<Cluster<'a>> {
    if scenario.regions.len() < 2 {
        return Vec::new();
    }
    let index: BTreeMap<&RegionId, usize> = scenario
        .regions
        .iter()
        .enumerate()
        .map(|(k, region)| (&region.id, k))
        .collect();
    // Each nation on screen with its region, and whether each region has a bright nation.
    let mut points: Vec<(usize, Pos2)> = Vec::with_capacity(scenario.nations.len());
    let mut bright = vec![near.is_none(); scenario.regions.len()];
    for nation in &scenario.nations {
        let (Some(&k), Some(&p)) = (index.get(&nation.region), screen.get(&nation.id)) else {
            continue;
        };
        points.push((k, p));
        bright[k] |= near.is_some_and(|near| near.contains(&nation.id));
    }
    let shorter = visible.width().min(visible.height());
    let mut clusters = Vec::new();
    for (k, region) in scenario.regions.iter().enumerate() {
        let members = || points.iter().filter(|(r, _)| *r == k).map(|(_, p)| *p);
        let count = members().count();
        if count == 0 {
            continue;
        }
        let centre = members().fold(Pos2::ZERO, |sum, p| sum + p.to_vec2() / count as f32);
        let radius = members().map(|p| p.distance(centre)).fold(0.0, f32::max) + MARGIN;
        let compact = radius <= WIDEST_DISC * shorter || count == 1;
        let alone = || {
            points
                .iter()
                .filter(|(r, _)| *r != k)
                .all(|(_, p)| p.distance(centre) > radius - MARGIN / 2.0)
        };
        clusters.push(Cluster {
            name: region.name.or_id(region.id.as_str()),
            index: k,
            centre,
            radius,
            disc: compact && alone(),
            faded: !bright[k],
        });
    }
    clusters
}

/// The faint discs, under everything else.
pub(super) fn discs_ui(painter: &egui::Painter, clusters: &[Cluster]) {
    for cluster in clusters.iter().filter(|c| c.disc) {
        let colour = faded_if(cluster.faded, palette(cluster.index));
        painter.circle(
            cluster.centre,
            cluster.radius,
            colour.gamma_multiply(0.07),
            Stroke::new(1.0, colour.gamma_multiply(0.35)),
        );
    }
}

/// The names, each on a plate at the top of its disc; a name that would cover one already drawn
/// (zoomed far out, or on a small screen) is left out until zooming in makes room.
pub(super) fn names_ui(ui: &egui::Ui, painter: &egui::Painter, clusters: &[Cluster]) {
    let text_colour = ui.visuals().weak_text_color();
    let mut plates: Vec<Rect> = Vec::new();
    for cluster in clusters {
        let colour = blend(text_colour, palette(cluster.index));
        let galley = painter.layout_no_wrap(
            cluster.name.to_owned(),
            egui::FontId::proportional(14.0),
            faded_if(cluster.faded, colour),
        );
        // Inside the disc's top, in the margin above the outermost nodes: with clusters packed
        // in rows, a name above the disc would sit closer to the cluster over it.
        let at = cluster.centre - vec2(galley.size().x / 2.0, cluster.radius - 4.0);
        let plate = Rect::from_min_size(at, galley.size()).expand2(vec2(4.0, 1.0));
        if plates.iter().any(|other| other.intersects(plate)) {
            continue;
        }
        plates.push(plate);
        painter.rect_filled(
            plate,
            3.0,
            ui.visuals().extreme_bg_color.gamma_multiply(0.85),
        );
        painter.galley(at, galley, text_colour);
    }
}

/// The region's name in a colour between the text's and the region's, readable on both themes.
fn blend(text: Color32, region: Color32) -> Color32 {
    let mix = |a: u8, b: u8| ((u16::from(a) * 2 + u16::from(b)) / 3) as u8;
    Color32::from_rgb(
        mix(text.r(), region.r()),
        mix(text.g(), region.g()),
        mix(text.b(), region.b()),
    )
}
