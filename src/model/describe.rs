//! Events and nations in words, for the timeline, the why panel and reports.

use super::{Action, Event, NationId, Scenario, Text};

/// A nation's name, or its id when it has none or does not exist.
pub fn nation(scenario: &Scenario, id: &NationId) -> String {
    scenario
        .nations
        .iter()
        .find(|n| &n.id == id)
        .map_or_else(|| id.to_string(), |n| name_or_id(&n.name, id.as_str()))
}

/// A name, or the id when the name is blank.
pub fn name_or_id(name: &Text, id: &str) -> String {
    if name.0.trim().is_empty() {
        id.to_owned()
    } else {
        name.0.clone()
    }
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
            name_or_id(&t.name, t.id.as_str()),
            t.parties.iter().map(name).collect::<Vec<_>>().join(", ")
        ),
        Action::AbrogateTreaty { treaty, by } => format!("{} abrogates {treaty}", name(by)),
        Action::FormAlliance(a) => format!(
            "{} formed by {}",
            name_or_id(&a.name, a.id.as_str()),
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
