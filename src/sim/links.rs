//! Per-pair links of one tick: shared alliances, treaties in force, joint peacekeeping. Built once
//! per tick from the agreements, so the relation and trust rules look them up instead of scanning.

use crate::model::{InterventionKind, TreatyKind};

use super::ids::{NationIx, group_by_nation};
use super::state::State;
use super::world::World;

/// What links a pair this tick (MODEL.md 2.5 D, E and 2.8).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairLinks {
    /// max Ĉ_a over alliances both belong to (model 2: the most cohesive shared alliance warms
    /// and builds trust; a second one adds nothing, so the pull does not grow with the count).
    pub allies: f64,
    /// Σ σ·η^R over treaties both are party to.
    pub treaty_relation: f64,
    /// Positive trust evidence from treaties (by kind) and co-membership.
    pub evidence: f64,
    /// Strength of a non-aggression pact between them (the strongest).
    pub non_aggression: f64,
    /// Strength of a confidence-building treaty between them (the strongest).
    pub confidence_building: f64,
}

/// (relation push η^R, trust evidence) per unit of strength of each treaty kind (MODEL.md 2.8).
pub fn treaty_effects(kind: TreatyKind) -> (f64, f64) {
    match kind {
        TreatyKind::MutualDefence => (0.02, 0.06),
        TreatyKind::NonAggression => (0.01, 0.04),
        TreatyKind::IntelligenceSharing => (0.01, 0.08),
        TreatyKind::JointExercises => (0.01, 0.05),
        TreatyKind::ArmsTrade => (0.01, 0.03),
        TreatyKind::ConfidenceBuilding => (0.015, 0.12),
        TreatyKind::PeacekeepingMandate => (0.005, 0.0),
    }
}

/// One agreement's contribution to a pair's links.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Contribution {
    /// Both are members of an alliance of cohesion C.
    Alliance(f64),
    /// Both are parties to a treaty of this kind and strength.
    Treaty(TreatyKind, f64),
    /// Both serve in (or host, with consent) the same peacekeeping mission.
    Mission,
}

impl Contribution {
    fn add_to(self, link: &mut PairLinks) {
        match self {
            Self::Alliance(c) => {
                let before = link.allies;
                link.allies = f64::max(link.allies, c);
                link.evidence += 0.04 * (link.allies - before);
            }
            Self::Treaty(kind, sigma) => {
                let (push, evidence) = treaty_effects(kind);
                link.treaty_relation += push * sigma;
                link.evidence += evidence * sigma;
                if kind == TreatyKind::NonAggression {
                    link.non_aggression = f64::max(link.non_aggression, sigma);
                }
                if kind == TreatyKind::ConfidenceBuilding {
                    link.confidence_building = f64::max(link.confidence_building, sigma);
                }
            }
            Self::Mission => link.evidence += 0.04,
        }
    }
}

/// The links of every linked pair at one tick, sorted by pair (smaller index first).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Links {
    entries: Vec<((NationIx, NationIx), PairLinks)>,
    /// Contributions in the order they are added (alliances, treaties, missions), before merging.
    gathered: Vec<((NationIx, NationIx), Contribution)>,
    /// `gathered` grouped by the pair's first nation, and where each nation's group starts.
    grouped: Vec<((NationIx, NationIx), Contribution)>,
    starts: Vec<u32>,
    parties: Vec<NationIx>,
}

impl Links {
    /// Recomputes the links of `state`, given alliance cohesions, reusing this value's buffers.
    pub fn recompute(&mut self, world: &World, state: &State, cohesion: &[f64]) {
        self.gathered.clear();
        for (a, alliance) in state.alliances.iter().enumerate() {
            if !alliance.status.is_active() {
                continue;
            }
            self.parties.clear();
            self.parties
                .extend(alliance.members.iter().map(|&(m, _)| m));
            self.each_pair(Contribution::Alliance(cohesion[a]));
        }
        for (t, info) in world.treaties.iter().enumerate() {
            if !state.treaties[t].status.is_active() {
                continue;
            }
            self.parties.clear();
            if info.kind == TreatyKind::PeacekeepingMandate {
                // A mandate warms the host toward the nations keeping the peace under it.
                let host = info.parties[0];
                self.parties.push(host);
                for (v, iv) in world.interventions.iter().enumerate() {
                    if iv.kind == InterventionKind::Peacekeeping
                        && iv.target == host
                        && state.interventions[v].status.is_active()
                    {
                        self.parties.extend(&iv.interveners);
                    }
                }
            } else {
                self.parties.extend(&info.parties);
            }
            self.each_pair(Contribution::Treaty(info.kind, info.strength));
        }
        // Contributors to the same peacekeeping mission, and each of them with the host: +0.04.
        for (v, iv) in world.interventions.iter().enumerate() {
            if iv.kind != InterventionKind::Peacekeeping
                || !state.interventions[v].status.is_active()
            {
                continue;
            }
            self.parties.clear();
            self.parties.extend(&iv.interveners);
            if iv.consent {
                self.parties.push(iv.target);
            }
            self.each_pair(Contribution::Mission);
        }
        // Sorted by pair, stably, so that each pair's contributions keep the order above and
        // the sums are added in one fixed order: grouped by the first nation in linear time, then
        // each nation's few contributions by the second.
        let n = world.nation_count();
        group_by_nation(
            &self.gathered,
            &mut self.grouped,
            &mut self.starts,
            n,
            |&((a, _), _)| a,
        );
        for a in 0..n {
            let (from, to) = (self.starts[a] as usize, self.starts[a + 1] as usize);
            self.grouped[from..to].sort_by_key(|&((_, b), _)| b);
        }
        self.entries.clear();
        for &(key, contribution) in &self.grouped {
            if self.entries.last().is_none_or(|&(last, _)| last != key) {
                self.entries.push((key, PairLinks::default()));
            }
            if let Some((_, link)) = self.entries.last_mut() {
                contribution.add_to(link);
            }
        }
    }

    fn each_pair(&mut self, contribution: Contribution) {
        for (k, &a) in self.parties.iter().enumerate() {
            for &b in &self.parties[k + 1..] {
                if a != b {
                    self.gathered.push(((a.min(b), a.max(b)), contribution));
                }
            }
        }
    }

    /// The links of a pair (all zero when unlinked).
    pub fn get(&self, a: NationIx, b: NationIx) -> PairLinks {
        let key = (a.min(b), a.max(b));
        self.entries
            .binary_search_by_key(&key, |&(k, _)| k)
            .map_or_else(|_| PairLinks::default(), |at| self.entries[at].1)
    }

    /// Every linked pair with its links, in ascending pair order.
    pub fn iter(&self) -> impl Iterator<Item = ((NationIx, NationIx), PairLinks)> + '_ {
        self.entries.iter().copied()
    }

    /// Whether the pair is linked.
    pub fn contains(&self, a: NationIx, b: NationIx) -> bool {
        let key = (a.min(b), a.max(b));
        self.entries.binary_search_by_key(&key, |&(k, _)| k).is_ok()
    }
}
