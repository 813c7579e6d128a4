//! The plot panel: a view selector, the chosen series drawn solid up to the cursor and faint
//! beyond, markers at events and the cursor, legend toggles, hover values, click to seek, and
//! export of the visible plot to PNG and of its data to CSV.

use egui_plot::{
    ColorConflictHandling, HoverPosition, Legend, LegendGrouping, Line, LineStyle, Plot,
    PlotPoints, VLine,
};

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::palette;
use crate::app::ui::theme;
use std::rc::Rc;

use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::series::{PlotView, Series, series};

/// Plot state that is not part of the document.
#[derive(Debug)]
pub struct PlotState {
    /// The view shown.
    pub view: PlotView,
    /// The series last computed: rebuilding them every frame (hazards and cohesion derive every
    /// tick's quantities) would waste each frame, and so would copying them.
    series: RunCache<SeriesOf, Rc<[Series]>>,
}

/// What the plotted series depend on besides the run.
#[derive(Clone, Debug, PartialEq)]
struct SeriesOf {
    /// Ticks computed when they were made.
    computed: u32,
    view: PlotView,
    selection: crate::editor::Selection,
}

impl Default for PlotState {
    fn default() -> Self {
        Self {
            view: PlotView::Regions,
            series: RunCache::default(),
        }
    }
}

/// Draws the plot panel.
pub fn plot_ui(
    ui: &mut egui::Ui,
    app: &AppState,
    plot_state: &mut PlotState,
    intents: &mut Vec<Intent>,
) {
    let shown = app.tick();
    let Some(run) = app.document.simulation() else {
        ui.weak("The scenario has problems; fix them to see the run.");
        return;
    };
    let (run_id, view) = (app.document.run_id(), plot_state.view);
    let kept = plot_state.series.find(run_id, |of| {
        of.computed == run.tick() && of.view == view && of.selection == app.selection
    });
    let lines = match kept {
        Some(lines) => Rc::clone(lines),
        None => {
            let lines: Rc<[Series]> = series(run, view, &app.selection).into();
            let of = SeriesOf {
                computed: run.tick(),
                view,
                selection: app.selection.clone(),
            };
            plot_state
                .series
                .insert(RunKey::new(run_id, of), Rc::clone(&lines));
            lines
        }
    };
    let start = run.world().start;
    let horizon = run.world().horizon;
    let events: Vec<u32> = app
        .document
        .scenario()
        .events
        .iter()
        .map(|e| e.tick)
        .collect();

    let mut export_csv = false;
    let mut export_png = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Show");
        egui::ComboBox::from_id_salt("plot view")
            .selected_text(plot_state.view.label())
            .show_ui(ui, |ui| {
                for view in PlotView::ALL {
                    ui.selectable_value(&mut plot_state.view, view, view.label());
                }
            })
            .response
            .labelled_by(label.id);
        export_csv = ui
            .button("Export CSV…")
            .on_hover_text("Write the plotted series, one row per tick")
            .clicked();
        export_png = ui
            .button("Export PNG…")
            .on_hover_text("Save the plot as an image")
            .clicked();
        if lines.is_empty() {
            ui.weak("Select a pair of nations (or a relation) for this view.");
        }
    });

    let response = Plot::new("plot")
        // Every segment of a series shares its id, so one legend entry hides them all.
        .legend(
            Legend::default()
                .grouping(LegendGrouping::ById)
                .color_conflict_handling(ColorConflictHandling::PickFirst),
        )
        .x_axis_label(format!(
            "tick (quarter from {} Q{})",
            start.year, start.quarter
        ))
        .y_axis_label(plot_state.view.label())
        .include_x(0.0)
        .include_x(f64::from(horizon))
        .include_y(0.0)
        .include_y(1.0)
        .allow_scroll(false)
        .allow_drag(false)
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } if !plot_name.is_empty() => {
                let (year, quarter) = start.at_tick(position.x.round().max(0.0) as u32);
                Some(format!(
                    "{plot_name}\ntick {:.0} ({year} Q{quarter}): {:.3}",
                    position.x, position.y
                ))
            }
            _ => None,
        })
        .show(ui, |plot| {
            for (k, line) in lines.iter().enumerate() {
                draw_series(plot, k, line, shown);
            }
            for &tick in &events {
                plot.vline(
                    VLine::new("events", f64::from(tick))
                        .id("events")
                        .color(egui::Color32::from_gray(110))
                        .style(LineStyle::dotted_loose())
                        .width(1.0),
                );
            }
            plot.vline(
                VLine::new("now", f64::from(shown))
                    .color(theme::CURSOR)
                    .width(2.0),
            );
            (plot.response().clicked() || plot.response().dragged())
                .then(|| plot.pointer_coordinate())
                .flatten()
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Plot"));
    if let Some(point) = response.inner {
        let tick = point.x.round().clamp(0.0, f64::from(horizon)) as u32;
        intents.push(Intent::Seek(tick));
    }
    if export_csv {
        intents.push(Intent::ExportCsv);
    }
    if export_png {
        intents.push(Intent::ExportPng);
    }
}

/// A series split where it has no value, solid up to the cursor and faint after it.
fn draw_series(plot: &mut egui_plot::PlotUi, k: usize, line: &Series, shown: u32) {
    let colour = palette(line.colour);
    let mut segment: Vec<[f64; 2]> = Vec::new();
    let mut flush = |segment: &mut Vec<[f64; 2]>, faint: bool| {
        if segment.len() >= 2 || (segment.len() == 1 && !faint) {
            let points: PlotPoints = std::mem::take(segment).into_iter().collect();
            let (colour, width) = if faint {
                (colour.gamma_multiply(0.35), 1.5)
            } else {
                (colour, 2.0)
            };
            plot.line(
                Line::new(line.name.clone(), points)
                    .id(("series", k))
                    .color(colour)
                    .width(width),
            );
        }
        segment.clear();
    };
    for faint in [false, true] {
        let ticks = if faint {
            shown as usize..line.values.len()
        } else {
            0..(shown as usize + 1).min(line.values.len())
        };
        for tick in ticks {
            match line.values[tick] {
                Some(value) => segment.push([tick as f64, value]),
                None => flush(&mut segment, faint),
            }
        }
        flush(&mut segment, faint);
    }
}
