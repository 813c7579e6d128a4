//! What a parameter sweep can vary, by name: every model parameter (`reaction_k`), and the
//! numbers of a named event on the timeline: an intervention's tick, planning, engagement,
//! troops, duration and strike intensity (`event:op-freedom.troops_per_1000`), a treaty's tick
//! and strength (`event:baltic-cbm.strength`).

use super::params::{PARAM_TABLE, Params};
use super::{Action, Scenario};

/// One thing a sweep can vary.
#[derive(Clone, Debug, PartialEq)]
pub struct Knob {
    /// Its name on the command line.
    pub name: String,
    /// Its value in the scenario.
    pub value: f64,
    /// What it is, in words.
    pub about: String,
}

const INTERVENTION_FIELDS: [&str; 6] = [
    "tick",
    "post_conflict_planning",
    "local_engagement",
    "troops_per_1000",
    "duration",
    "strike_intensity",
];

const TREATY_FIELDS: [&str; 2] = ["tick", "strength"];

/// Every knob of `scenario`: the model parameters, then the named events' numbers.
pub fn knobs(scenario: &Scenario) -> Vec<Knob> {
    let params = Params::with_overrides(&scenario.params);
    let mut all: Vec<Knob> = PARAM_TABLE
        .iter()
        .map(|info| Knob {
            name: info.name.to_owned(),
            value: params.get(info.name).unwrap_or(info.default),
            about: format!(
                "model parameter {} ({} to {}): {}",
                info.symbol, info.min, info.max, info.description
            ),
        })
        .collect();
    // One scratch copy to read every event's numbers through `visit`, not one per number.
    let mut scratch = scenario.clone();
    for event in &scenario.events {
        let (id, fields): (&str, &[&str]) = match &event.action {
            Action::Intervention(i) => (i.id.as_str(), &INTERVENTION_FIELDS),
            Action::SignTreaty(t) => (t.id.as_str(), &TREATY_FIELDS),
            _ => continue,
        };
        for field in fields {
            let name = format!("event:{id}.{field}");
            let mut read = None;
            if visit(&mut scratch, &name, &mut |value| read = Some(*value)).is_ok()
                && let Some(value) = read
            {
                all.push(Knob {
                    about: format!("{field} of the event {id} at tick {}", event.tick),
                    name,
                    value,
                });
            }
        }
    }
    all
}

/// The value of the knob `name` in `scenario`.
pub fn get(scenario: &Scenario, name: &str) -> Result<f64, String> {
    let mut copy = scenario.clone();
    let mut found = None;
    visit(&mut copy, name, &mut |value| found = Some(*value))?;
    found.ok_or_else(|| format!("no knob \"{name}\""))
}

/// Sets the knob `name` of `scenario` to `value` (whole numbers for ticks and durations are
/// rounded). The caller validates the result.
pub fn set(scenario: &mut Scenario, name: &str, value: f64) -> Result<(), String> {
    visit(scenario, name, &mut |slot| *slot = value)
}

/// Finds the knob `name` and lets `act` read or write it as a number.
fn visit(scenario: &mut Scenario, name: &str, act: &mut dyn FnMut(&mut f64)) -> Result<(), String> {
    let Some(rest) = name.strip_prefix("event:") else {
        let params = Params::with_overrides(&scenario.params);
        let mut value = params
            .get(name)
            .ok_or_else(|| format!("\"{name}\" is no model parameter (see --list-params)"))?;
        act(&mut value);
        scenario.params.set(name, value);
        return Ok(());
    };
    let (id, field) = rest.rsplit_once('.').ok_or_else(|| {
        format!("\"{name}\": write event:ID.FIELD, as event:op-freedom.troops_per_1000")
    })?;
    let event = scenario
        .events
        .iter_mut()
        .find(|e| match &e.action {
            Action::Intervention(i) => i.id.as_str() == id,
            Action::SignTreaty(t) => t.id.as_str() == id,
            _ => false,
        })
        .ok_or_else(|| format!("no intervention or treaty \"{id}\" on the timeline"))?;
    let whole = |act: &mut dyn FnMut(&mut f64), slot: &mut u32| {
        let mut value = f64::from(*slot);
        act(&mut value);
        *slot = value.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    };
    if field == "tick" {
        whole(act, &mut event.tick);
        return Ok(());
    }
    match &mut event.action {
        Action::Intervention(i) => match field {
            "post_conflict_planning" => act(&mut i.post_conflict_planning),
            "local_engagement" => act(&mut i.local_engagement),
            "troops_per_1000" => act(&mut i.troops_per_1000),
            "strike_intensity" => act(&mut i.strike_intensity),
            "duration" => whole(act, &mut i.duration),
            _ => {
                return Err(format!(
                    "an intervention's knobs are {}",
                    INTERVENTION_FIELDS.join(", ")
                ));
            }
        },
        Action::SignTreaty(t) => match field {
            "strength" => act(&mut t.strength),
            _ => return Err(format!("a treaty's knobs are {}", TREATY_FIELDS.join(", "))),
        },
        _ => {}
    }
    Ok(())
}
