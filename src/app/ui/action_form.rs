//! One form for every kind of timeline event, editing an action in place. The inspector uses it
//! on a scheduled event (and turns changes into edits); the timeline uses it on a new event
//! before it is added.

use crate::app::ui::fields::{combo, nation_combo, nations_picker_ui, number_ui, text_ui};
use crate::model::limits::MAX_HORIZON;
use crate::model::{
    Action, Alliance, Attribute, Drawdown, Intervention, InterventionKind, LegalBasis,
    MandateAuthority, Scenario, Side, Text, Treaty, TreatyKind,
};

/// How the form changed what it edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormChange {
    /// Not at all.
    None,
    /// Once, an undo step of its own (a choice, a checkbox).
    Once,
    /// As part of a continuous gesture (a slider, a number being dragged) named by this key,
    /// so the whole gesture can be one undo step.
    Gesture(&'static str),
}

impl FormChange {
    fn merge(&mut self, other: FormChange) {
        if other != FormChange::None {
            *self = other;
        }
    }
}

/// Tracks what changed while fields draw.
struct Form<'a> {
    scenario: &'a Scenario,
    salt: u64,
    change: FormChange,
}

impl<'a> Form<'a> {
    fn new(scenario: &'a Scenario, salt: u64) -> Self {
        Self {
            scenario,
            salt,
            change: FormChange::None,
        }
    }

    fn changed_once(&mut self) {
        self.change.merge(FormChange::Once);
    }

    fn gesture(&mut self, key: &'static str) {
        self.change.merge(FormChange::Gesture(key));
    }

    fn id(&self, name: &str) -> (String, u64) {
        (name.to_owned(), self.salt)
    }

    fn unit_slider(&mut self, ui: &mut egui::Ui, label: &str, value: &mut f64, key: &'static str) {
        self.slider(ui, label, value, 0.0..=1.0, "0 … 1", key);
    }

    fn slider(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut f64,
        range: std::ops::RangeInclusive<f64>,
        unit: &str,
        key: &'static str,
    ) {
        if let Some(v) = number_ui(ui, label, *value, range, unit) {
            *value = v;
            self.gesture(key);
        }
    }

    fn ticks(&mut self, ui: &mut egui::Ui, label: &str, value: &mut u32, key: &'static str) {
        ui.horizontal(|ui| {
            let name = ui.label(label);
            if ui
                .add(
                    egui::DragValue::new(value)
                        .range(1..=MAX_HORIZON)
                        .suffix(" ticks"),
                )
                .labelled_by(name.id)
                .changed()
            {
                self.gesture(key);
            }
        });
    }

    fn nation(&mut self, ui: &mut egui::Ui, label: &str, value: &mut crate::model::NationId) {
        if let Some(chosen) = nation_combo(ui, label, self.id(label), self.scenario, value) {
            *value = chosen;
            self.changed_once();
        }
    }

    fn nations(&mut self, ui: &mut egui::Ui, label: &str, value: &mut Vec<crate::model::NationId>) {
        ui.strong(label);
        if let Some(chosen) =
            nations_picker_ui(ui, self.scenario, value, &format!("{label} {}", self.salt))
        {
            *value = chosen;
            self.changed_once();
        }
    }

    fn check(&mut self, ui: &mut egui::Ui, label: &str, value: &mut bool) {
        if ui.checkbox(value, label).changed() {
            self.changed_once();
        }
    }

    fn choose<T: Copy + PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        value: &mut T,
        options: &[(T, &str)],
    ) {
        if let Some(chosen) = combo(ui, label, self.id(label), *value, options) {
            *value = chosen;
            self.changed_once();
        }
    }

    /// A drop-down over named ids (treaties, alliances); the current id may be missing.
    fn pick<T: Clone + PartialEq>(
        &mut self,
        ui: &mut egui::Ui,
        label: &str,
        ids: &[(T, String)],
        value: &mut T,
    ) {
        let options: Vec<(usize, &str)> = ids
            .iter()
            .enumerate()
            .map(|(k, (_, name))| (k, name.as_str()))
            .collect();
        let mut current = ids
            .iter()
            .position(|(id, _)| id == value)
            .unwrap_or(usize::MAX);
        self.choose(ui, label, &mut current, &options);
        if let Some((id, _)) = ids.get(current) {
            *value = id.clone();
        }
    }

    fn name(&mut self, ui: &mut egui::Ui, label: &str, value: &mut Text) {
        if let Some(text) = text_ui(ui, label, &value.0) {
            value.0 = text;
            self.gesture("name");
        }
    }
}

/// Draws every field of `action`'s kind and edits it in place; `salt` keeps the widgets of two
/// forms apart.
pub fn action_form_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    action: &mut Action,
    salt: u64,
) -> FormChange {
    let mut form = Form::new(scenario, salt);
    match action {
        Action::Intervention(intervention) => intervention_fields(ui, &mut form, intervention),
        Action::SignTreaty(treaty) => treaty_fields(ui, &mut form, treaty),
        Action::AbrogateTreaty { treaty, by } => {
            form.pick(ui, "Treaty", &treaty_ids(scenario), treaty);
            form.nation(ui, "Abrogated by", by);
        }
        Action::FormAlliance(alliance) => alliance_fields(ui, &mut form, alliance),
        Action::JoinAlliance { alliance, nation } | Action::LeaveAlliance { alliance, nation } => {
            form.pick(ui, "Alliance", &alliance_ids(scenario), alliance);
            form.nation(ui, "Nation", nation);
        }
        Action::LeadershipChange {
            nation,
            leader,
            ideology_shift,
            democracy_shift,
        } => {
            form.nation(ui, "Nation", nation);
            form.name(ui, "New leader", leader);
            form.slider(
                ui,
                "ideology shift",
                ideology_shift,
                -1.0..=1.0,
                "left … right",
                "ideology",
            );
            form.slider(
                ui,
                "democracy shift",
                democracy_shift,
                -1.0..=1.0,
                "",
                "democracy",
            );
        }
        Action::SetAttribute {
            nation,
            attribute,
            value,
            structural,
        } => {
            form.nation(ui, "Nation", nation);
            let options: Vec<(Attribute, &str)> =
                Attribute::ALL.into_iter().map(|a| (a, a.label())).collect();
            form.choose(ui, "Attribute", attribute, &options);
            let (low, high) = attribute.range();
            *value = value.clamp(low, high);
            form.slider(ui, "new value", value, low..=high, "", "value");
            if attribute.has_baseline() {
                form.check(
                    ui,
                    "Also move its long-run baseline (a structural change)",
                    structural,
                );
            }
        }
        Action::SetRelation {
            a,
            b,
            relation,
            trust,
            structural,
        } => {
            form.nation(ui, "Between", a);
            form.nation(ui, "and", b);
            optional_unit(ui, &mut form, "relation", relation, -1.0..=1.0, "relation");
            optional_unit(ui, &mut form, "trust", trust, 0.0..=1.0, "trust");
            form.check(ui, "Also move the values the pair reverts to", structural);
        }
        Action::ChangeDefenceAmbition {
            nation,
            target_share,
        } => {
            form.nation(ui, "Nation", nation);
            form.slider(
                ui,
                "defence share",
                target_share,
                0.0..=0.3,
                "of GDP",
                "share",
            );
        }
    }
    form.change
}

fn optional_unit(
    ui: &mut egui::Ui,
    form: &mut Form,
    label: &'static str,
    value: &mut Option<f64>,
    range: std::ops::RangeInclusive<f64>,
    key: &'static str,
) {
    let mut on = value.is_some();
    form.check(ui, &format!("Set {label}"), &mut on);
    match (on, value.as_mut()) {
        (true, Some(v)) => form.slider(ui, label, v, range, "", key),
        (true, None) => *value = Some(0.0),
        (false, _) => *value = None,
    }
}

fn intervention_fields(ui: &mut egui::Ui, form: &mut Form, x: &mut Intervention) {
    let kinds: Vec<(InterventionKind, &str)> = InterventionKind::ALL
        .into_iter()
        .map(|k| (k, k.label()))
        .collect();
    form.choose(ui, "Kind", &mut x.kind, &kinds);
    form.nations(ui, "Interveners", &mut x.interveners);
    form.nation(ui, "Target", &mut x.target);
    let bases = [
        (LegalBasis::Unsc, "UN Security Council mandate"),
        (LegalBasis::SelfDefence, "self-defence (Art. 51)"),
        (LegalBasis::Regional, "regional organisation"),
        (LegalBasis::NoMandate, "no mandate"),
    ];
    form.choose(ui, "Legal basis", &mut x.legal_basis, &bases);
    form.unit_slider(
        ui,
        "post-conflict planning",
        &mut x.post_conflict_planning,
        "planning",
    );
    form.unit_slider(
        ui,
        "local engagement",
        &mut x.local_engagement,
        "engagement",
    );
    form.slider(
        ui,
        "troops",
        &mut x.troops_per_1000,
        0.0..=40.0,
        "per 1,000 inhabitants",
        "troops",
    );
    form.ticks(ui, "Duration", &mut x.duration, "duration");
    let drawdowns = [(Drawdown::Rapid, "rapid"), (Drawdown::Gradual, "gradual")];
    form.choose(ui, "Drawdown", &mut x.drawdown, &drawdowns);
    let sides = [
        (Side::Government, "the government"),
        (Side::Opposition, "the opposition"),
        (Side::Neutral, "neither (neutral)"),
    ];
    form.choose(ui, "Supports", &mut x.side, &sides);
    form.check(ui, "The host government consents", &mut x.host_consent);
    if x.kind == InterventionKind::PreventiveStrike {
        form.unit_slider(ui, "strike intensity", &mut x.strike_intensity, "intensity");
    }
    if x.kind == InterventionKind::CoalitionOperation {
        form.check(
            ui,
            "The coalition aims at regime change",
            &mut x.regime_change_goal,
        );
    }
}

/// The fields of a treaty (also used for treaties in force from the start).
pub fn treaty_fields_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    treaty: &mut Treaty,
    salt: u64,
) -> FormChange {
    let mut form = Form::new(scenario, salt);
    treaty_fields(ui, &mut form, treaty);
    form.change
}

fn treaty_fields(ui: &mut egui::Ui, form: &mut Form, treaty: &mut Treaty) {
    form.name(ui, "Name", &mut treaty.name);
    let kinds: Vec<(TreatyKind, &str)> = TreatyKind::ALL
        .into_iter()
        .map(|k| (k, k.label()))
        .collect();
    form.choose(ui, "Kind", &mut treaty.kind, &kinds);
    // Only a peacekeeping mandate names who mandates it.
    treaty.authority = (treaty.kind == TreatyKind::PeacekeepingMandate)
        .then_some(treaty.authority.unwrap_or_default());
    let parties = match treaty.kind {
        TreatyKind::ArmsTrade => "Parties (seller first, then buyer)",
        TreatyKind::PeacekeepingMandate => "Host nation",
        _ => "Parties",
    };
    form.nations(ui, parties, &mut treaty.parties);
    form.unit_slider(ui, "strength", &mut treaty.strength, "strength");
    let mut open_ended = treaty.duration.is_none();
    form.check(ui, "open-ended", &mut open_ended);
    match (open_ended, treaty.duration.as_mut()) {
        (true, _) => treaty.duration = None,
        (false, Some(ticks)) => form.ticks(ui, "Duration", ticks, "treaty duration"),
        (false, None) => treaty.duration = Some(40),
    }
    if let Some(authority) = treaty.authority.as_mut() {
        let options = [
            (MandateAuthority::Unsc, "UN Security Council"),
            (MandateAuthority::Regional, "regional organisation"),
        ];
        form.choose(ui, "Mandated by", authority, &options);
    }
}

fn alliance_fields(ui: &mut egui::Ui, form: &mut Form, alliance: &mut Alliance) {
    form.name(ui, "Name", &mut alliance.name);
    form.nations(ui, "Members", &mut alliance.members);
    form.check(
        ui,
        "Collective defence (an attack on one is an attack on all)",
        &mut alliance.collective_defence,
    );
}

/// Every treaty a timeline event can refer to: in force from the start or signed by an event.
fn treaty_ids(scenario: &Scenario) -> Vec<(crate::model::TreatyId, String)> {
    let from_events = scenario.events.iter().filter_map(|e| match &e.action {
        Action::SignTreaty(t) => Some(t),
        _ => None,
    });
    scenario
        .treaties
        .iter()
        .chain(from_events)
        .map(|t| (t.id.clone(), t.name.or_id(t.id.as_str()).to_owned()))
        .collect()
}

/// Every alliance a timeline event can refer to: formed at the start or by an event.
fn alliance_ids(scenario: &Scenario) -> Vec<(crate::model::AllianceId, String)> {
    let from_events = scenario.events.iter().filter_map(|e| match &e.action {
        Action::FormAlliance(a) => Some(a),
        _ => None,
    });
    scenario
        .alliances
        .iter()
        .chain(from_events)
        .map(|a| (a.id.clone(), a.name.or_id(a.id.as_str()).to_owned()))
        .collect()
}
