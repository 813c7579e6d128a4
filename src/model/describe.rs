//! Events and nations in words, for the timeline, the why panel and reports.

use super::{Action, Event, NationId, Scenario};

/// A nation's name, or its id when it has none or does not exist.
pub fn nation(scenario: &Scenario, id: &NationId) -> String {
    scenario
        .nations
        .iter()
        .find(|n| &n.id == id)
        .map_or_else(|| id.to_string(), |n| n.name.or_id(id.as_str()).to_owned())
}

/// One line for an event: its tick, date and what it does.
pub fn event(scenario: &Scenario, event: &Event) -> String {
    let (year, quarter) = scenario.meta.start.at_tick(event.tick);
    let name = |id: &NationId| nation(scenario, id);
    let what = match &event.action {
        Action::Intervention(i) => format!(
            "{} in {} by {}",
            i.kind.label(),
            name(&i.target),
            i.interveners
                .iter()
                .map(name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Action::SignTreaty(t) => format!(
            "{} signed by {}",
            t.name.or_id(t.id.as_str()).to_owned(),
            t.parties.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
        Action::AbrogateTreaty { treaty, by } => format!("{} abrogates {treaty}", name(by)),
        Action::FormAlliance(a) => format!(
            "{} formed by {}",
            a.name.or_id(a.id.as_str()).to_owned(),
            a.members.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
        Action::JoinAlliance { alliance, nation } => format!("{} joins {alliance}", name(nation)),
        Action::LeaveAlliance { alliance, nation } => format!("{} leaves {alliance}", name(nation)),
        Action::LeadershipChange { nation, .. } => format!("new leadership in {}", name(nation)),
        Action::SetAttribute {
            nation,
            attribute,
            value,
            ..
        } => {
            format!(
                "{} of {} set to {value:.2}",
                attribute.label(),
                name(nation)
            )
        }
        Action::SetRelation { a, b, .. } => format!("relation {}–{} changed", name(a), name(b)),
        Action::ChangeDefenceAmbition {
            nation,
            target_share,
        } => {
            format!(
                "{} aims at a defence share of {target_share:.2}",
                name(nation)
            )
        }
    };
    format!("Event at tick {} ({year} Q{quarter}): {what}", event.tick)
}
