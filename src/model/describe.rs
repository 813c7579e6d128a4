//! Events, nations and goals in words, for the timeline, the why panel, reports and the exercise
//! editor.

use super::exercise::{GoalTest, Subject, When};
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
            "{} in {} by {} ({})",
            i.kind.label(),
            name(&i.target),
            i.interveners
                .iter()
                .map(name)
                .collect::<Vec<_>>()
                .join(", "),
            conduct(i)
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

/// How an intervention is conducted, which is what the model makes matter: "no UN mandate,
/// post-conflict planning 0.0, local engagement 0.0, rapid drawdown".
pub fn conduct(i: &super::Intervention) -> String {
    let basis = i.legal_basis.phrase();
    let drawdown = match i.drawdown {
        super::Drawdown::Rapid => "rapid drawdown".to_owned(),
        super::Drawdown::Gradual => "gradual drawdown".to_owned(),
        super::Drawdown::Rate(rate) => format!("drawdown {rate:.2} a quarter"),
    };
    format!(
        "{basis}, post-conflict planning {:.1}, local engagement {:.1}, {} troops per 1,000 for {} quarters, {drawdown}",
        i.post_conflict_planning, i.local_engagement, i.troops_per_1000, i.duration
    )
}

/// A goal's test in words, as the exercise editor writes a goal's text until the teacher writes
/// their own: "Northeast Asia's stability at least 0.70 from 2012 Q1 to 2015 Q4".
pub fn goal(scenario: &Scenario, test: &GoalTest) -> String {
    let date = |tick: u32| scenario.meta.start.label(tick);
    let period = |when: When| match when {
        When::At(t) => format!("in {}", date(t)),
        When::Through(a, b) if a == b => format!("in {}", date(a)),
        When::Through(a, b) => format!("from {} to {}", date(a), date(b)),
    };
    let number = super::exercise::threshold_text;
    let count = |n: u32, one: &str, many: &str| match n {
        0 => format!("no {many}"),
        1 => format!("at most one {one}"),
        n => format!("at most {n} {many}"),
    };
    match test {
        GoalTest::Value {
            of,
            variable,
            compare,
            value,
            when,
        } => {
            let whose = match of {
                Subject::Region(id) => scenario.regions.iter().find(|r| &r.id == id).map_or_else(
                    || id.to_string(),
                    |r| r.name.or_id(r.id.as_str()).to_owned(),
                ),
                Subject::Nation(id) => nation(scenario, id),
            };
            format!(
                "{whose}'s {} {} {} {}",
                variable.replace('_', " "),
                compare.words(),
                number(*value),
                period(*when)
            )
        }
        GoalTest::Relation {
            a,
            b,
            compare,
            value,
            when,
        } => format!(
            "The relation of {} and {} {} {} {}",
            nation(scenario, a),
            nation(scenario, b),
            compare.words(),
            number(*value),
            period(*when)
        ),
        GoalTest::AllianceExists { alliance, at } => {
            let name = scenario
                .alliances
                .iter()
                .find(|x| &x.id == alliance)
                .map(|x| x.name.or_id(x.id.as_str()).to_owned())
                .or_else(|| {
                    scenario.events.iter().find_map(|e| match &e.action {
                        Action::FormAlliance(x) if &x.id == alliance => {
                            Some(x.name.or_id(x.id.as_str()).to_owned())
                        }
                        _ => None,
                    })
                })
                .unwrap_or_else(|| alliance.to_string());
            format!("{name} in force {}", period(When::At(*at)))
        }
        GoalTest::NoUnmandatedIntervention => "No intervention without a UN mandate".to_owned(),
        GoalTest::MaxInterventions(n) => {
            let text = count(*n, "intervention", "interventions");
            upper_first(&text)
        }
        GoalTest::MaxTreaties(n) => {
            let text = count(*n, "new treaty", "new treaties");
            upper_first(&text)
        }
    }
}

fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
