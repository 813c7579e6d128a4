//! The plot panel: a view selector, the chosen series drawn solid up to the cursor and faint
//! beyond, markers at events and the cursor, legend toggles, hover values, click to seek, and
//! export of the visible plot to PNG and of its data to CSV.

use std::path::Path;
use std::sync::{Arc, Mutex};

use egui_plot::{
    ColorConflictHandling, HoverPosition, Legend, LegendGrouping, Line, LineStyle, Plot,
    PlotPoints, VLine,
};

use crate::app::EntenteApp;
use crate::app::command::Intent;
use crate::app::series::{PlotView, Series, series, to_csv};
use crate::app::ui::palette;

/// Plot state that is not part of the document.
#[derive(Debug)]
pub struct PlotState {
    /// The view shown.
    pub view: PlotView,
    /// Where the plot was drawn last frame (what a PNG export captures).
    rect: Option<egui::Rect>,
    /// Messages from PNG exports finishing after the screenshot arrives.
    finished: Arc<Mutex<Vec<Result<String, String>>>>,
    /// The series last computed and what they were computed from: rebuilding them every frame
    /// (hazards and cohesion derive every tick's quantities) would waste each frame.
    cache: Option<(CacheKey, Vec<Series>)>,
}

/// What the plotted series depend on.
#[derive(Clone, Debug, PartialEq)]
struct CacheKey {
    run: u64,
    computed: u32,
    view: PlotView,
    selection: crate::app::Selection,
}

impl Default for PlotState {
    fn default() -> Self {
        Self {
            view: PlotView::Regions,
            rect: None,
            finished: Arc::default(),
            cache: None,
        }
    }
}

/// Draws the plot panel.
pub fn plot_ui(app: &mut EntenteApp, ui: &mut egui::Ui) {
    let shown = app.tick();
    report_finished_exports(app);
    let Some(run) = app.document.simulation() else {
        ui.weak("The scenario has problems; fix them to see the run.");
        return;
    };
    let key = CacheKey {
        run: app.document.run_id(),
        computed: run.tick(),
        view: app.plot.view,
        selection: app.selection.clone(),
    };
    let lines = match &app.plot.cache {
        Some((cached, lines)) if *cached == key => lines.clone(),
        _ => {
            let lines = series(run, app.plot.view, &app.selection);
            app.plot.cache = Some((key, lines.clone()));
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
    ui.horizontal(|ui| {
        let label = ui.label("Show");
        egui::ComboBox::from_id_salt("plot view")
            .selected_text(app.plot.view.label())
            .show_ui(ui, |ui| {
                for view in PlotView::ALL {
                    ui.selectable_value(&mut app.plot.view, view, view.label());
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
        .y_axis_label(app.plot.view.label())
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
                    .color(egui::Color32::from_rgb(220, 80, 200))
                    .width(2.0),
            );
            (plot.response().clicked() || plot.response().dragged())
                .then(|| plot.pointer_coordinate())
                .flatten()
        });
    response
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, "Plot"));
    app.plot.rect = Some(response.response.rect);
    if let Some(point) = response.inner {
        let tick = point.x.round().clamp(0.0, f64::from(horizon)) as u32;
        app.intents.push(Intent::Seek(tick));
    }
    if export_csv {
        write_csv(app, &lines, start);
    }
    if export_png {
        request_png(app, ui.ctx());
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

fn write_csv(app: &mut EntenteApp, lines: &[Series], start: crate::model::StartDate) {
    let name = format!(
        "{}-{}.csv",
        app.file_stem(),
        app.plot.view.label().replace([' ', '/'], "-")
    );
    let Some(path) = app.dialogs.pick_export(&name, "csv") else {
        return;
    };
    match crate::io::save::write_atomically(&path, to_csv(lines, start).as_bytes()) {
        Ok(()) => app.info(format!("Wrote {}", path.display())),
        Err(error) => app.error(format!("Could not write {}: {error}", path.display())),
    }
}

/// Asks for a screenshot of the next frame and saves the plot's part of it.
fn request_png(app: &mut EntenteApp, ctx: &egui::Context) {
    let name = format!(
        "{}-{}.png",
        app.file_stem(),
        app.plot.view.label().replace([' ', '/'], "-")
    );
    let (Some(path), Some(rect)) = (app.dialogs.pick_export(&name, "png"), app.plot.rect) else {
        return;
    };
    let finished = Arc::clone(&app.plot.finished);
    let pixels_per_point = ctx.pixels_per_point();
    let repaint = ctx.clone();
    ctx.request_screenshot(move |image| {
        let result = save_png(&image.region(&rect, Some(pixels_per_point)), &path);
        if let Ok(mut done) = finished.lock() {
            done.push(result);
        }
        repaint.request_repaint();
    });
}

fn save_png(image: &egui::ColorImage, path: &Path) -> Result<String, String> {
    let [width, height] = image.size;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let mut encoded = Vec::new();
    image::write_buffer_with_format(
        &mut std::io::Cursor::new(&mut encoded),
        &bytes,
        width as u32,
        height as u32,
        image::ExtendedColorType::Rgba8,
        image::ImageFormat::Png,
    )
    .map_err(|e| format!("Could not encode the plot: {e}"))?;
    crate::io::save::write_atomically(path, &encoded)
        .map(|()| format!("Wrote {}", path.display()))
        .map_err(|e| format!("Could not write {}: {e}", path.display()))
}

fn report_finished_exports(app: &mut EntenteApp) {
    let done: Vec<Result<String, String>> = match app.plot.finished.lock() {
        Ok(mut done) => std::mem::take(&mut *done),
        Err(_) => Vec::new(),
    };
    for result in done {
        match result {
            Ok(message) => app.info(message),
            Err(message) => app.error(message),
        }
    }
}

impl EntenteApp {
    /// The series the plot shows now (every computed tick), as the CSV export writes them.
    pub fn plotted_series(&self) -> Vec<Series> {
        match self.document.simulation() {
            Some(run) => series(run, self.plot.view, &self.selection),
            None => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_export_holds_the_plot_region_of_the_screenshot() {
        // A 40×30 "screenshot" at 2 pixels per point, the plot at points (5,5)–(15,10).
        let mut shot = egui::ColorImage::filled([40, 30], egui::Color32::BLACK);
        for y in 10..20 {
            for x in 10..30 {
                shot[(x, y)] = egui::Color32::from_rgb(200, 40, 40);
            }
        }
        let plot = egui::Rect::from_min_max(egui::pos2(5.0, 5.0), egui::pos2(15.0, 10.0));
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("plot.png");
        save_png(&shot.region(&plot, Some(2.0)), &path).unwrap();
        let image = image::open(&path).unwrap().to_rgba8();
        assert_eq!((image.width(), image.height()), (20, 10));
        assert!(image.pixels().all(|p| p.0 == [200, 40, 40, 255]));
    }
}
