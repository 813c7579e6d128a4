//! The random events drawn at the end of a tick and waiting in the state to be applied at the
//! start of the next (plain data; `random_events` draws and applies them).

use super::ids::NationIx;

/// A random event waiting to be applied.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RandomEvent {
    /// New leadership with an ideology shift (autocratic succession or an election).
    Leadership {
        /// The nation.
        nation: NationIx,
        /// ΔI.
        ideology_shift: f64,
    },
    /// A coup: new leadership, less democracy, a blow to stability.
    Coup {
        /// The nation.
        nation: NationIx,
        /// ΔI.
        ideology_shift: f64,
    },
    /// A recession: the economy loses `share` (3–8%).
    EconomicShock {
        /// The nation.
        nation: NationIx,
        /// Share of the economy lost.
        share: f64,
    },
    /// An attack by non-state armed groups.
    ArmedGroupAttack {
        /// The nation attacked.
        nation: NationIx,
    },
    /// A border incident between hostile neighbours.
    BorderIncident {
        /// One nation.
        a: NationIx,
        /// The other.
        b: NationIx,
    },
    /// Escalation to interstate fighting: `attacker` attacks `target`.
    Escalation {
        /// The attacker.
        attacker: NationIx,
        /// The nation attacked.
        target: NationIx,
    },
}

impl RandomEvent {
    /// The kind, as the ledger names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Leadership { .. } => "leadership",
            Self::Coup { .. } => "coup",
            Self::EconomicShock { .. } => "economic_shock",
            Self::ArmedGroupAttack { .. } => "armed_group_attack",
            Self::BorderIncident { .. } => "border_incident",
            Self::Escalation { .. } => "escalation",
        }
    }

    /// The nations it touches directly.
    pub fn nations(&self) -> Vec<NationIx> {
        match *self {
            Self::Leadership { nation, .. }
            | Self::Coup { nation, .. }
            | Self::EconomicShock { nation, .. }
            | Self::ArmedGroupAttack { nation } => vec![nation],
            Self::BorderIncident { a, b } => vec![a, b],
            Self::Escalation { attacker, target } => vec![attacker, target],
        }
    }
}
