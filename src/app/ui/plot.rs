//! The live plot of regional stability.

use egui_plot::{Legend, Line, Plot, PlotPoints, VLine};

use crate::sim::observe::region_series;
use crate::sim::{RegionIx, Simulation};

/// Draws every region's stability index from tick 0 to the current tick.
pub fn regional_stability_ui(ui: &mut egui::Ui, run: &Simulation) {
    let world = run.world();
    Plot::new("regional_stability")
        .legend(Legend::default())
        .x_axis_label("tick (quarter)")
        .y_axis_label("regional stability")
        .include_x(0.0)
        .include_x(f64::from(world.horizon))
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .show(ui, |plot| {
            for (r, region) in world.regions.iter().enumerate() {
                let series = region_series(run.states(), RegionIx(r as u32));
                let points: PlotPoints = series
                    .iter()
                    .enumerate()
                    .map(|(tick, &value)| [tick as f64, value])
                    .collect();
                let name = if region.name.0.is_empty() {
                    region.id.to_string()
                } else {
                    region.name.0.clone()
                };
                plot.line(Line::new(name, points).width(2.0));
            }
            plot.vline(VLine::new("now", f64::from(run.tick())));
        });
}
