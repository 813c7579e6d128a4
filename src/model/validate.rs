//! Semantic validation: every problem of a scenario, each with the path where it was found.
//!
//! Validation never stops at the first problem: a teacher fixing a file wants the whole list.
//!
//! Length: one pass over the scenario in the order of the file, one method per section, each
//! rule beside the path it reports; split by section, every rule that spans two sections (an
//! event naming a treaty an earlier event signs) would have to reach across files.

use std::collections::{BTreeMap, BTreeSet};

use super::ids::id_problem;
use super::limits::MAX_HORIZON;
use super::params::PARAM_TABLE;
use super::path::Path;
use super::scenario::{
    Action, Alliance, Drawdown, FORMAT_VERSION, Intervention, InterventionKind, Scenario, Treaty,
    TreatyKind,
};

/// One thing wrong with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub path: Path,
    /// What is wrong, in words a teacher understands.
    pub message: String,
}

/// How a message names a thing: by its name with the id the file uses when they differ
/// (`Hegemon ("H")`), so a teacher in the app and one reading the file both know it; by its id
/// alone when it has no other name.
fn called(name: &super::Text, id: &str) -> String {
    match name.0.trim() {
        "" => format!("\"{id}\""),
        name if name == id => format!("\"{id}\""),
        name => format!("{name} (\"{id}\")"),
    }
}

/// Checks a scenario and returns every problem found, in file order (empty when valid).
pub fn validate(scenario: &Scenario) -> Vec<Problem> {
    let mut check = Checker::new(scenario);
    check.run();
    check.problems
}

struct Checker<'a> {
    scenario: &'a Scenario,
    problems: Vec<Problem>,
    /// Nation ids with their position in the list (pairs are compared by position).
    nations: BTreeMap<&'a str, usize>,
    regions: BTreeSet<&'a str>,
    /// Alliance id → tick it first exists (0 for load).
    alliances: BTreeMap<&'a str, u32>,
    /// Treaty id → (tick signed, parties).
    treaties: BTreeMap<&'a str, (u32, Vec<&'a str>)>,
}

impl<'a> Checker<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        Self {
            scenario,
            problems: Vec::new(),
            nations: BTreeMap::new(),
            regions: BTreeSet::new(),
            alliances: BTreeMap::new(),
            treaties: BTreeMap::new(),
        }
    }

    /// How a message names the nation with `id`: see [`called`].
    fn nation_called(&self, id: &str) -> String {
        match self.scenario.nations.iter().find(|n| n.id.as_str() == id) {
            Some(nation) => called(&nation.name, id),
            None => format!("\"{id}\""),
        }
    }

    fn problem(&mut self, path: Path, message: impl Into<String>) {
        self.problems.push(Problem {
            path,
            message: message.into(),
        });
    }

    /// Checks that `value` is a finite number in `[min, max]`.
    fn number(
        &mut self,
        path: impl FnOnce() -> Path,
        what: impl std::fmt::Display,
        value: f64,
        min: f64,
        max: f64,
    ) {
        if !value.is_finite() {
            self.problem(path(), format!("{what} must be a number, not {value}"));
        } else if value < min || value > max {
            let value = Readable(value);
            self.problem(
                path(),
                format!("{what} is {value}, outside the accepted range {min} to {max}"),
            );
        }
    }

    /// Checks that `value` is a finite number in `(min, max)`, bounds excluded.
    fn open_number(
        &mut self,
        path: impl FnOnce() -> Path,
        what: impl std::fmt::Display,
        value: f64,
        min: f64,
        max: f64,
    ) {
        if !value.is_finite() || value <= min || value >= max {
            let value = Readable(value);
            self.problem(
                path(),
                format!("{what} is {value}; it must lie strictly between {min} and {max}"),
            );
        }
    }

    fn id(&mut self, path: impl FnOnce() -> Path, text: &str) {
        if let Some(message) = id_problem(text) {
            self.problem(path(), message);
        }
    }

    /// The position of the nation `id` names; reports a name that does not exist.
    fn nation_ref(&mut self, path: impl FnOnce() -> Path, id: &str, whose: &str) -> Option<usize> {
        let found = self.nations.get(id).copied();
        if found.is_none() {
            self.problem(
                path(),
                format!("{whose} names nation \"{id}\", which does not exist"),
            );
        }
        found
    }

    fn run(&mut self) {
        let s = self.scenario;
        let root = Path::root();
        if s.format_version != FORMAT_VERSION {
            self.problem(
                root.field("format_version"),
                format!(
                    "format_version is {}, but this scenario's fields are those of version {FORMAT_VERSION}",
                    s.format_version
                ),
            );
        }
        self.meta();
        if s.horizon == 0 || s.horizon > MAX_HORIZON {
            self.problem(
                root.field("horizon"),
                format!(
                    "horizon is {} ticks; it must be between 1 and {MAX_HORIZON}",
                    s.horizon
                ),
            );
        }
        for (name, value) in s.params.set_values() {
            if let Some(info) = PARAM_TABLE.iter().find(|info| info.name == name) {
                self.number(
                    || root.field("params").field(info.name),
                    format_args!("parameter {name} ({})", info.symbol),
                    value,
                    info.min,
                    info.max,
                );
            }
        }
        self.regions();
        self.nations();
        self.relations();
        self.agreements_at_load();
        self.events();
        self.layout();
        let alliances = &self.alliances;
        let exercise = super::exercise::check(s, &|id| alliances.contains_key(id));
        self.problems.extend(exercise);
    }

    fn meta(&mut self) {
        let meta = &self.scenario.meta;
        let path = Path::root().field("meta");
        if meta.title.0.trim().is_empty() {
            self.problem(path.field("title"), "the scenario needs a title");
        }
        if !(1..=4).contains(&meta.start.quarter) {
            self.problem(
                path.field("start").field("quarter"),
                format!("quarter is {}; it must be 1, 2, 3 or 4", meta.start.quarter),
            );
        }
        if !(-9999..=9999).contains(&meta.start.year) {
            self.problem(
                path.field("start").field("year"),
                format!(
                    "year is {}; it must be between -9999 and 9999",
                    meta.start.year
                ),
            );
        }
    }

    fn regions(&mut self) {
        let s = self.scenario;
        let path = Path::root().field("regions");
        if s.regions.is_empty() {
            self.problem(path.clone(), "a scenario needs at least one region");
        }
        for (i, region) in s.regions.iter().enumerate() {
            let at = path.index(i).field("id");
            self.id(|| at.clone(), region.id.as_str());
            if !self.regions.insert(region.id.as_str()) {
                self.problem(at, format!("region \"{}\" is defined twice", region.id));
            }
        }
        let mut pairs = BTreeSet::new();
        for (i, entry) in s.proximity.iter().enumerate() {
            let at = Path::root().field("proximity").index(i);
            for (side, id) in [&entry.0, &entry.1].into_iter().enumerate() {
                if !self.regions.contains(id.as_str()) {
                    self.problem(
                        at.index(side),
                        format!("proximity names region \"{id}\", which does not exist"),
                    );
                }
            }
            if entry.0 == entry.1 {
                self.problem(
                    at.index(1),
                    format!(
                        "proximity of region \"{}\" to itself is always 1 and cannot be set",
                        entry.0
                    ),
                );
            }
            let key = ordered(entry.0.as_str(), entry.1.as_str());
            if !pairs.insert(key) {
                self.problem(
                    at.clone(),
                    format!(
                        "proximity of \"{}\" and \"{}\" is given twice",
                        entry.0, entry.1
                    ),
                );
            }
            self.number(|| at.index(2), "proximity", entry.2, 0.0, 1.0);
        }
    }

    fn nations(&mut self) {
        let s = self.scenario;
        let path = Path::root().field("nations");
        if s.nations.is_empty() {
            self.problem(path.clone(), "a scenario needs at least one nation");
        }
        for (i, nation) in s.nations.iter().enumerate() {
            let at = || path.index(i);
            self.id(|| at().field("id"), nation.id.as_str());
            if self.nations.insert(nation.id.as_str(), i).is_some() {
                self.problem(
                    at().field("id"),
                    format!("nation \"{}\" is defined twice", nation.id),
                );
            }
            if !self.regions.contains(nation.region.as_str()) {
                self.problem(
                    at().field("region"),
                    format!(
                        "nation \"{}\" lies in region \"{}\", which does not exist",
                        nation.id, nation.region
                    ),
                );
            }
            let who = called(&nation.name, nation.id.as_str());
            self.number(
                || at().field("economy"),
                format_args!("economy of {who}"),
                nation.economy,
                0.001,
                1.0e6,
            );
            self.number(
                || at().field("defence_share"),
                format_args!("defence share of {who}"),
                nation.defence_share,
                0.0,
                1.0,
            );
            self.number(
                || at().field("capability"),
                format_args!("capability of {who}"),
                nation.capability,
                0.0,
                1.0e6,
            );
            let unit = [
                ("stability", nation.stability),
                ("legitimacy", nation.legitimacy),
                ("capacity", nation.capacity),
                ("armed_groups", nation.armed_groups),
                ("grievance", nation.grievance),
                ("democracy", nation.democracy),
            ];
            for (field, value) in unit {
                self.number(
                    || at().field(field),
                    format_args!("{} of {who}", field.replace('_', " ")),
                    value,
                    0.0,
                    1.0,
                );
            }
            self.number(
                || at().field("ideology"),
                format_args!("ideology of {who}"),
                nation.ideology,
                -1.0,
                1.0,
            );
            let b = &nation.baseline;
            let baselines = [
                ("stability", b.stability),
                ("legitimacy", b.legitimacy),
                ("capacity", b.capacity),
                ("armed_groups", b.armed_groups),
                ("grievance", b.grievance),
            ];
            for (field, value) in baselines {
                if let Some(value) = value {
                    self.number(
                        || at().field("baseline").field(field),
                        format_args!("baseline {} of {who}", field.replace('_', " ")),
                        value,
                        0.0,
                        1.0,
                    );
                }
            }
        }
    }

    fn relations(&mut self) {
        // Pairs of known nations by position (integer comparisons for tens of thousands of
        // relations); a pair naming an unknown nation is reported as such already.
        let mut pairs = BTreeSet::new();
        for (i, relation) in self.scenario.relations.iter().enumerate() {
            let at = || Path::root().field("relations").index(i);
            let a = self.nation_ref(|| at().field("a"), relation.a.as_str(), "a relation");
            let b = self.nation_ref(|| at().field("b"), relation.b.as_str(), "a relation");
            let known_pair = a.zip(b).map(|(a, b)| (a.min(b), a.max(b)));
            if relation.a == relation.b {
                let who = self.nation_called(relation.a.as_str());
                self.problem(
                    at().field("b"),
                    format!("a relation joins {who} to itself; relations are between two nations"),
                );
            } else if known_pair.is_some_and(|pair| !pairs.insert(pair)) {
                let (a, b) = (
                    self.nation_called(relation.a.as_str()),
                    self.nation_called(relation.b.as_str()),
                );
                self.problem(at(), format!("the relation of {a} and {b} is listed twice"));
            }
            self.number(
                || at().field("relation"),
                "relation",
                relation.relation,
                -1.0,
                1.0,
            );
            self.open_number(|| at().field("trust"), "trust", relation.trust, 0.0, 1.0);
        }
    }

    fn agreements_at_load(&mut self) {
        let s = self.scenario;
        for (i, alliance) in s.alliances.iter().enumerate() {
            self.alliance(Path::root().field("alliances").index(i), alliance, 0);
        }
        for (i, treaty) in s.treaties.iter().enumerate() {
            self.treaty(Path::root().field("treaties").index(i), treaty, 0);
        }
    }

    fn alliance(&mut self, at: Path, alliance: &'a Alliance, tick: u32) {
        self.id(|| at.field("id"), alliance.id.as_str());
        if self.alliances.insert(alliance.id.as_str(), tick).is_some() {
            self.problem(
                at.field("id"),
                format!("alliance \"{}\" is defined twice", alliance.id),
            );
        }
        let mut members = BTreeSet::new();
        for (j, member) in alliance.members.iter().enumerate() {
            let whose = format!("alliance {}", called(&alliance.name, alliance.id.as_str()));
            self.nation_ref(|| at.field("members").index(j), member.as_str(), &whose);
            if !members.insert(member.as_str()) {
                let who = self.nation_called(member.as_str());
                self.problem(
                    at.field("members").index(j),
                    format!("{who} is listed twice in {whose}"),
                );
            }
        }
        if members.len() < 2 {
            self.problem(
                at.field("members"),
                format!(
                    "alliance \"{}\" has {} member(s); an alliance needs at least two",
                    alliance.id,
                    members.len()
                ),
            );
        }
    }

    fn treaty(&mut self, at: Path, treaty: &'a Treaty, tick: u32) {
        self.id(|| at.field("id"), treaty.id.as_str());
        let parties: Vec<&str> = treaty.parties.iter().map(|p| p.as_str()).collect();
        if self
            .treaties
            .insert(treaty.id.as_str(), (tick, parties))
            .is_some()
        {
            self.problem(
                at.field("id"),
                format!("treaty \"{}\" is defined twice", treaty.id),
            );
        }
        let mut parties = BTreeSet::new();
        for (j, party) in treaty.parties.iter().enumerate() {
            let whose = format!("treaty {}", called(&treaty.name, treaty.id.as_str()));
            self.nation_ref(|| at.field("parties").index(j), party.as_str(), &whose);
            if !parties.insert(party.as_str()) {
                let who = self.nation_called(party.as_str());
                self.problem(
                    at.field("parties").index(j),
                    format!("{who} is listed twice in {whose}"),
                );
            }
        }
        let needed = match treaty.kind {
            TreatyKind::PeacekeepingMandate => Some((1, "exactly one party: the host nation")),
            TreatyKind::ArmsTrade => Some((2, "exactly two parties: seller, then buyer")),
            _ => None,
        };
        match needed {
            Some((count, rule)) if treaty.parties.len() != count => self.problem(
                at.field("parties"),
                format!(
                    "treaty \"{}\" ({}) has {} parties; it needs {rule}",
                    treaty.id,
                    treaty.kind.label(),
                    treaty.parties.len()
                ),
            ),
            None if parties.len() < 2 => self.problem(
                at.field("parties"),
                format!(
                    "treaty \"{}\" has {} distinct part(ies); a {} treaty needs at least two",
                    treaty.id,
                    parties.len(),
                    treaty.kind.label()
                ),
            ),
            _ => {}
        }
        if !treaty.strength.is_finite() || treaty.strength <= 0.0 || treaty.strength > 1.0 {
            self.problem(
                at.field("strength"),
                format!(
                    "strength is {}; it must be above 0 and at most 1",
                    treaty.strength
                ),
            );
        }
        if treaty.duration == Some(0) {
            self.problem(
                at.field("duration"),
                "duration is 0 ticks; use at least 1, or None for an open-ended treaty",
            );
        }
        if treaty.authority.is_some() && treaty.kind != TreatyKind::PeacekeepingMandate {
            self.problem(
                at.field("authority"),
                format!(
                    "only peacekeeping mandates have an authority; treaty \"{}\" is {}",
                    treaty.id,
                    treaty.kind.label()
                ),
            );
        }
    }

    fn events(&mut self) {
        let s = self.scenario;
        // Objects created by events are registered in tick order, so a reference to an alliance
        // formed later on the timeline is caught; within a tick, file order decides.
        let mut order: Vec<usize> = (0..s.events.len()).collect();
        order.sort_by_key(|&i| s.events[i].tick);
        let mut interventions = BTreeSet::new();
        for i in order {
            let event = &s.events[i];
            let at = Path::root().field("events").index(i);
            if event.tick >= s.horizon {
                self.problem(
                    at.field("tick"),
                    format!(
                        "this event is at tick {}, but the horizon ends at tick {}",
                        event.tick,
                        s.horizon.saturating_sub(1)
                    ),
                );
            }
            let act = at.field("action");
            match &event.action {
                Action::Intervention(intervention) => {
                    if !interventions.insert(intervention.id.as_str()) {
                        self.problem(
                            act.field("id"),
                            format!("intervention \"{}\" is defined twice", intervention.id),
                        );
                    }
                    self.intervention(act, intervention);
                }
                Action::SignTreaty(treaty) => self.treaty(act, treaty, event.tick),
                Action::AbrogateTreaty { treaty, by } => {
                    self.nation_ref(|| act.field("by"), by.as_str(), "an abrogation");
                    match self.treaties.get(treaty.as_str()) {
                        None => self.problem(
                            act.field("treaty"),
                            format!(
                                "treaty \"{treaty}\" is abrogated at tick {}, but no treaty with that id exists by then",
                                event.tick
                            ),
                        ),
                        Some((_, parties)) if !parties.contains(&by.as_str()) => self.problem(
                            act.field("by"),
                            format!("\"{by}\" is not a party to treaty \"{treaty}\""),
                        ),
                        Some(_) => {}
                    }
                }
                Action::FormAlliance(alliance) => self.alliance(act, alliance, event.tick),
                Action::JoinAlliance { alliance, nation }
                | Action::LeaveAlliance { alliance, nation } => {
                    self.nation_ref(|| act.field("nation"), nation.as_str(), "this event");
                    if !self.alliances.contains_key(alliance.as_str()) {
                        self.problem(
                            act.field("alliance"),
                            format!(
                                "alliance \"{alliance}\" is named at tick {}, but no alliance with that id exists by then",
                                event.tick
                            ),
                        );
                    }
                }
                Action::LeadershipChange {
                    nation,
                    ideology_shift,
                    democracy_shift,
                    ..
                } => {
                    self.nation_ref(
                        || act.field("nation"),
                        nation.as_str(),
                        "a leadership change",
                    );
                    self.number(
                        || act.field("ideology_shift"),
                        "ideology shift",
                        *ideology_shift,
                        -2.0,
                        2.0,
                    );
                    self.number(
                        || act.field("democracy_shift"),
                        "democracy shift",
                        *democracy_shift,
                        -1.0,
                        1.0,
                    );
                }
                Action::SetAttribute {
                    nation,
                    attribute,
                    value,
                    structural,
                } => {
                    self.nation_ref(|| act.field("nation"), nation.as_str(), "an attribute edit");
                    let (min, max) = attribute.range();
                    self.number(|| act.field("value"), attribute.label(), *value, min, max);
                    if *structural && !attribute.has_baseline() {
                        self.problem(
                            act.field("structural"),
                            format!(
                                "{} has no structural baseline; only stability, legitimacy, capacity, armed groups and grievance do",
                                attribute.label()
                            ),
                        );
                    }
                }
                Action::SetRelation {
                    a,
                    b,
                    relation,
                    trust,
                    ..
                } => {
                    self.nation_ref(|| act.field("a"), a.as_str(), "a relation edit");
                    self.nation_ref(|| act.field("b"), b.as_str(), "a relation edit");
                    if a == b {
                        self.problem(
                            act.field("b"),
                            format!("a relation edit joins \"{a}\" to itself"),
                        );
                    }
                    if relation.is_none() && trust.is_none() {
                        self.problem(
                            act.clone(),
                            "a relation edit must set relation, trust or both",
                        );
                    }
                    if let Some(relation) = relation {
                        self.number(|| act.field("relation"), "relation", *relation, -1.0, 1.0);
                    }
                    if let Some(trust) = trust {
                        self.open_number(|| act.field("trust"), "trust", *trust, 0.0, 1.0);
                    }
                }
                Action::ChangeDefenceAmbition {
                    nation,
                    target_share,
                } => {
                    self.nation_ref(|| act.field("nation"), nation.as_str(), "a defence policy");
                    let cap = s
                        .params
                        .effort_cap_share
                        .unwrap_or(crate::model::Params::default().effort_cap_share);
                    self.number(
                        || act.field("target_share"),
                        "target defence share",
                        *target_share,
                        0.0,
                        cap,
                    );
                }
            }
        }
    }

    fn intervention(&mut self, at: Path, intervention: &Intervention) {
        let id = &intervention.id;
        self.id(|| at.field("id"), id.as_str());
        let whose = format!("intervention \"{id}\"");
        if intervention.interveners.is_empty() {
            self.problem(
                at.field("interveners"),
                format!("{whose} has no intervening nation"),
            );
        }
        let mut seen = BTreeSet::new();
        for (j, nation) in intervention.interveners.iter().enumerate() {
            let path = at.field("interveners").index(j);
            self.nation_ref(|| path.clone(), nation.as_str(), &whose);
            if !seen.insert(nation.as_str()) {
                self.problem(
                    path.clone(),
                    format!("\"{nation}\" is listed twice in {whose}"),
                );
            }
            if *nation == intervention.target {
                self.problem(
                    path,
                    format!("in {whose}, \"{nation}\" intervenes in itself"),
                );
            }
        }
        self.nation_ref(|| at.field("target"), intervention.target.as_str(), &whose);
        self.number(
            || at.field("post_conflict_planning"),
            "post-conflict planning",
            intervention.post_conflict_planning,
            0.0,
            1.0,
        );
        self.number(
            || at.field("local_engagement"),
            "local engagement",
            intervention.local_engagement,
            0.0,
            1.0,
        );
        self.number(
            || at.field("troops_per_1000"),
            "troops per 1,000 inhabitants",
            intervention.troops_per_1000,
            0.0,
            1000.0,
        );
        self.number(
            || at.field("strike_intensity"),
            "strike intensity",
            intervention.strike_intensity,
            0.0,
            1.0,
        );
        if intervention.duration == 0 {
            self.problem(
                at.field("duration"),
                "duration is 0 ticks; an intervention lasts at least 1 tick",
            );
        }
        if let Drawdown::Rate(rate) = intervention.drawdown
            && (!rate.is_finite() || rate <= 0.0 || rate > 1.0)
        {
            self.problem(
                at.field("drawdown"),
                format!("drawdown rate is {rate}; it must be above 0 and at most 1"),
            );
        }
        if intervention.regime_change_goal
            && intervention.kind != InterventionKind::CoalitionOperation
        {
            self.problem(
                at.field("regime_change_goal"),
                format!(
                    "regime_change_goal applies to coalition operations only; {whose} is a {}",
                    intervention.kind.label()
                ),
            );
        }
    }

    fn layout(&mut self) {
        for (id, (x, y)) in &self.scenario.layout.positions {
            let at = Path::root()
                .field("layout")
                .field("positions")
                .key(id.as_str());
            if !self.nations.contains_key(id.as_str()) {
                self.problem(
                    at.clone(),
                    format!("the layout places nation \"{id}\", which does not exist"),
                );
            }
            if !x.is_finite() || !y.is_finite() || x.abs() > 1.0e7 || y.abs() > 1.0e7 {
                self.problem(
                    at,
                    format!("the position of \"{id}\" is ({x}, {y}); it must be finite and within ±10,000,000"),
                );
            }
        }
    }
}

fn ordered<'s>(a: &'s str, b: &'s str) -> (&'s str, &'s str) {
    if a <= b { (a, b) } else { (b, a) }
}

/// A number as a message shows it: plainly at everyday sizes, in scientific notation when it is
/// huge or tiny (a hostile `1e308` should not fill a screen with digits).
struct Readable(f64);

impl std::fmt::Display for Readable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let magnitude = self.0.abs();
        if self.0 != 0.0 && !(1e-4..1e9).contains(&magnitude) {
            write!(f, "{:e}", self.0)
        } else {
            write!(f, "{}", self.0)
        }
    }
}
