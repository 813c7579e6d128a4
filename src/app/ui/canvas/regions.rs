//! The regions behind the network: a faint disc around each region's nations with the region's
//! name at its top, so a world of two hundred nations reads as its regions first. The discs go
//! under the edges and the names over them (and under the nodes), so a web of lines never hides
//! which region is which; both come from one measure of the clusters a frame.

use egui::{Color32, Pos2, Rect, Stroke, vec2};

use super::ScreenPositions;
use super::focus::faded_if;
use crate::app::ui::theme::palette;
use crate::model::{RegionId, Scenario};

/// A region's disc is left out when it would cover more than this share of the canvas's shorter
/// side (its nations are spread across the network, as a force layout leaves them): its name
/// alone would float in the middle of other regions.
const WIDEST_DISC: f32 = 0.45;

/// Node radius and label room around a region's outermost nodes, in points.
const MARGIN: f32 = 30.0;

/// One region's nations on screen.
pub(super) struct Cluster<'a> {
    region: &'a RegionId,
    name: &'a str,
    /// The region's place in the scenario, which gives its colour (as the nodes have it).
    index: usize,
    centre: Pos2,
    radius: f32,
    /// Whether the disc is drawn: compact, and holding no other region's nation.
    disc: bool,
}

/// Where each region's nations are on screen this frame; none for a scenario of one region.
pub(super) fn clusters<'a>(
    scenario: &'a Scenario,
    screen: &ScreenPositions,
    visible: Rect,
) -> Vec<Cluster<'a>> {
    if scenario.regions.len() < 2 {
        return Vec::new();
    }
    let shorter = visible.width().min(visible.height());
    let mut clusters = Vec::new();
    for (index, region) in scenario.regions.iter().enumerate() {
        let points: Vec<Pos2> = scenario
            .nations
            .iter()
            .filter(|n| n.region == region.id)
            .filter_map(|n| screen.get(&n.id).copied())
            .collect();
        if points.is_empty() {
            continue;
        }
        let n = points.len() as f32;
        let centre = points
            .iter()
            .fold(Pos2::ZERO, |sum, p| sum + p.to_vec2() / n);
        let radius = points
            .iter()
            .map(|p| p.distance(centre))
            .fold(0.0, f32::max)
            + MARGIN;
        let compact = radius <= WIDEST_DISC * shorter || points.len() == 1;
        let alone = || {
            scenario
                .nations
                .iter()
                .filter(|n| n.region != region.id)
                .filter_map(|n| screen.get(&n.id))
                .all(|p| p.distance(centre) > radius - MARGIN / 2.0)
        };
        clusters.push(Cluster {
            region: &region.id,
            name: region.name.or_id(region.id.as_str()),
            index,
            centre,
            radius,
            disc: compact && alone(),
        });
    }
    clusters
}

/// The faint discs, under everything else.
pub(super) fn discs_ui(
    painter: &egui::Painter,
    clusters: &[Cluster],
    faded: &dyn Fn(&RegionId) -> bool,
) {
    for cluster in clusters.iter().filter(|c| c.disc) {
        let colour = faded_if(faded(cluster.region), palette(cluster.index));
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
pub(super) fn names_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    clusters: &[Cluster],
    faded: &dyn Fn(&RegionId) -> bool,
) {
    let text_colour = ui.visuals().weak_text_color();
    let mut plates: Vec<Rect> = Vec::new();
    for cluster in clusters {
        let colour = blend(text_colour, palette(cluster.index));
        let galley = painter.layout_no_wrap(
            cluster.name.to_owned(),
            egui::FontId::proportional(14.0),
            faded_if(faded(cluster.region), colour),
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
