//! Per-pair links of one tick: shared alliances, treaties in force, joint peacekeeping. Built once
//! per tick from the agreements, so the relation and trust rules look them up instead of scanning.

use std::collections::BTreeMap;

use crate::model::{InterventionKind, TreatyKind};

use super::ids::NationIx;
use super::state::State;
use super::world::World;

/// What links a pair this tick (MODEL.md 2.5 D, E and 2.8).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PairLinks {
    /// Σ C_a over alliances both belong to.
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

/// Every linked pair, smaller index first.
pub fn pair_links(
    world: &World,
    state: &State,
    cohesion: &[f64],
) -> BTreeMap<(NationIx, NationIx), PairLinks> {
    let mut links: BTreeMap<(NationIx, NationIx), PairLinks> = BTreeMap::new();
    let mut each_pair = |members: &[NationIx], mut apply: Box<dyn FnMut(&mut PairLinks) + '_>| {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                if a != b {
                    apply(links.entry((a.min(b), a.max(b))).or_default());
                }
            }
        }
    };
    for (a, alliance) in state.alliances.iter().enumerate() {
        if !alliance.status.is_active() {
            continue;
        }
        let members: Vec<NationIx> = alliance.members.iter().map(|&(m, _)| m).collect();
        let c = cohesion[a];
        each_pair(
            &members,
            Box::new(move |link| {
                link.allies += c;
                link.evidence += 0.04 * c;
            }),
        );
    }
    for (t, info) in world.treaties.iter().enumerate() {
        if !state.treaties[t].status.is_active() {
            continue;
        }
        let (push, evidence) = treaty_effects(info.kind);
        let sigma = info.strength;
        let kind = info.kind;
        let parties = if kind == TreatyKind::PeacekeepingMandate {
            // A mandate warms the host toward the nations keeping the peace under it.
            let host = info.parties[0];
            let mut with = vec![host];
            for (v, iv) in world.interventions.iter().enumerate() {
                if iv.kind == InterventionKind::Peacekeeping
                    && iv.target == host
                    && state.interventions[v].status.is_active()
                {
                    with.extend(&iv.interveners);
                }
            }
            with
        } else {
            info.parties.clone()
        };
        each_pair(
            &parties,
            Box::new(move |link| {
                link.treaty_relation += push * sigma;
                link.evidence += evidence * sigma;
                if kind == TreatyKind::NonAggression {
                    link.non_aggression = f64::max(link.non_aggression, sigma);
                }
                if kind == TreatyKind::ConfidenceBuilding {
                    link.confidence_building = f64::max(link.confidence_building, sigma);
                }
            }),
        );
    }
    // Contributors to the same peacekeeping mission, and each of them with the host: +0.04.
    for (v, iv) in world.interventions.iter().enumerate() {
        if iv.kind != InterventionKind::Peacekeeping || !state.interventions[v].status.is_active() {
            continue;
        }
        let mut together = iv.interveners.clone();
        if iv.consent {
            together.push(iv.target);
        }
        each_pair(&together, Box::new(|link| link.evidence += 0.04));
    }
    links
}
