//! Which nations an object names, and a nation's attributes by name: what the editor needs to
//! remove a nation with everything that refers to it, and to edit any attribute through one path.

use super::ids::NationId;
use super::scenario::{Action, Attribute, Nation};

impl Action {
    /// Every nation this action names (interveners and target, parties, members, …).
    pub fn nations(&self) -> Vec<&NationId> {
        match self {
            Self::Intervention(intervention) => intervention
                .interveners
                .iter()
                .chain(std::iter::once(&intervention.target))
                .collect(),
            Self::SignTreaty(treaty) => treaty.parties.iter().collect(),
            Self::FormAlliance(alliance) => alliance.members.iter().collect(),
            Self::AbrogateTreaty { by: nation, .. }
            | Self::JoinAlliance { nation, .. }
            | Self::LeaveAlliance { nation, .. }
            | Self::LeadershipChange { nation, .. }
            | Self::SetAttribute { nation, .. }
            | Self::ChangeDefenceAmbition { nation, .. } => vec![nation],
            Self::SetRelation { a, b, .. } => vec![a, b],
        }
    }
}

impl Nation {
    /// The value of one attribute at load.
    pub fn attribute(&self, attribute: Attribute) -> f64 {
        match attribute {
            Attribute::Economy => self.economy,
            Attribute::DefenceShare => self.defence_share,
            Attribute::Capability => self.capability,
            Attribute::Stability => self.stability,
            Attribute::Legitimacy => self.legitimacy,
            Attribute::Capacity => self.capacity,
            Attribute::ArmedGroups => self.armed_groups,
            Attribute::Grievance => self.grievance,
            Attribute::Ideology => self.ideology,
            Attribute::Democracy => self.democracy,
        }
    }

    /// The slot holding one attribute at load.
    pub fn attribute_mut(&mut self, attribute: Attribute) -> &mut f64 {
        match attribute {
            Attribute::Economy => &mut self.economy,
            Attribute::DefenceShare => &mut self.defence_share,
            Attribute::Capability => &mut self.capability,
            Attribute::Stability => &mut self.stability,
            Attribute::Legitimacy => &mut self.legitimacy,
            Attribute::Capacity => &mut self.capacity,
            Attribute::ArmedGroups => &mut self.armed_groups,
            Attribute::Grievance => &mut self.grievance,
            Attribute::Ideology => &mut self.ideology,
            Attribute::Democracy => &mut self.democracy,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_attribute_reads_back_what_was_written() {
        let mut nation = Nation::new("A", "r");
        for (k, attribute) in Attribute::ALL.into_iter().enumerate() {
            let value = 0.01 * (k + 1) as f64;
            *nation.attribute_mut(attribute) = value;
            assert_eq!(nation.attribute(attribute), value);
        }
        assert_eq!(nation.stability, 0.04);
    }
}
