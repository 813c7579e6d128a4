//! The colours of the window, in one place: what a relation, a treaty kind, a stability and the
//! cursor look like, and the palette of regions and alliances.

use egui::Color32;

use crate::model::TreatyKind;

/// The timeline cursor, on the timeline, the plot and wherever else it is marked.
pub const CURSOR: Color32 = Color32::from_rgb(220, 80, 200);

/// Interventions under way: the canvas's arrows.
pub const INTERVENTION: Color32 = Color32::from_rgb(235, 90, 60);

/// Good news: a goal met, a term that raised stability.
pub const GOOD: Color32 = Color32::from_rgb(90, 180, 90);

/// A warning short of failure: a goal at risk.
pub const WARNING: Color32 = Color32::from_rgb(230, 160, 40);

/// A colour for the k-th region or alliance, distinct for the first dozen (the same as the
/// report's chart).
pub fn palette(k: usize) -> Color32 {
    let (r, g, b) = crate::io::chart::colour(k);
    Color32::from_rgb(r, g, b)
}

/// Relation colour: red for hostile, green for friendly, grey near zero.
pub fn relation_colour(relation: f64) -> Color32 {
    let strength = relation.abs().clamp(0.0, 1.0) as f32;
    let alpha = (90.0 + 165.0 * strength) as u8;
    if relation < 0.0 {
        Color32::from_rgba_unmultiplied(215, 60, 60, alpha)
    } else if relation > 0.0 {
        Color32::from_rgba_unmultiplied(60, 170, 90, alpha)
    } else {
        Color32::from_rgba_unmultiplied(150, 150, 150, 90)
    }
}

/// How a treaty kind is drawn: colour and dash pattern (None = solid; doubled for defence pacts).
pub fn treaty_style(kind: TreatyKind) -> (Color32, Option<(f32, f32)>) {
    match kind {
        TreatyKind::MutualDefence => (Color32::from_rgb(80, 130, 230), None),
        TreatyKind::NonAggression => (Color32::from_rgb(150, 160, 200), Some((10.0, 6.0))),
        TreatyKind::IntelligenceSharing => (Color32::from_rgb(170, 100, 210), Some((2.0, 4.0))),
        TreatyKind::JointExercises => (Color32::from_rgb(230, 150, 50), Some((14.0, 4.0))),
        TreatyKind::ArmsTrade => (Color32::from_rgb(170, 120, 70), None),
        TreatyKind::ConfidenceBuilding => (Color32::from_rgb(60, 180, 180), Some((4.0, 4.0))),
        TreatyKind::PeacekeepingMandate => (Color32::from_rgb(90, 160, 230), None),
    }
}

/// A stability gauge's fill: red when low, green when high.
pub fn stability_colour(stability: f64) -> Color32 {
    let s = stability.clamp(0.0, 1.0) as f32;
    Color32::from_rgb(
        (220.0 * (1.0 - s) + 40.0) as u8,
        (180.0 * s + 50.0) as u8,
        70,
    )
}

/// The colour of a goal's standing, the same in the goals panel, the debrief and the editor.
pub fn standing_colour(ui: &egui::Ui, standing: crate::sim::goals::Standing) -> egui::Color32 {
    use crate::sim::goals::Standing;
    match standing {
        Standing::Met => GOOD,
        Standing::OnTrack => ui.visuals().text_color(),
        Standing::AtRisk => WARNING,
        Standing::Failed => ui.visuals().error_fg_color,
    }
}
