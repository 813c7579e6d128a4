//! The regions behind the network: a faint disc around each region's nations with the region's
//! name above it, so a world of two hundred nations reads as its regions first.

use egui::{Color32, Pos2, Stroke, vec2};

use super::ScreenPositions;
use super::focus::faded_if;
use crate::app::ui::theme::palette;
use crate::model::Scenario;

/// A region's disc is left out when it would cover more than this share of the canvas's shorter
/// side (its nations are spread across the network, as a force layout leaves them): its name
/// alone would float in the middle of other regions.
const WIDEST_DISC: f32 = 0.45;

/// Node radius and label room around a region's outermost nodes, in points.
const MARGIN: f32 = 30.0;

/// Which part of the regions is drawn: the discs go under the edges, the names over them (and
/// under the nodes), so a web of lines never hides which region is which.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum RegionPart {
    /// The faint discs.
    Discs,
    /// The names, on a plate.
    Names,
}

/// What the regions are drawn from: the scenario, where its nations are on screen, and which
/// regions the focus fades.
pub(super) struct Regions<'a> {
    pub(super) scenario: &'a Scenario,
    pub(super) screen: &'a ScreenPositions<'a>,
    pub(super) faded: &'a dyn Fn(&crate::model::RegionId) -> bool,
}

/// Draws each region's disc or name. Regions with no nation on screen, and scenarios with a
/// single region, draw nothing.
pub(super) fn regions_ui(
    ui: &egui::Ui,
    painter: &egui::Painter,
    regions: &Regions,
    part: RegionPart,
) {
    let Regions {
        scenario,
        screen,
        faded,
    } = *regions;
    if scenario.regions.len() < 2 {
        return;
    }
    let visible = painter.clip_rect();
    let shorter = visible.width().min(visible.height());
    let text_colour = ui.visuals().weak_text_color();
    // Names are left out where they would cover a name already drawn (zoomed far out, or on a
    // small screen); zooming in brings them back.
    let mut plates: Vec<egui::Rect> = Vec::new();
    for (k, region) in scenario.regions.iter().enumerate() {
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
        let colour = faded_if(faded(&region.id), palette(k));
        // A disc that would take in other regions' nations (a force layout mixes them) or most
        // of the canvas is left out; the name still marks where the region's nations are.
        let compact = radius <= WIDEST_DISC * shorter || points.len() == 1;
        let alone = || {
            scenario
                .nations
                .iter()
                .filter(|n| n.region != region.id)
                .filter_map(|n| screen.get(&n.id))
                .all(|p| p.distance(centre) > radius - MARGIN / 2.0)
        };
        if part == RegionPart::Discs {
            if compact && alone() {
                painter.circle(
                    centre,
                    radius,
                    colour.gamma_multiply(0.07),
                    Stroke::new(1.0, colour.gamma_multiply(0.35)),
                );
            }
            continue;
        }
        let name = region.name.or_id(region.id.as_str());
        let galley = painter.layout_no_wrap(
            name.to_owned(),
            egui::FontId::proportional(14.0),
            faded_if(faded(&region.id), blend(text_colour, palette(k))),
        );
        // Inside the disc's top, in the margin above the outermost nodes: with clusters packed
        // in rows, a name above the disc would sit closer to the cluster over it.
        let at = centre - vec2(galley.size().x / 2.0, radius - 4.0);
        let plate = egui::Rect::from_min_size(at, galley.size()).expand2(vec2(4.0, 1.0));
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
