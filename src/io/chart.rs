//! The regional-stability chart as a PNG, drawn without a window (plotters), for reports; and the
//! colours regions and alliances take everywhere.

use std::path::Path;

use plotters::prelude::*;
use plotters::style::FontStyle;

/// Distinct colours for the first dozen regions or alliances, the same in the app and in reports.
const COLOURS: [(u8, u8, u8); 12] = [
    (86, 140, 209),
    (222, 143, 61),
    (94, 173, 99),
    (178, 102, 190),
    (205, 92, 92),
    (73, 170, 170),
    (199, 176, 64),
    (140, 120, 95),
    (232, 120, 170),
    (120, 130, 145),
    (150, 190, 60),
    (90, 100, 200),
];

/// The k-th colour (they repeat after a dozen).
pub fn colour(k: usize) -> (u8, u8, u8) {
    COLOURS[k % COLOURS.len()]
}

/// One line of the chart.
pub struct Line {
    /// Legend name.
    pub name: String,
    /// Palette index.
    pub colour: usize,
    /// A value per tick from 0; None where the series has no value (an alliance not formed).
    pub values: Vec<Option<f64>>,
}

/// Registers the bundled font once, so charts need no system fonts.
fn font() -> &'static str {
    static REGISTERED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    REGISTERED.get_or_init(|| {
        plotters::style::register_font(
            "entente",
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        )
        .is_ok()
    });
    "entente"
}

/// Draws `lines` (values in 0…1 over ticks 0…horizon) with dotted markers at `events`, and
/// writes the PNG to `path`.
pub fn write_png(
    path: &Path,
    title: &str,
    y_label: &str,
    lines: &[Line],
    events: &[u32],
    horizon: u32,
) -> Result<(), ChartError> {
    let size = (1200, 700);
    let mut pixels = vec![0u8; (size.0 * size.1 * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, size).into_drawing_area();
        let drawn = draw(&root, title, y_label, lines, events, horizon);
        drawn.map_err(|e| ChartError::Draw(e.to_string()))?;
        root.present()
            .map_err(|e| ChartError::Draw(e.to_string()))?;
    }
    let mut encoded = Vec::new();
    image::write_buffer_with_format(
        &mut std::io::Cursor::new(&mut encoded),
        &pixels,
        size.0,
        size.1,
        image::ExtendedColorType::Rgb8,
        image::ImageFormat::Png,
    )?;
    super::save::write_atomically(path, &encoded)?;
    Ok(())
}

/// Why a chart could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// Plotting failed (the plotting library's own message).
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    /// The pixels could not be encoded as PNG.
    #[error("cannot encode the chart: {0}")]
    Encode(#[from] image::ImageError),
    /// The file could not be written.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

fn draw(
    root: &DrawingArea<BitMapBackend, plotters::coord::Shift>,
    title: &str,
    y_label: &str,
    lines: &[Line],
    events: &[u32],
    horizon: u32,
) -> Result<(), Box<dyn std::error::Error>> {
    let family = font();
    root.fill(&WHITE)?;
    // 0 to 1 for indices and shares; wider when a view's values go beyond (relations reach −1,
    // capability and economy grow past 1).
    let values = || {
        lines
            .iter()
            .flat_map(|l| l.values.iter().flatten().copied())
    };
    let low = values().fold(0.0, f64::min);
    let high = values().fold(1.0, f64::max);
    let mut chart = ChartBuilder::on(root)
        .caption(title, (family, 28))
        .margin(20)
        .x_label_area_size(50)
        .y_label_area_size(60)
        .build_cartesian_2d(0f64..f64::from(horizon.max(1)), low..high)?;
    chart
        .configure_mesh()
        .x_desc("tick (quarter)")
        .x_label_formatter(&|x| format!("{x:.0}"))
        .y_desc(y_label)
        .label_style((family, 16))
        .axis_desc_style((family, 18))
        .draw()?;
    for &tick in events {
        let x = f64::from(tick);
        chart.draw_series(LineSeries::new(
            [(x, low), (x, high)],
            ShapeStyle::from(&RGBColor(170, 170, 170)).stroke_width(1),
        ))?;
    }
    for line in lines {
        let (r, g, b) = colour(line.colour);
        let style = ShapeStyle::from(&RGBColor(r, g, b)).stroke_width(3);
        // One stretch per run of values, so a gap stays a gap; the first carries the legend.
        let mut stretches: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (tick, value) in line.values.iter().enumerate() {
            match value {
                Some(value) => stretches.last_mut().unwrap().push((tick as f64, *value)),
                None if !stretches.last().unwrap().is_empty() => stretches.push(Vec::new()),
                None => {}
            }
        }
        for (k, stretch) in stretches.into_iter().enumerate() {
            let drawn = chart.draw_series(LineSeries::new(stretch, style))?;
            if k == 0 {
                drawn
                    .label(line.name.clone())
                    .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], style));
            }
        }
    }
    chart
        .configure_series_labels()
        .label_font((family, 18))
        .background_style(WHITE.mix(0.85))
        .border_style(BLACK)
        .draw()?;
    Ok(())
}
