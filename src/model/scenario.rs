//! The scenario as written in a `.ron` file: format version 1 (see `docs/FORMAT.md`).
//!
//! These types are plain data. Reading enforces size limits and rejects unknown fields;
//! everything else (references, ranges) is checked by [`crate::model::validate`].
//!
//! Length: every type of the file format, in the order docs/FORMAT.md describes them, with the
//! serde attributes that define the format; kept in one file so that the format is read, and
//! changed, in one place (a change here is a format change, `io/migrate.rs`).

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize};

use super::ids::{AllianceId, InterventionId, NationId, RegionId, TreatyId};
use super::limits::{
    MAX_AGREEMENTS, MAX_EVENTS, MAX_NATIONS, MAX_PROXIMITY, MAX_REGIONS, MAX_RELATIONS,
};
use super::params::ParamOverrides;
use super::text::{Text, bounded_map, bounded_seq, short_list};

/// The format version this build of Entente writes.
pub const FORMAT_VERSION: u32 = 1;

/// A whole scenario: the world at tick 0, what happens on the timeline, and how the canvas looks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Version of the file format; read before anything else.
    pub format_version: u32,
    /// Title, description, author, start date and sources.
    pub meta: Meta,
    /// Seed of the random-event generator.
    #[serde(default)]
    pub seed: u64,
    /// Number of ticks (quarters) on the timeline.
    #[serde(default = "default_horizon")]
    pub horizon: u32,
    /// Switches of the model.
    #[serde(default)]
    pub settings: Settings,
    /// Parameter overrides by name; everything else takes the MODEL.md defaults.
    #[serde(default)]
    pub params: ParamOverrides,
    /// Regions; every nation lies in one.
    #[serde(deserialize_with = "regions")]
    pub regions: Vec<Region>,
    /// Proximity between pairs of regions (same region is always 1.0).
    #[serde(default, deserialize_with = "proximity")]
    pub proximity: Vec<Proximity>,
    /// The nations (states).
    #[serde(deserialize_with = "nations")]
    pub nations: Vec<Nation>,
    /// Relations and trust of listed pairs; unlisted pairs start at relation 0, trust 0.5.
    #[serde(default, deserialize_with = "relations")]
    pub relations: Vec<Relation>,
    /// Alliances in force at tick 0.
    #[serde(default, deserialize_with = "alliances")]
    pub alliances: Vec<Alliance>,
    /// Treaties in force at tick 0.
    #[serde(default, deserialize_with = "treaties")]
    pub treaties: Vec<Treaty>,
    /// Scheduled events, in tick order (events of one tick apply in the order of MODEL.md 2.1).
    #[serde(default, deserialize_with = "events")]
    pub events: Vec<Event>,
    /// Where nations sit on the canvas; never affects the simulation.
    #[serde(default)]
    pub layout: Layout,
    /// The classroom exercise, if the scenario is one; never affects the simulation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<super::exercise::Exercise>,
}

fn default_horizon() -> u32 {
    80
}

fn regions<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Region>, D::Error> {
    bounded_seq(d, MAX_REGIONS, "regions")
}
fn proximity<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Proximity>, D::Error> {
    bounded_seq(d, MAX_PROXIMITY, "proximity entries")
}
fn nations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Nation>, D::Error> {
    bounded_seq(d, MAX_NATIONS, "nations")
}
fn relations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Relation>, D::Error> {
    bounded_seq(d, MAX_RELATIONS, "relations")
}
fn alliances<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Alliance>, D::Error> {
    bounded_seq(d, MAX_AGREEMENTS, "alliances")
}
fn treaties<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Treaty>, D::Error> {
    bounded_seq(d, MAX_AGREEMENTS, "treaties")
}
fn events<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Event>, D::Error> {
    bounded_seq(d, MAX_EVENTS, "events")
}
fn positions<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<NationId, (f32, f32)>, D::Error> {
    bounded_map(d, MAX_NATIONS, "canvas positions")
}

/// Descriptive data shown to users; none of it affects the simulation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Scenario title.
    pub title: Text,
    /// A short description for the scenario library and the window.
    #[serde(default)]
    pub description: Text,
    /// Who wrote it.
    #[serde(default)]
    pub author: Text,
    /// Calendar date of tick 0.
    #[serde(default)]
    pub start: StartDate,
    /// Literature or data the scenario draws on.
    #[serde(default, deserialize_with = "short_list")]
    pub sources: Vec<Text>,
}

/// Calendar date of tick 0; one tick is one quarter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartDate {
    /// Year of tick 0.
    pub year: i32,
    /// Quarter of tick 0, 1 to 4.
    pub quarter: u8,
}

impl Default for StartDate {
    fn default() -> Self {
        Self {
            year: 2000,
            quarter: 1,
        }
    }
}

impl StartDate {
    /// The (year, quarter) of a tick, counting one quarter per tick from this date.
    pub fn at_tick(self, tick: u32) -> (i64, u8) {
        let quarters =
            i64::from(self.year) * 4 + i64::from(self.quarter.clamp(1, 4)) - 1 + i64::from(tick);
        (quarters.div_euclid(4), (quarters.rem_euclid(4) + 1) as u8)
    }

    /// A tick as dates are written in goals and forms: "2011 Q3".
    pub fn label(self, tick: u32) -> String {
        let (year, quarter) = self.at_tick(tick);
        format!("{year} Q{quarter}")
    }

    /// The tick of a date written "2011 Q3" (or "2011q3", or a year alone for its first
    /// quarter), or None when it is not a date or lies before tick 0.
    pub fn tick_of(self, text: &str) -> Option<u32> {
        let text = text.trim().to_ascii_uppercase();
        let (year, quarter) = match text.split_once('Q') {
            Some((year, quarter)) => (year.trim(), quarter.trim()),
            None => (text.as_str(), "1"),
        };
        let year: i64 = year.parse().ok()?;
        let quarter: i64 = quarter.parse().ok().filter(|q| (1..=4).contains(q))?;
        let start = i64::from(self.year) * 4 + i64::from(self.quarter.clamp(1, 4)) - 1;
        u32::try_from(year.checked_mul(4)? + quarter - 1 - start).ok()
    }
}

/// Model switches (MODEL.md 2.6).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Calibrate the baseline so a world without actions stands still (MODEL.md 2.11).
    pub calibrate_baseline: bool,
    /// Draw seeded random events (MODEL.md 2.10).
    pub random_events: bool,
    /// Let states leave alliances and abrogate treaties on their own (landscape module).
    pub autonomous_states: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            calibrate_baseline: true,
            random_events: false,
            autonomous_states: false,
        }
    }
}

/// A region: nations in the same region are neighbours (proximity 1).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Id used by nations and proximity entries.
    pub id: RegionId,
    /// Display name.
    #[serde(default)]
    pub name: Text,
}

/// Proximity of two distinct regions, in \[0, 1\]; unlisted pairs are distant (0.2).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proximity(pub RegionId, pub RegionId, pub f64);

/// Proximity of two distinct regions that the scenario does not list.
pub const DEFAULT_PROXIMITY: f64 = 0.2;

/// A nation at tick 0 (MODEL.md 2.3). Missing attributes take the documented defaults.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nation {
    /// Id used everywhere else in the file.
    pub id: NationId,
    /// Display name.
    #[serde(default)]
    pub name: Text,
    /// The region it lies in.
    pub region: RegionId,
    /// Current leadership or ruling coalition (free text).
    #[serde(default)]
    pub leader: Text,
    /// E: economy (GDP index), > 0.
    #[serde(default = "d_economy")]
    pub economy: f64,
    /// x/E: defence effort as a share of the economy.
    #[serde(default = "d_defence_share")]
    pub defence_share: f64,
    /// M: military capability stock, ≥ 0.
    #[serde(default = "d_capability")]
    pub capability: f64,
    /// S: domestic stability in \[0, 1\].
    #[serde(default = "d_stability")]
    pub stability: f64,
    /// L: international legitimacy in \[0, 1\].
    #[serde(default = "d_legitimacy")]
    pub legitimacy: f64,
    /// G: state capacity in \[0, 1\].
    #[serde(default = "d_capacity")]
    pub capacity: f64,
    /// N: strength of non-state armed groups in \[0, 1\].
    #[serde(default = "d_armed_groups")]
    pub armed_groups: f64,
    /// Γ: grievance in \[0, 1\].
    #[serde(default = "d_grievance")]
    pub grievance: f64,
    /// I: ideology / regime orientation in \[−1, 1\].
    #[serde(default)]
    pub ideology: f64,
    /// D: democracy level in \[0, 1\].
    #[serde(default = "d_democracy")]
    pub democracy: f64,
    /// Structural baselines (long-run attractors) that differ from the tick-0 values.
    #[serde(default, skip_serializing_if = "Baselines::is_empty")]
    pub baseline: Baselines,
}

fn d_economy() -> f64 {
    1.0
}
fn d_defence_share() -> f64 {
    0.02
}
fn d_capability() -> f64 {
    1.0
}
fn d_stability() -> f64 {
    0.6
}
fn d_legitimacy() -> f64 {
    0.5
}
fn d_capacity() -> f64 {
    0.6
}
fn d_armed_groups() -> f64 {
    0.03
}
fn d_grievance() -> f64 {
    0.15
}
fn d_democracy() -> f64 {
    0.5
}

impl Nation {
    /// A nation with every attribute at its documented default.
    pub fn new(id: &str, region: &str) -> Self {
        Self {
            id: id.into(),
            name: id.into(),
            region: region.into(),
            leader: Text::default(),
            economy: d_economy(),
            defence_share: d_defence_share(),
            capability: d_capability(),
            stability: d_stability(),
            legitimacy: d_legitimacy(),
            capacity: d_capacity(),
            armed_groups: d_armed_groups(),
            grievance: d_grievance(),
            ideology: 0.0,
            democracy: d_democracy(),
            baseline: Baselines::default(),
        }
    }
}

/// Structural baselines S0, L0, G0, N0, Γ0 where they differ from the tick-0 values
/// (for instance a post-conflict state whose armed groups are far above their long-run level).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Baselines {
    /// S0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stability: Option<f64>,
    /// L0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legitimacy: Option<f64>,
    /// G0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity: Option<f64>,
    /// N0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub armed_groups: Option<f64>,
    /// Γ0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grievance: Option<f64>,
}

impl Baselines {
    /// True when no baseline differs from the tick-0 value.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// Relation and trust of one pair of nations at tick 0 (symmetric).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// One nation.
    pub a: NationId,
    /// The other nation.
    pub b: NationId,
    /// R: hostile (−1) … friendly (+1).
    #[serde(default)]
    pub relation: f64,
    /// T: trust in (0, 1).
    #[serde(default = "d_trust")]
    pub trust: f64,
}

/// Trust of a pair the scenario does not list.
pub const DEFAULT_TRUST: f64 = 0.5;

fn d_trust() -> f64 {
    DEFAULT_TRUST
}

/// An alliance of two or more nations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alliance {
    /// Id used by join/leave events.
    pub id: AllianceId,
    /// Display name.
    #[serde(default)]
    pub name: Text,
    /// Member nations.
    #[serde(deserialize_with = "short_list")]
    pub members: Vec<NationId>,
    /// Whether members are bound to defend each other (deterrence and provocation).
    #[serde(default = "d_true")]
    pub collective_defence: bool,
}

fn d_true() -> bool {
    true
}

/// The seven kinds of treaty (MODEL.md 2.8).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum TreatyKind {
    /// Parties defend each other.
    MutualDefence,
    /// Parties promise not to attack each other.
    NonAggression,
    /// Parties share intelligence (also against armed groups).
    IntelligenceSharing,
    /// Parties train together.
    JointExercises,
    /// The first party sells arms to the second.
    ArmsTrade,
    /// Confidence-building measures: transparency and verification.
    ConfidenceBuilding,
    /// A mandate for peacekeeping in the (single) party.
    PeacekeepingMandate,
}

impl TreatyKind {
    /// The kinds signed between two or more parties (all but the peacekeeping mandate, which
    /// names its host alone).
    pub const BETWEEN_PARTIES: [TreatyKind; 6] = [
        Self::MutualDefence,
        Self::NonAggression,
        Self::IntelligenceSharing,
        Self::JointExercises,
        Self::ArmsTrade,
        Self::ConfidenceBuilding,
    ];

    /// Every kind, in file order.
    pub const ALL: [TreatyKind; 7] = [
        Self::MutualDefence,
        Self::NonAggression,
        Self::IntelligenceSharing,
        Self::JointExercises,
        Self::ArmsTrade,
        Self::ConfidenceBuilding,
        Self::PeacekeepingMandate,
    ];

    /// A plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Self::MutualDefence => "mutual defence",
            Self::NonAggression => "non-aggression",
            Self::IntelligenceSharing => "intelligence sharing",
            Self::JointExercises => "joint exercises",
            Self::ArmsTrade => "arms trade",
            Self::ConfidenceBuilding => "confidence-building measures",
            Self::PeacekeepingMandate => "peacekeeping mandate",
        }
    }
}

/// Who issued a peacekeeping mandate.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MandateAuthority {
    /// The UN Security Council.
    #[default]
    Unsc,
    /// A regional organisation.
    Regional,
}

/// A treaty in force at tick 0, or signed by an event.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treaty {
    /// Id used by abrogation events.
    pub id: TreatyId,
    /// Display name.
    #[serde(default)]
    pub name: Text,
    /// Which of the seven kinds.
    pub kind: TreatyKind,
    /// Parties: two or more; for arms trade exactly two, seller first; for a peacekeeping mandate
    /// exactly one, the host.
    #[serde(deserialize_with = "short_list")]
    pub parties: Vec<NationId>,
    /// σ: strength in (0, 1].
    #[serde(default = "d_strength", skip_serializing_if = "is_default_strength")]
    pub strength: f64,
    /// Ticks in force; `None` means open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// Who mandates a peacekeeping mission (peacekeeping mandates only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<MandateAuthority>,
}

fn d_strength() -> f64 {
    1.0
}

/// The five kinds of military intervention (MODEL.md 2.7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InterventionKind {
    /// Protection of civilians.
    Humanitarian,
    /// Foreign-imposed regime change.
    RegimeChange,
    /// A strike against the target's military capability.
    PreventiveStrike,
    /// Peacekeeping, ideally with the host's consent.
    Peacekeeping,
    /// A multilateral operation, optionally aiming at regime change.
    CoalitionOperation,
}

impl InterventionKind {
    /// Every kind, in file order.
    pub const ALL: [InterventionKind; 5] = [
        Self::Humanitarian,
        Self::RegimeChange,
        Self::PreventiveStrike,
        Self::Peacekeeping,
        Self::CoalitionOperation,
    ];

    /// A plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Humanitarian => "humanitarian intervention",
            Self::RegimeChange => "regime change",
            Self::PreventiveStrike => "preventive strike",
            Self::Peacekeeping => "peacekeeping",
            Self::CoalitionOperation => "coalition operation",
        }
    }
}

/// The legal basis claimed for an intervention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalBasis {
    /// Authorised by the UN Security Council.
    Unsc,
    /// Self-defence under Article 51 of the UN Charter.
    SelfDefence,
    /// Authorised by a regional organisation.
    Regional,
    /// No mandate.
    NoMandate,
}

impl LegalBasis {
    /// How explanations and event descriptions name it ("no UN mandate").
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Unsc => "UN Security Council mandate",
            Self::SelfDefence => "self-defence",
            Self::Regional => "regional mandate",
            Self::NoMandate => "no UN mandate",
        }
    }
}

/// The side an intervention supports in the target.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    /// The target's government.
    Government,
    /// The opposition or rebels.
    Opposition,
    /// Neither.
    #[default]
    Neutral,
}

/// How fast troops leave after the active phase.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub enum Drawdown {
    /// δ = 0.35 per tick.
    Rapid,
    /// δ = 0.1 per tick.
    #[default]
    Gradual,
    /// A chosen δ in (0, 1].
    Rate(f64),
}

impl Drawdown {
    /// δ: the share of remaining presence withdrawn per tick.
    pub fn rate(self) -> f64 {
        match self {
            Self::Rapid => 0.35,
            Self::Gradual => 0.1,
            Self::Rate(rate) => rate,
        }
    }
}

/// A military intervention, placed on the timeline by an event (MODEL.md 2.3, 2.7).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Id used in the ledger and the UI.
    pub id: InterventionId,
    /// Which of the five kinds.
    pub kind: InterventionKind,
    /// J: the intervening nations.
    #[serde(deserialize_with = "short_list")]
    pub interveners: Vec<NationId>,
    /// k: the target nation.
    pub target: NationId,
    /// Legal basis claimed.
    pub legal_basis: LegalBasis,
    /// π: post-conflict planning in \[0, 1\].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub post_conflict_planning: f64,
    /// λ: engagement of local stakeholders in \[0, 1\].
    #[serde(default, skip_serializing_if = "is_zero")]
    pub local_engagement: f64,
    /// Troops per 1,000 inhabitants of the target; force ratio f = this / 20, capped at 1.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub troops_per_1000: f64,
    /// D: ticks of the active phase (≥ 1).
    #[serde(default = "d_duration", skip_serializing_if = "is_default_duration")]
    pub duration: u32,
    /// δ after the active phase.
    #[serde(default, skip_serializing_if = "is_default")]
    pub drawdown: Drawdown,
    /// The side supported in the target.
    #[serde(default, skip_serializing_if = "is_default")]
    pub side: Side,
    /// Whether the host consents (matters most for peacekeeping).
    #[serde(default, skip_serializing_if = "is_default")]
    pub host_consent: bool,
    /// f_strike for preventive strikes, in \[0, 1\].
    #[serde(
        default = "d_strike_intensity",
        skip_serializing_if = "is_default_strike"
    )]
    pub strike_intensity: f64,
    /// Coalition operations only: whether the coalition aims at regime change.
    #[serde(default, skip_serializing_if = "is_default")]
    pub regime_change_goal: bool,
}

// A saved file leaves out what is at its default, as a teacher would write it by hand
// (no `strike_intensity: 1.0` on a humanitarian operation).
fn is_zero(x: &f64) -> bool {
    *x == 0.0
}

fn is_default<T: Default + PartialEq>(x: &T) -> bool {
    *x == T::default()
}

fn is_default_duration(ticks: &u32) -> bool {
    *ticks == d_duration()
}

fn is_default_strength(x: &f64) -> bool {
    *x == d_strength()
}

fn is_default_strike(x: &f64) -> bool {
    *x == d_strike_intensity()
}

fn d_duration() -> u32 {
    8
}
fn d_strike_intensity() -> f64 {
    1.0
}

impl Intervention {
    /// f: force ratio, troops per 1,000 over Quinlivan's 20 per 1,000, capped at 1.
    pub fn force_ratio(&self) -> f64 {
        (self.troops_per_1000 / 20.0).clamp(0.0, 1.0)
    }

    /// m: multilateral when three or more interveners, a UNSC or regional mandate, or a coalition.
    pub fn is_multilateral(&self) -> bool {
        self.interveners.len() >= 3
            || matches!(self.legal_basis, LegalBasis::Unsc | LegalBasis::Regional)
            || self.kind == InterventionKind::CoalitionOperation
    }
}

/// A nation attribute a timeline event may set.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Attribute {
    /// E.
    Economy,
    /// x/E.
    DefenceShare,
    /// M.
    Capability,
    /// S.
    Stability,
    /// L.
    Legitimacy,
    /// G.
    Capacity,
    /// N.
    ArmedGroups,
    /// Γ.
    Grievance,
    /// I.
    Ideology,
    /// D.
    Democracy,
}

impl Attribute {
    /// Every attribute, in file order.
    pub const ALL: [Attribute; 10] = [
        Self::Economy,
        Self::DefenceShare,
        Self::Capability,
        Self::Stability,
        Self::Legitimacy,
        Self::Capacity,
        Self::ArmedGroups,
        Self::Grievance,
        Self::Ideology,
        Self::Democracy,
    ];

    /// Accepted values (inclusive).
    pub fn range(self) -> (f64, f64) {
        match self {
            Self::Economy => (0.001, 1.0e6),
            Self::Capability => (0.0, 1.0e6),
            Self::DefenceShare => (0.0, 1.0),
            Self::Ideology => (-1.0, 1.0),
            _ => (0.0, 1.0),
        }
    }

    /// Whether it has a structural baseline that a `structural: true` edit moves.
    pub fn has_baseline(self) -> bool {
        matches!(
            self,
            Self::Stability
                | Self::Legitimacy
                | Self::Capacity
                | Self::ArmedGroups
                | Self::Grievance
        )
    }

    /// A plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Economy => "economy",
            Self::DefenceShare => "defence share",
            Self::Capability => "military capability",
            Self::Stability => "domestic stability",
            Self::Legitimacy => "legitimacy",
            Self::Capacity => "state capacity",
            Self::ArmedGroups => "armed groups",
            Self::Grievance => "grievance",
            Self::Ideology => "ideology",
            Self::Democracy => "democracy",
        }
    }
}

/// One scheduled event on the timeline.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    /// The tick it takes effect (0 ≤ tick < horizon).
    pub tick: u32,
    /// What happens.
    pub action: Action,
    /// Which event this is while a document is open: the editor numbers events when it opens a
    /// scenario and keeps the number through every edit (a drag changes the tick, not the
    /// handle), so selections and menus follow the event wherever it moves in the list. Not
    /// saved, and not part of what the event is: two events are equal when they do the same
    /// thing at the same tick.
    #[serde(skip)]
    pub handle: EventHandle,
}

impl Event {
    /// `action` at `tick`, not yet numbered by an editor.
    pub fn new(tick: u32, action: Action) -> Self {
        Self {
            tick,
            action,
            handle: EventHandle::NONE,
        }
    }
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.tick == other.tick && self.action == other.action
    }
}

/// The identity of a timeline event in an open document (see [`Event::handle`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventHandle(pub u64);

impl EventHandle {
    /// An event no editor has numbered (loaded from a file, made by a test).
    pub const NONE: EventHandle = EventHandle(0);
}

impl std::fmt::Display for EventHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "event #{}", self.0)
    }
}

/// What a timeline event does (MODEL.md 2.6).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Action {
    /// Start a military intervention.
    Intervention(Intervention),
    /// Sign a new treaty.
    SignTreaty(Treaty),
    /// A party abrogates a treaty.
    AbrogateTreaty {
        /// The treaty.
        treaty: TreatyId,
        /// The party that abrogates it.
        by: NationId,
    },
    /// Form a new alliance.
    FormAlliance(Alliance),
    /// A nation joins an alliance.
    JoinAlliance {
        /// The alliance.
        alliance: AllianceId,
        /// The new member.
        nation: NationId,
    },
    /// A member leaves an alliance.
    LeaveAlliance {
        /// The alliance.
        alliance: AllianceId,
        /// The leaving member.
        nation: NationId,
    },
    /// New leadership or ruling coalition.
    LeadershipChange {
        /// The nation.
        nation: NationId,
        /// Name of the new leadership (free text).
        #[serde(default)]
        leader: Text,
        /// ΔI, shift of ideology.
        #[serde(default)]
        ideology_shift: f64,
        /// ΔD, shift of democracy level.
        #[serde(default)]
        democracy_shift: f64,
    },
    /// Set a nation attribute (one-off, or structural: the long-run baseline too).
    SetAttribute {
        /// The nation.
        nation: NationId,
        /// Which attribute.
        attribute: Attribute,
        /// New value.
        value: f64,
        /// Also move the structural baseline (where the attribute has one).
        #[serde(default)]
        structural: bool,
    },
    /// Set relation and/or trust of a pair.
    SetRelation {
        /// One nation.
        a: NationId,
        /// The other nation.
        b: NationId,
        /// New relation, if it changes.
        #[serde(default)]
        relation: Option<f64>,
        /// New trust, if it changes.
        #[serde(default)]
        trust: Option<f64>,
        /// Also move the structural values the pair reverts to.
        #[serde(default)]
        structural: bool,
    },
    /// Change defence policy: aim for a defence burden (share of the economy).
    ChangeDefenceAmbition {
        /// The nation.
        nation: NationId,
        /// Target defence share, x/E.
        target_share: f64,
    },
}

impl Scenario {
    /// Each nation's position in `nations`, by id: for code that works on indices.
    pub fn nation_positions(&self) -> std::collections::BTreeMap<&NationId, usize> {
        self.nations
            .iter()
            .enumerate()
            .map(|(k, nation)| (&nation.id, k))
            .collect()
    }
}

impl Action {
    /// What a new action of this kind is called ("New defence policy").
    pub fn kind_noun(&self) -> &'static str {
        match self {
            Self::Intervention(_) => "intervention",
            Self::SignTreaty(_) => "treaty",
            Self::AbrogateTreaty { .. } => "treaty abrogation",
            Self::FormAlliance(_) => "alliance",
            Self::JoinAlliance { .. } => "alliance member",
            Self::LeaveAlliance { .. } => "departure from an alliance",
            Self::LeadershipChange { .. } => "leadership change",
            Self::SetAttribute { .. } => "attribute shock",
            Self::SetRelation { .. } => "relation shock",
            Self::ChangeDefenceAmbition { .. } => "defence policy",
        }
    }

    /// A short plain-language name of the kind of action.
    pub fn kind_label(&self) -> &'static str {
        match self {
            Self::Intervention(_) => "intervention",
            Self::SignTreaty(_) => "treaty signed",
            Self::AbrogateTreaty { .. } => "treaty abrogated",
            Self::FormAlliance(_) => "alliance formed",
            Self::JoinAlliance { .. } => "alliance joined",
            Self::LeaveAlliance { .. } => "alliance left",
            Self::LeadershipChange { .. } => "leadership change",
            Self::SetAttribute { .. } => "attribute set",
            Self::SetRelation { .. } => "relation set",
            Self::ChangeDefenceAmbition { .. } => "defence ambition changed",
        }
    }
}

/// Canvas layout: node positions by nation id. Layout, not model.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Layout {
    /// Position of each nation's node in canvas units.
    #[serde(deserialize_with = "positions")]
    pub positions: BTreeMap<NationId, (f32, f32)>,
}
