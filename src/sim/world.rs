//! The static structure of a run: what a scenario becomes once its ids are resolved to indices.
//! Nothing here changes while the simulation runs; the changing part is [`super::state::State`].

use std::collections::BTreeMap;

use crate::model::{
    self, Action, AllianceId, Attribute, Drawdown, InterventionId, InterventionKind, LegalBasis,
    MandateAuthority, NationId, Params, Problem, RegionId, Scenario, Settings, Side, StartDate,
    Text, TreatyId, TreatyKind,
};

use super::ids::{AllianceIx, EventIx, InterventionIx, NationIx, RegionIx, TreatyIx, to_u32};
use super::reference::Calibration;

/// A nation's fixed facts.
#[derive(Clone, Debug, PartialEq)]
pub struct NationInfo {
    /// Its id in the scenario.
    pub id: NationId,
    /// Display name.
    pub name: Text,
    /// Its region.
    pub region: RegionIx,
}

/// `shown_name()` for the kinds of thing a scenario may leave unnamed.
macro_rules! shown_name {
    ($($kind:ty),*) => {$(
        impl $kind {
            /// The name to show: its display name, or its id where the scenario gives none (a
            /// teacher's hand-written file may leave names out).
            pub fn shown_name(&self) -> &str {
                self.name.or_id(self.id.as_str())
            }
        }
    )*};
}

shown_name!(NationInfo, AllianceInfo, TreatyInfo, RegionInfo);

/// A region's fixed facts.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionInfo {
    /// Its id in the scenario.
    pub id: RegionId,
    /// Display name.
    pub name: Text,
    /// Its nations, in index order.
    pub members: Vec<NationIx>,
}

/// An alliance that exists at load or is formed by an event.
#[derive(Clone, Debug, PartialEq)]
pub struct AllianceInfo {
    /// Its id in the scenario.
    pub id: AllianceId,
    /// Display name.
    pub name: Text,
    /// Founding members.
    pub founders: Vec<NationIx>,
    /// Collective-defence flag cd_a.
    pub collective_defence: bool,
    /// The event that forms it; `None` if it exists at load.
    pub formed_by: Option<EventIx>,
}

/// A treaty in force at load or signed by an event.
#[derive(Clone, Debug, PartialEq)]
pub struct TreatyInfo {
    /// Its id in the scenario.
    pub id: TreatyId,
    /// Display name.
    pub name: Text,
    /// Kind.
    pub kind: TreatyKind,
    /// Parties (arms trade: seller, buyer; peacekeeping mandate: host).
    pub parties: Vec<NationIx>,
    /// σ.
    pub strength: f64,
    /// Ticks in force, `None` for open-ended.
    pub duration: Option<u32>,
    /// Mandating authority (peacekeeping mandates only).
    pub authority: Option<MandateAuthority>,
    /// The event that signs it; `None` if in force at load.
    pub signed_by: Option<EventIx>,
}

/// An intervention placed by an event, with its derived constants.
#[derive(Clone, Debug, PartialEq)]
pub struct InterventionInfo {
    /// Its id in the scenario.
    pub id: InterventionId,
    /// Kind.
    pub kind: InterventionKind,
    /// J.
    pub interveners: Vec<NationIx>,
    /// k.
    pub target: NationIx,
    /// Legal basis.
    pub legal_basis: LegalBasis,
    /// π.
    pub planning: f64,
    /// λ.
    pub engagement: f64,
    /// f = troops per 1,000 / 20, capped at 1.
    pub force_ratio: f64,
    /// D, ticks of the active phase.
    pub duration: u32,
    /// δ after the active phase.
    pub drawdown: f64,
    /// Side supported.
    pub side: Side,
    /// Host consent.
    pub consent: bool,
    /// f_strike.
    pub strike_intensity: f64,
    /// Coalition aiming at regime change.
    pub regime_change_goal: bool,
    /// m.
    pub multilateral: bool,
    /// t0.
    pub start: u32,
    /// The event that places it.
    pub event: EventIx,
}

/// A timeline event's action with its ids resolved to indices into the world: what the step
/// applies (the scenario's `Action` names things by id).
#[derive(Clone, Debug, PartialEq)]
pub enum ResolvedAction {
    /// Start an intervention.
    StartIntervention(InterventionIx),
    /// Sign a treaty.
    SignTreaty(TreatyIx),
    /// A party abrogates a treaty.
    AbrogateTreaty {
        /// The treaty.
        treaty: TreatyIx,
        /// Who abrogates it.
        by: NationIx,
    },
    /// Form an alliance.
    FormAlliance(AllianceIx),
    /// Join an alliance.
    JoinAlliance {
        /// The alliance.
        alliance: AllianceIx,
        /// The new member.
        nation: NationIx,
    },
    /// Leave an alliance.
    LeaveAlliance {
        /// The alliance.
        alliance: AllianceIx,
        /// The leaving member.
        nation: NationIx,
    },
    /// New leadership.
    LeadershipChange {
        /// The nation.
        nation: NationIx,
        /// Name of the new leadership.
        leader: Text,
        /// ΔI.
        ideology_shift: f64,
        /// ΔD.
        democracy_shift: f64,
    },
    /// Set an attribute.
    SetAttribute {
        /// The nation.
        nation: NationIx,
        /// The attribute.
        attribute: Attribute,
        /// New value.
        value: f64,
        /// Also move the baseline.
        structural: bool,
    },
    /// Set relation and/or trust.
    SetRelation {
        /// One nation (smaller index).
        a: NationIx,
        /// The other nation.
        b: NationIx,
        /// New relation.
        relation: Option<f64>,
        /// New trust.
        trust: Option<f64>,
        /// Also move the structural values.
        structural: bool,
    },
    /// New target defence share.
    ChangeDefenceAmbition {
        /// The nation.
        nation: NationIx,
        /// Target x/E.
        target_share: f64,
    },
}

impl ResolvedAction {
    /// Position within a tick, in the order of MODEL.md 2.1 step 1.
    fn phase(&self) -> u8 {
        match self {
            Self::LeadershipChange { .. } => 0,
            Self::SignTreaty(_) | Self::AbrogateTreaty { .. } => 1,
            Self::FormAlliance(_) | Self::JoinAlliance { .. } | Self::LeaveAlliance { .. } => 2,
            Self::StartIntervention(_) => 3,
            Self::SetAttribute { .. }
            | Self::SetRelation { .. }
            | Self::ChangeDefenceAmbition { .. } => 4,
        }
    }
}

/// A scheduled event of the run.
#[derive(Clone, Debug, PartialEq)]
pub struct ScheduledEvent {
    /// Tick at which it applies (during the step from `tick` to `tick + 1`).
    pub tick: u32,
    /// What it does.
    pub action: ResolvedAction,
    /// Its position in the scenario's event list (for messages and the ledger).
    pub source: usize,
    /// The scenario event's handle, by which an editor knows it (see `model::Event::handle`).
    pub handle: crate::model::EventHandle,
}

/// Everything fixed about a run.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    /// Parameters with the scenario's overrides.
    pub params: Params,
    /// Model switches.
    pub settings: Settings,
    /// Seed of the random events.
    pub seed: u64,
    /// Ticks on the timeline.
    pub horizon: u32,
    /// Calendar date of tick 0.
    pub start: StartDate,
    /// Nations by index.
    pub nations: Vec<NationInfo>,
    /// Regions by index.
    pub regions: Vec<RegionInfo>,
    /// Region × region proximity, row-major.
    proximity: Vec<f64>,
    /// Alliances by index.
    pub alliances: Vec<AllianceInfo>,
    /// Treaties by index.
    pub treaties: Vec<TreatyInfo>,
    /// Interventions by index.
    pub interventions: Vec<InterventionInfo>,
    /// Per nation, the interventions that target it, in index order.
    interventions_on: Vec<Vec<InterventionIx>>,
    /// Events sorted by tick, then by the phase of MODEL.md 2.1, then by file order.
    pub events: Vec<ScheduledEvent>,
    /// Nation index by id.
    nation_lookup: BTreeMap<NationId, NationIx>,
    /// Load-time reference values (MODEL.md 2.11), set when the run starts.
    pub calibration: Calibration,
}

/// Why a scenario cannot be turned into a run.
#[derive(Debug, thiserror::Error)]
#[error("the scenario has {} problem(s); the first: {}: {}", .0.len(), .0[0].path, .0[0].message)]
pub struct InvalidScenario(pub Vec<Problem>);

impl World {
    /// Resolves a scenario into a world. The scenario is validated first; an invalid one is refused
    /// with all its problems.
    pub fn build(scenario: &Scenario) -> Result<World, InvalidScenario> {
        let problems = model::validate(scenario);
        if !problems.is_empty() {
            return Err(InvalidScenario(problems));
        }
        Ok(Builder::new(scenario).build())
    }

    /// Whether a run of `self` starts from the same tick-0 state and calibration as a run of
    /// `other`: the two may differ only in when their events happen and which event does what,
    /// not in what exists. Everything the start of a run reads is compared: the nations,
    /// regions, parameters, settings and seed, and every alliance, treaty and intervention
    /// (those made by events are pending at load, so only whether an event makes them counts,
    /// and an intervention's start tick not at all). A moved event keeps the calibration; an
    /// event that adds or removes an object, or any edit of the world itself, does not.
    pub fn same_load(&self, other: &World) -> bool {
        let alliance = |a: &AllianceInfo, b: &AllianceInfo| {
            a.formed_by.is_some() == b.formed_by.is_some()
                && AllianceInfo {
                    formed_by: b.formed_by,
                    ..a.clone()
                } == *b
        };
        let treaty = |a: &TreatyInfo, b: &TreatyInfo| {
            a.signed_by.is_some() == b.signed_by.is_some()
                && TreatyInfo {
                    signed_by: b.signed_by,
                    ..a.clone()
                } == *b
        };
        let intervention = |a: &InterventionInfo, b: &InterventionInfo| {
            InterventionInfo {
                start: b.start,
                event: b.event,
                ..a.clone()
            } == *b
        };
        fn all<T>(a: &[T], b: &[T], same: impl Fn(&T, &T) -> bool) -> bool {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        self.params == other.params
            && self.settings == other.settings
            && self.seed == other.seed
            && self.horizon == other.horizon
            && self.start == other.start
            && self.nations == other.nations
            && self.regions == other.regions
            && self.proximity == other.proximity
            && self.interventions_on == other.interventions_on
            && self.nation_lookup == other.nation_lookup
            && all(&self.alliances, &other.alliances, alliance)
            && all(&self.treaties, &other.treaties, treaty)
            && all(&self.interventions, &other.interventions, intervention)
    }

    /// prox_ij: 1 within a region, the scenario's value between regions (0.2 if unlisted).
    pub fn proximity(&self, a: NationIx, b: NationIx) -> f64 {
        let ra = self.nations[a.ix()].region.ix();
        let rb = self.nations[b.ix()].region.ix();
        self.proximity[ra * self.regions.len() + rb]
    }

    /// Number of nations.
    pub fn nation_count(&self) -> usize {
        self.nations.len()
    }

    /// The index of a nation by id.
    pub fn nation(&self, id: &str) -> Option<NationIx> {
        self.nation_lookup.get(id).copied()
    }

    /// The index of a region by id.
    pub fn region(&self, id: &str) -> Option<RegionIx> {
        self.regions
            .iter()
            .position(|r| r.id.as_str() == id)
            .map(|i| RegionIx(to_u32(i)))
    }

    /// The events that apply at `tick`, in application order.
    pub fn events_at(&self, tick: u32) -> &[ScheduledEvent] {
        let start = self.events.partition_point(|e| e.tick < tick);
        let end = self.events.partition_point(|e| e.tick <= tick);
        &self.events[start..end]
    }

    /// The interventions that target `nation`, in index order.
    pub fn interventions_on(&self, nation: NationIx) -> &[InterventionIx] {
        &self.interventions_on[nation.ix()]
    }

    /// All nation indices in order.
    pub fn nation_indices(&self) -> impl Iterator<Item = NationIx> + use<> {
        (0..to_u32(self.nations.len())).map(NationIx)
    }
}

struct Builder<'a> {
    scenario: &'a Scenario,
    world: World,
}

impl<'a> Builder<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        let regions: Vec<RegionInfo> = scenario
            .regions
            .iter()
            .map(|r| RegionInfo {
                id: r.id.clone(),
                name: r.name.clone(),
                members: Vec::new(),
            })
            .collect();
        let n_regions = regions.len();
        let mut world = World {
            params: Params::with_overrides(&scenario.params),
            settings: scenario.settings,
            seed: scenario.seed,
            horizon: scenario.horizon,
            start: scenario.meta.start,
            nations: Vec::new(),
            regions,
            proximity: vec![model::DEFAULT_PROXIMITY; n_regions * n_regions],
            alliances: Vec::new(),
            treaties: Vec::new(),
            interventions: Vec::new(),
            interventions_on: Vec::new(),
            events: Vec::new(),
            nation_lookup: BTreeMap::new(),
            calibration: Calibration::default(),
        };
        for r in 0..n_regions {
            world.proximity[r * n_regions + r] = 1.0;
        }
        Self { scenario, world }
    }

    // Validation has run, so every lookup below succeeds; the fallbacks only keep this total.
    fn nation(&self, id: &NationId) -> NationIx {
        self.world.nation(id.as_str()).unwrap_or(NationIx(0))
    }

    fn nations(&self, ids: &[NationId]) -> Vec<NationIx> {
        ids.iter().map(|id| self.nation(id)).collect()
    }

    fn build(mut self) -> World {
        let s = self.scenario;
        for entry in &s.proximity {
            if let (Some(a), Some(b)) = (
                self.world.region(entry.0.as_str()),
                self.world.region(entry.1.as_str()),
            ) {
                let n = self.world.regions.len();
                self.world.proximity[a.ix() * n + b.ix()] = entry.2;
                self.world.proximity[b.ix() * n + a.ix()] = entry.2;
            }
        }
        for (i, nation) in s.nations.iter().enumerate() {
            let region = self
                .world
                .region(nation.region.as_str())
                .unwrap_or(RegionIx(0));
            self.world.regions[region.ix()]
                .members
                .push(NationIx(to_u32(i)));
            self.world
                .nation_lookup
                .insert(nation.id.clone(), NationIx(to_u32(i)));
            self.world.nations.push(NationInfo {
                id: nation.id.clone(),
                name: nation.name.clone(),
                region,
            });
        }
        for alliance in &s.alliances {
            self.push_alliance(alliance, None);
        }
        for treaty in &s.treaties {
            self.push_treaty(treaty, None);
        }
        self.schedule();
        let mut on = vec![Vec::new(); self.world.nations.len()];
        for (v, info) in self.world.interventions.iter().enumerate() {
            on[info.target.ix()].push(InterventionIx(to_u32(v)));
        }
        self.world.interventions_on = on;
        self.world
    }

    fn push_alliance(&mut self, alliance: &model::Alliance, event: Option<EventIx>) -> AllianceIx {
        let founders = self.nations(&alliance.members);
        self.world.alliances.push(AllianceInfo {
            id: alliance.id.clone(),
            name: alliance.name.clone(),
            founders,
            collective_defence: alliance.collective_defence,
            formed_by: event,
        });
        AllianceIx(to_u32(self.world.alliances.len() - 1))
    }

    fn push_treaty(&mut self, treaty: &model::Treaty, event: Option<EventIx>) -> TreatyIx {
        let parties = self.nations(&treaty.parties);
        self.world.treaties.push(TreatyInfo {
            id: treaty.id.clone(),
            name: treaty.name.clone(),
            kind: treaty.kind,
            parties,
            strength: treaty.strength,
            duration: treaty.duration,
            authority: treaty.authority,
            signed_by: event,
        });
        TreatyIx(to_u32(self.world.treaties.len() - 1))
    }

    fn schedule(&mut self) {
        let s = self.scenario;
        // Resolve in tick order so objects get indices in the order they come into being.
        let mut order: Vec<usize> = (0..s.events.len()).collect();
        order.sort_by_key(|&i| s.events[i].tick);
        let mut events = Vec::with_capacity(order.len());
        for source in order {
            let event = &s.events[source];
            // Placeholder index; fixed below once events are in their final order.
            let provisional = EventIx(to_u32(source));
            let action = match &event.action {
                Action::Intervention(iv) => {
                    let info = InterventionInfo {
                        id: iv.id.clone(),
                        kind: iv.kind,
                        interveners: self.nations(&iv.interveners),
                        target: self.nation(&iv.target),
                        legal_basis: iv.legal_basis,
                        planning: iv.post_conflict_planning,
                        engagement: iv.local_engagement,
                        force_ratio: iv.force_ratio(),
                        duration: iv.duration,
                        drawdown: match iv.drawdown {
                            Drawdown::Rate(rate) => rate,
                            other => other.rate(),
                        },
                        side: iv.side,
                        consent: iv.host_consent,
                        strike_intensity: iv.strike_intensity,
                        regime_change_goal: iv.regime_change_goal,
                        multilateral: iv.is_multilateral(),
                        start: event.tick,
                        event: provisional,
                    };
                    self.world.interventions.push(info);
                    ResolvedAction::StartIntervention(InterventionIx(to_u32(
                        self.world.interventions.len() - 1,
                    )))
                }
                Action::SignTreaty(treaty) => {
                    ResolvedAction::SignTreaty(self.push_treaty(treaty, Some(provisional)))
                }
                Action::AbrogateTreaty { treaty, by } => ResolvedAction::AbrogateTreaty {
                    treaty: self.treaty_ix(treaty),
                    by: self.nation(by),
                },
                Action::FormAlliance(alliance) => {
                    ResolvedAction::FormAlliance(self.push_alliance(alliance, Some(provisional)))
                }
                Action::JoinAlliance { alliance, nation } => ResolvedAction::JoinAlliance {
                    alliance: self.alliance_ix(alliance),
                    nation: self.nation(nation),
                },
                Action::LeaveAlliance { alliance, nation } => ResolvedAction::LeaveAlliance {
                    alliance: self.alliance_ix(alliance),
                    nation: self.nation(nation),
                },
                Action::LeadershipChange {
                    nation,
                    leader,
                    ideology_shift,
                    democracy_shift,
                } => ResolvedAction::LeadershipChange {
                    nation: self.nation(nation),
                    leader: leader.clone(),
                    ideology_shift: *ideology_shift,
                    democracy_shift: *democracy_shift,
                },
                Action::SetAttribute {
                    nation,
                    attribute,
                    value,
                    structural,
                } => ResolvedAction::SetAttribute {
                    nation: self.nation(nation),
                    attribute: *attribute,
                    value: *value,
                    structural: *structural,
                },
                Action::SetRelation {
                    a,
                    b,
                    relation,
                    trust,
                    structural,
                } => {
                    let (a, b) = (self.nation(a), self.nation(b));
                    ResolvedAction::SetRelation {
                        a: a.min(b),
                        b: a.max(b),
                        relation: *relation,
                        trust: *trust,
                        structural: *structural,
                    }
                }
                Action::ChangeDefenceAmbition {
                    nation,
                    target_share,
                } => ResolvedAction::ChangeDefenceAmbition {
                    nation: self.nation(nation),
                    target_share: *target_share,
                },
            };
            events.push(ScheduledEvent {
                tick: event.tick,
                action,
                source,
                handle: event.handle,
            });
        }
        events.sort_by_key(|e| (e.tick, e.action.phase(), e.source));
        // Now that the order is final, point objects at the index of the event that creates them.
        for (position, event) in events.iter().enumerate() {
            let ix = EventIx(to_u32(position));
            match event.action {
                ResolvedAction::StartIntervention(i) => self.world.interventions[i.ix()].event = ix,
                ResolvedAction::SignTreaty(t) => self.world.treaties[t.ix()].signed_by = Some(ix),
                ResolvedAction::FormAlliance(a) => {
                    self.world.alliances[a.ix()].formed_by = Some(ix)
                }
                _ => {}
            }
        }
        self.world.events = events;
    }

    fn treaty_ix(&self, id: &TreatyId) -> TreatyIx {
        let position = self.world.treaties.iter().rposition(|t| &t.id == id);
        TreatyIx(to_u32(position.unwrap_or(0)))
    }

    fn alliance_ix(&self, id: &AllianceId) -> AllianceIx {
        let position = self.world.alliances.iter().rposition(|a| &a.id == id);
        AllianceIx(to_u32(position.unwrap_or(0)))
    }
}
