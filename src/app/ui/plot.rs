//! The plot panel: a view selector, the chosen series drawn solid up to the cursor and faint
//! beyond, markers at events and the cursor, the exercise's goals, a legend of toggles above the
//! plot, hover values, click to seek, and export of the plot to PNG and of its data to CSV.

use egui_plot::{
    HoverPosition, Line, LineStyle, Plot, PlotPoint, PlotPoints, Polygon, Text, VLine,
};

use crate::app::command::Intent;
use crate::app::state::AppState;
use crate::app::ui::palette;
use crate::app::ui::theme;
use std::rc::Rc;

use super::plot_legend::{Legend, legend_ui};

use crate::editor::goal_marks::{GoalMark, goal_marks};
use crate::editor::run_cache::{RunCache, RunKey};
use crate::editor::seeds::Done;
use crate::editor::series::{PlotView, Series, difference_series, series};
use crate::sim::goals::Standing;

/// Plot state that is not part of the document.
#[derive(Debug)]
pub struct PlotState {
    /// The view shown.
    pub view: PlotView,
    /// The legend's toggles, find field and highlighted line.
    legend: Legend,
    /// The kept runs' series and the Runs menu's fields.
    runs: super::plot_runs::RunsView,
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

impl PlotState {
    /// The line under the pointer in the last frame, drawn bold.
    pub fn highlighted(&self) -> Option<&str> {
        self.legend.highlight.as_deref()
    }
}

impl Default for PlotState {
    fn default() -> Self {
        Self {
            view: PlotView::Regions,
            legend: Legend::default(),
            runs: Default::default(),
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
    // What-if runs: the current run minus the compared one, or the kept runs drawn dashed.
    let compared = app.runs().compared();
    let difference = compared.filter(|_| app.runs().difference);
    let lines: Rc<[Series]> = match difference {
        Some(kept) => {
            let base = plot_state.runs.series_of(kept, view, &app.selection);
            difference_series(&lines, &base, &kept.name).into()
        }
        None => lines,
    };
    let overlays: Vec<(String, Rc<[Series]>)> = if difference.is_some() {
        Vec::new()
    } else {
        app.runs()
            .pinned()
            .iter()
            .filter(|run| run.shown)
            .map(|run| {
                let lines = plot_state.runs.series_of(run, view, &app.selection);
                (run.name.clone(), lines)
            })
            .collect()
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

    let marks: Vec<GoalMark> = app
        .document
        .scenario()
        .exercise
        .as_ref()
        .map(|exercise| goal_marks(exercise, run, view, &app.selection, shown))
        .unwrap_or_default();

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
        // One menu for both exports keeps the controls on one row on a narrow panel.
        ui.menu_button("Export", |ui| {
            if ui
                .button("Export CSV…")
                .on_hover_text("Write the plotted series, one row per tick")
                .clicked()
            {
                export_csv = true;
                ui.close();
            }
            if ui
                .button("Export PNG…")
                .on_hover_text("Save the plot as an image, with its title, axes and legend")
                .clicked()
            {
                export_png = true;
                ui.close();
            }
        });
        super::plot_runs::runs_menu_ui(ui, app, &mut plot_state.runs, intents);
        super::plot_runs::seeds_progress_ui(ui, app, intents);
        if lines.is_empty() {
            ui.weak("Select a pair of nations (or a relation) for this view.");
        }
    });

    let mut entries: Vec<(&str, egui::Color32)> = lines
        .iter()
        .map(|line| (line.name.as_str(), palette(line.colour)))
        .collect();
    for (name, _) in &overlays {
        entries.push((name.as_str(), KEPT_GREY));
    }
    // The seeds' bands, on the regional view of the scenario they were run on.
    let seeds = app
        .seeds()
        .current(app.document.revision())
        .filter(|_| view == PlotView::Regions && difference.is_none());
    if seeds.is_some() {
        entries.push((SEEDS_ENTRY, KEPT_GREY));
    }
    if !events.is_empty() {
        entries.push(("events", EVENT_GREY));
    }
    if !marks.is_empty() {
        entries.push(("goals", egui::Color32::from_gray(160)));
    }
    let pointed = legend_ui(ui, &entries, lines.len(), &mut plot_state.legend);
    let legend = &plot_state.legend;
    let hidden = &legend.hidden;

    // A short plot (a small screen at large text) leaves out its rotated y label, which would
    // run past the plot's top into the legend; the view selector names what is plotted.
    let y_label = match (ui.available_height() < 150.0, difference) {
        (true, _) => String::new(),
        (false, Some(kept)) => format!("{} − {}", plot_state.view.label(), kept.name),
        (false, None) => plot_state.view.label().to_owned(),
    };
    let (low, high) = if difference.is_some() {
        (-0.05, 0.05)
    } else {
        (0.0, 1.0)
    };
    let response = Plot::new("plot")
        // Ticks are quarters: marks every 4, 16 or 64 ticks (a year, four, sixteen) read better
        // than powers of ten, and leave a narrow plot more than its first label.
        .x_grid_spacer(egui_plot::log_grid_spacer(4))
        .x_axis_label(format!(
            "tick (quarter from {} Q{})",
            start.year, start.quarter
        ))
        .y_axis_label(y_label)
        .include_x(0.0)
        .include_x(f64::from(horizon))
        .include_y(low)
        .include_y(high)
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
            for (r, (name, kept)) in overlays.iter().enumerate() {
                if !hidden.contains(name) {
                    for (k, line) in kept.iter().enumerate() {
                        draw_kept(plot, (r, k), line, name);
                    }
                }
            }
            if let Some(done) = seeds.filter(|_| !hidden.contains(SEEDS_ENTRY)) {
                draw_bands(plot, done, &lines);
            }
            if difference.is_some() {
                plot.hline(
                    egui_plot::HLine::new("no difference", 0.0)
                        .color(KEPT_GREY)
                        .width(1.0),
                );
            }
            for (k, line) in lines.iter().enumerate() {
                if legend.draws(&line.name) {
                    draw_series(plot, k, line, shown, legend.emphasis(&line.name));
                }
            }
            if !hidden.contains("goals") {
                for mark in &marks {
                    draw_goal(plot, mark, horizon);
                }
            }
            for &tick in events.iter().filter(|_| !hidden.contains("events")) {
                plot.vline(
                    VLine::new("events", f64::from(tick))
                        .id("events")
                        .color(EVENT_GREY)
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
    // The line under the pointer, on the plot or in the legend, is drawn bold next frame.
    let on_plot = response.hovered_plot_item.and_then(|item| {
        (0..lines.len())
            .find(|&k| egui_plot::ItemId::new(("series", k)) == item)
            .map(|k| lines[k].name.clone())
    });
    let highlight = pointed.or(on_plot);
    if plot_state.legend.highlight != highlight {
        plot_state.legend.highlight = highlight;
        ui.ctx().request_repaint();
    }
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

/// The legend entry of the seeds' bands.
const SEEDS_ENTRY: &str = "100 seeds";

/// Each region's median across the seeds (dotted) and its 50% and 90% bands, in the region's
/// colour (the regional view's series, `lines`, name the regions in the same order).
fn draw_bands(plot: &mut egui_plot::PlotUi, seeds: &Done, lines: &[Series]) {
    let regions = seeds
        .ensemble
        .followed
        .iter()
        .filter(|f| f.kind == "region");
    for (r, ((followed, line), bands)) in regions.zip(lines).zip(seeds.bands.iter()).enumerate() {
        let colour = palette(line.colour);
        let xs: Vec<f64> = (0..bands.len()).map(|t| t as f64).collect();
        for (outer, alpha) in [(true, 0.10), (false, 0.18)] {
            let (low, high): (Vec<f64>, Vec<f64>) = bands
                .iter()
                .map(|b| {
                    if outer {
                        (b.p05, b.p95)
                    } else {
                        (b.p25, b.p75)
                    }
                })
                .unzip();
            plot.add(
                egui_plot::FilledArea::new(SEEDS_ENTRY, &xs, &low, &high)
                    .id(("seeds", r, outer))
                    .fill_color(colour.gamma_multiply(alpha))
                    .stroke(egui::Stroke::NONE)
                    .allow_hover(false),
            );
        }
        let median: PlotPoints = bands
            .iter()
            .enumerate()
            .map(|(t, b)| [t as f64, b.p50])
            .collect();
        plot.line(
            Line::new(format!("{} (median of the seeds)", followed.name), median)
                .id(("seeds median", r))
                .color(colour.gamma_multiply(0.8))
                .width(1.5)
                .style(LineStyle::dotted_dense()),
        );
    }
}

/// The legend colour of a kept run.
const KEPT_GREY: egui::Color32 = egui::Color32::from_gray(150);

/// A kept run's series: dashed and faint in the series' colour, named with the run.
fn draw_kept(plot: &mut egui_plot::PlotUi, id: (usize, usize), line: &Series, run: &str) {
    let points: PlotPoints = line
        .values
        .iter()
        .enumerate()
        .filter_map(|(tick, value)| value.map(|v| [tick as f64, v]))
        .collect();
    plot.line(
        Line::new(format!("{} ({run})", line.name), points)
            .id(("kept", id))
            .color(palette(line.colour).gamma_multiply(0.6))
            .width(1.5)
            .style(LineStyle::dashed_loose()),
    );
}

/// The colour of the event markers.
const EVENT_GREY: egui::Color32 = egui::Color32::from_gray(110);

/// A goal's threshold over the ticks it checks: a dashed line, a faint band on the side the
/// goal asks for, and its number and standing, coloured as the goals panel colours them.
fn draw_goal(plot: &mut egui_plot::PlotUi, mark: &GoalMark, horizon: u32) {
    let colour = match mark.standing {
        Standing::Met => theme::GOOD,
        Standing::OnTrack => egui::Color32::from_gray(128),
        Standing::AtRisk => theme::WARNING,
        Standing::Failed => egui::Color32::from_rgb(210, 60, 60),
    };
    // A goal checked in one quarter still gets a visible stretch.
    let (first, last) = if mark.first == mark.last {
        (f64::from(mark.first) - 0.5, f64::from(mark.last) + 0.5)
    } else {
        (f64::from(mark.first), f64::from(mark.last))
    };
    let band = 0.04
        * match mark.compare {
            crate::model::exercise::Compare::Above => 1.0,
            crate::model::exercise::Compare::Below => -1.0,
        };
    let (y, edge) = (mark.value, mark.value + band);
    plot.polygon(
        Polygon::new(
            "goals",
            vec![[first, y], [last, y], [last, edge], [first, edge]],
        )
        .id("goals")
        .fill_color(colour.gamma_multiply(0.18))
        .stroke(egui::Stroke::NONE)
        .allow_hover(false),
    );
    plot.line(
        Line::new("goals", vec![[first, y], [last, y]])
            .id("goals")
            .color(colour)
            .width(2.0)
            .style(LineStyle::dashed_dense()),
    );
    // Short, so that the labels of goals close together stay apart; the goals panel has the
    // sentence.
    let words = format!("goal {} {}", mark.number, mark.standing.label());
    // The words sit inside the plot: from the start of a mark in its first half, up to the end
    // of one in its second half; above the line for "at least", below it for "at most".
    let early = 2 * mark.first < horizon;
    let (x, anchor) = match (early, band > 0.0) {
        (true, true) => (first, egui::Align2::LEFT_BOTTOM),
        (true, false) => (first, egui::Align2::LEFT_TOP),
        (false, true) => (last, egui::Align2::RIGHT_BOTTOM),
        (false, false) => (last, egui::Align2::RIGHT_TOP),
    };
    plot.text(
        Text::new("goals", PlotPoint::new(x, edge), words)
            .id("goals")
            .color(colour)
            .anchor(anchor),
    );
}

/// A series split where it has no value, solid up to the cursor and faint after it; bold when
/// `emphasis` is `Some(true)` (the line under the pointer), faded when `Some(false)`.
fn draw_series(
    plot: &mut egui_plot::PlotUi,
    k: usize,
    line: &Series,
    shown: u32,
    emphasis: Option<bool>,
) {
    let (colour, bold) = match emphasis {
        None => (palette(line.colour), 0.0),
        Some(true) => (palette(line.colour), 1.5),
        Some(false) => (palette(line.colour).gamma_multiply(0.3), 0.0),
    };
    let mut segment: Vec<[f64; 2]> = Vec::new();
    let mut flush = |segment: &mut Vec<[f64; 2]>, faint: bool| {
        if segment.len() >= 2 || (segment.len() == 1 && !faint) {
            let points: PlotPoints = std::mem::take(segment).into_iter().collect();
            let (colour, width) = if faint {
                (colour.gamma_multiply(0.35), 1.5 + bold)
            } else {
                (colour, 2.0 + bold)
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
