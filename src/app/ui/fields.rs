//! Labelled field widgets shared by the inspector and the event forms: each reports a new value
//! when the user changes it and leaves applying it to the caller.

use crate::model::{NationId, Scenario};

/// A slider with its own numeric field, reporting the new value while it changes.
pub fn number_ui(
    ui: &mut egui::Ui,
    label: &str,
    value: f64,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
) -> Option<f64> {
    let mut edited = value;
    let logarithmic = *range.end() > 100.0;
    let response = ui
        .horizontal(|ui| {
            let name = ui.label(label);
            let response = ui
                .add(
                    egui::Slider::new(&mut edited, range)
                        // Only the user's edits are clamped and rounded: by default a slider
                        // rewrites the value it shows (capability 0.0075 became 0.007, 20,000
                        // became the slider's 10,000), an edit nobody made.
                        .clamping(egui::SliderClamping::Edits)
                        .logarithmic(logarithmic)
                        .smallest_positive(0.001)
                        .max_decimals(3)
                        // A number being typed is applied when it is finished (Enter, or the
                        // field left): "0" on the way to "0.35" is no trust, and an edit the
                        // scenario refuses would reset the field under the typist's hands.
                        .update_while_editing(false),
                )
                .labelled_by(name.id);
            if !unit.is_empty() {
                ui.weak(unit);
            }
            response
        })
        .inner;
    (response.changed() && edited != value && edited.is_finite()).then_some(edited)
}

/// A slider over [0, 1] with its name beside it, which changes its value only when the user
/// moves it (see [`number_ui`]).
pub fn share_slider<'a>(value: &'a mut f64, text: &str) -> egui::Slider<'a> {
    egui::Slider::new(value, 0.0..=1.0)
        .clamping(egui::SliderClamping::Edits)
        .text(text)
}

/// A single-line text field reporting its new text while it changes.
pub fn text_ui(ui: &mut egui::Ui, label: &str, value: &str) -> Option<String> {
    let mut edited = value.to_owned();
    let response = ui
        .horizontal(|ui| {
            let name = ui.label(label);
            ui.text_edit_singleline(&mut edited).labelled_by(name.id)
        })
        .inner;
    (response.changed() && edited != value).then_some(edited)
}

/// A checkbox per nation; reports the new choice when one is ticked or unticked.
pub fn nations_picker_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    chosen: &[NationId],
    salt: &str,
) -> Option<Vec<NationId>> {
    let mut result = None;
    egui::CollapsingHeader::new(format!("{} chosen", chosen.len()))
        .id_salt(salt)
        .default_open(true)
        .show(ui, |ui| {
            for nation in &scenario.nations {
                let mut on = chosen.contains(&nation.id);
                if ui
                    .checkbox(&mut on, nation.name.or_id(nation.id.as_str()).to_owned())
                    .changed()
                {
                    let mut next: Vec<NationId> = chosen.to_vec();
                    if on {
                        next.push(nation.id.clone());
                    } else {
                        next.retain(|m| m != &nation.id);
                    }
                    result = Some(next);
                }
            }
        });
    result
}

/// A labelled drop-down over fixed options; reports a new choice.
pub fn combo<T: Copy + PartialEq>(
    ui: &mut egui::Ui,
    label: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    value: T,
    options: &[(T, &str)],
) -> Option<T> {
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label(label);
        let current = options
            .iter()
            .find(|(v, _)| *v == value)
            .map_or("", |(_, l)| l);
        egui::ComboBox::from_id_salt(salt)
            .selected_text(current)
            .show_ui(ui, |ui| {
                for (option, text) in options {
                    if ui.selectable_label(*option == value, *text).clicked() && *option != value {
                        chosen = Some(*option);
                    }
                }
            });
    });
    chosen
}

/// A drop-down of the scenario's nations; reports a new choice.
pub fn nation_combo(
    ui: &mut egui::Ui,
    label: &str,
    salt: impl std::hash::Hash + std::fmt::Debug,
    scenario: &Scenario,
    value: &NationId,
) -> Option<NationId> {
    let names: Vec<(usize, String)> = scenario
        .nations
        .iter()
        .enumerate()
        .map(|(k, n)| (k, n.name.or_id(n.id.as_str()).to_owned()))
        .collect();
    let options: Vec<(usize, &str)> = names.iter().map(|(k, n)| (*k, n.as_str())).collect();
    let current = scenario
        .nations
        .iter()
        .position(|n| &n.id == value)
        .unwrap_or(usize::MAX);
    combo(ui, label, salt, current, &options).map(|k| scenario.nations[k].id.clone())
}
