//! The plot's legend, above the plot rather than over it: a toggle per series, kept run, the
//! event markers and the goals, on one line that scrolls sideways. With many series (the 22
//! regions of the world, every nation of a large one) a field in front finds them by name, and
//! the line under the pointer, on the plot or in the legend, is drawn bold with the rest faded.

use std::collections::BTreeSet;

/// Series from which the legend offers its find field.
const FIND_FROM: usize = 10;

/// The legend's choices. View state, not document.
#[derive(Debug, Default)]
pub struct Legend {
    /// Entries switched off: series by name, kept runs by name, "events" and "goals".
    pub hidden: BTreeSet<String>,
    /// What the find field holds: only series whose name contains it are listed and drawn.
    pub find: String,
    /// The series under the pointer in the last frame, on the plot or in the legend.
    pub highlight: Option<String>,
}

impl Legend {
    /// Whether a series is drawn: not switched off, and found when something is typed.
    pub fn draws(&self, name: &str) -> bool {
        !self.hidden.contains(name) && self.found(name)
    }

    /// Whether a name contains what the find field holds (ignoring case).
    pub fn found(&self, name: &str) -> bool {
        let find = self.find.trim();
        find.is_empty() || name.to_lowercase().contains(&find.to_lowercase())
    }

    /// How a series is drawn beside the highlighted one: `None` when nothing is highlighted,
    /// else whether it is the one.
    pub fn emphasis(&self, name: &str) -> Option<bool> {
        self.highlight.as_deref().map(|lit| lit == name)
    }
}

/// Draws the legend; `series` is how many of the entries are series (they come first). Returns
/// the series entry under the pointer.
pub fn legend_ui(
    ui: &mut egui::Ui,
    entries: &[(&str, egui::Color32)],
    series: usize,
    legend: &mut Legend,
) -> Option<String> {
    let mut pointed = None;
    ui.horizontal(|ui| {
        if series >= FIND_FROM {
            let name = ui.weak("Find:");
            let field = egui::TextEdit::singleline(&mut legend.find)
                .hint_text("a line…")
                .desired_width(100.0);
            ui.add(field)
                .labelled_by(name.id)
                .on_hover_text("Show only the lines whose name contains this");
            if !legend.find.is_empty() && ui.small_button("×").on_hover_text("Show all").clicked()
            {
                legend.find.clear();
            }
        }
        egui::ScrollArea::horizontal()
            .id_salt("plot legend")
            .auto_shrink([false, true])
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.spacing_mut().item_spacing.x = 2.0;
                    for (k, &(name, colour)) in entries.iter().enumerate() {
                        if k < series && !legend.found(name) {
                            continue;
                        }
                        if entry_ui(ui, name, colour, &mut legend.hidden) && k < series {
                            pointed = Some(name.to_owned());
                        }
                        ui.add_space(6.0);
                    }
                    if series > 0 && (0..series).all(|k| !legend.found(entries[k].0)) {
                        ui.weak("No line by that name.");
                    }
                });
            });
    });
    pointed
}

/// One toggle: a dot in the entry's colour and its name, struck through when hidden. Returns
/// whether the pointer is over it.
fn entry_ui(
    ui: &mut egui::Ui,
    name: &str,
    colour: egui::Color32,
    hidden: &mut BTreeSet<String>,
) -> bool {
    let on = !hidden.contains(name);
    let (dot, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    let fill = if on {
        colour
    } else {
        colour.gamma_multiply(0.3)
    };
    ui.painter().circle_filled(dot.center(), 4.5, fill);
    let text = if on {
        egui::RichText::new(name)
    } else {
        egui::RichText::new(name).weak().strikethrough()
    };
    let hint = if on { "Hide" } else { "Show" };
    let response = ui
        .add(egui::Button::new(text).frame(false))
        .on_hover_text(format!("{hint} {name} on the plot"));
    if response.clicked() && !hidden.remove(name) {
        hidden.insert(name.to_owned());
    }
    response.hovered()
}
