//! New objects with the documented defaults, as the editor creates them.

use super::ids::{InterventionId, NationId, TreatyId};
use super::scenario::{
    Drawdown, Intervention, InterventionKind, LegalBasis, MandateAuthority, Side, Treaty,
    TreatyKind,
};
use super::text::Text;

impl Intervention {
    /// An intervention with the file format's defaults: no mandate (UNSC for peacekeeping, with
    /// the host's consent), 5 troops per 1,000, 8 ticks, gradual drawdown.
    pub fn new(
        id: InterventionId,
        kind: InterventionKind,
        interveners: Vec<NationId>,
        target: NationId,
    ) -> Self {
        let peacekeeping = kind == InterventionKind::Peacekeeping;
        Self {
            id,
            kind,
            interveners,
            target,
            legal_basis: if peacekeeping {
                LegalBasis::Unsc
            } else {
                LegalBasis::NoMandate
            },
            post_conflict_planning: 0.0,
            local_engagement: 0.0,
            troops_per_1000: 5.0,
            duration: 8,
            drawdown: Drawdown::Gradual,
            side: Side::Neutral,
            host_consent: peacekeeping,
            strike_intensity: 1.0,
            regime_change_goal: false,
        }
    }
}

impl Treaty {
    /// An open-ended treaty of full strength; a peacekeeping mandate is the Security Council's.
    pub fn new(id: TreatyId, kind: TreatyKind, parties: Vec<NationId>) -> Self {
        Self {
            name: Text(format!("{} {}", kind.label(), id)),
            id,
            kind,
            parties,
            strength: 1.0,
            duration: None,
            authority: (kind == TreatyKind::PeacekeepingMandate).then_some(MandateAuthority::Unsc),
        }
    }
}
