//! Why stability moved: the ledger terms of a nation's or a region's stability over a tick (or
//! summed over an interval), largest first, each with its cause named in words. A region's
//! member terms are opened up into the member's own terms, weighted as the index weighs them,
//! so a region's fall is traced to the intervention, neighbour or treaty behind it.

use std::collections::BTreeMap;

use crate::model::{Drawdown, InterventionKind};
use crate::sim::step::step;
use crate::sim::world::ResolvedAction;
use crate::sim::{
    Cause, Entity, NationIx, RegionIx, Simulation, State, TickLedger, Trigger, World,
};

use super::selection::Item;

/// Whose stability is explained.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// A nation's domestic stability.
    Nation(NationIx),
    /// A region's stability index.
    Region(RegionIx),
}

/// One named contribution to the change.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// What moved it ("insurgency / non-state actors").
    pub term: String,
    /// Whose term, when a region's change is traced to a member ("in Target State").
    pub member: Option<String>,
    /// Its cause in words ("regime change in Target State by Hegemon, …"), None for the model's
    /// own dynamics.
    pub cause: Option<String>,
    /// What selecting the cause selects.
    pub item: Option<Item>,
    /// Signed contribution.
    pub value: f64,
}

/// The change of the subject's stability between two ticks and its parts.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    /// Value at the first tick.
    pub before: f64,
    /// Value at the last tick.
    pub after: f64,
    /// The parts, largest magnitude first; they sum to `after − before` (up to rounding).
    pub parts: Vec<Contribution>,
}

impl Explanation {
    /// How many decimals show this explanation's change and its largest part with at least two
    /// significant digits: 3 for the usual changes, more for a world barely moving, so no part
    /// reads "+0.000" while it is the largest cause (at most 6).
    pub fn decimals(&self) -> usize {
        let largest = self
            .parts
            .iter()
            .map(|p| p.value.abs())
            .chain([(self.after - self.before).abs()])
            .fold(0.0_f64, f64::max);
        if largest <= 0.0 || !largest.is_finite() {
            return 3;
        }
        let needed = (-largest.log10()).ceil() + 1.0;
        (needed.max(3.0) as usize).min(6)
    }

    /// The parts that show as something other than zero at `decimals`, largest first; the
    /// others are counted, not listed.
    pub fn visible_parts(&self, decimals: usize) -> (Vec<&Contribution>, usize) {
        let half_unit = 0.5 * 10f64.powi(-(decimals as i32));
        let (shown, hidden): (Vec<&Contribution>, Vec<&Contribution>) =
            self.parts.iter().partition(|p| p.value.abs() >= half_unit);
        (shown, hidden.len())
    }
}

/// Explains the change of `subject`'s stability from tick `from` to tick `to` (from < to),
/// from the ledgers of those ticks. None if the ticks are not computed yet.
pub fn explain(run: &Simulation, subject: Subject, from: u32, to: u32) -> Option<Explanation> {
    if from >= to || to > run.tick() {
        return None;
    }
    let (first, last) = (run.state(from)?, run.state(to)?);
    Some(explain_ledgers(
        run.world(),
        &first,
        &last,
        &run.ledgers(from, to),
        subject,
    ))
}

/// [`explain`] from a state of the run at or before `from` (an owned copy, so another thread can
/// do the work): steps it to `from`, then on to `to` with the ledger recorded. The step is
/// deterministic, so this is the run's own explanation.
pub fn explain_from(
    world: &World,
    mut state: State,
    subject: Subject,
    from: u32,
    to: u32,
) -> Explanation {
    while state.tick < from {
        step(world, &mut state, false);
    }
    let first = state.clone();
    let mut ledgers: Vec<TickLedger> = Vec::new();
    while state.tick < to {
        ledgers.push(step(world, &mut state, true));
    }
    explain_ledgers(world, &first, &state, &ledgers, subject)
}

/// The change of `subject` from `first` to `last`, split by the terms of the ledgers of the ticks
/// between them.
fn explain_ledgers(
    world: &World,
    first: &State,
    last: &State,
    ledgers: &[TickLedger],
    subject: Subject,
) -> Explanation {
    let mut parts: Vec<Contribution> = term_sums(ledgers, subject)
        .into_iter()
        .filter(|(_, v)| v.abs() > 1e-9)
        .map(|((term, member, cause), value)| Contribution {
            term,
            member: member.map(|m| nation_name(world, m)),
            cause: describe_cause(world, cause),
            item: cause_item(world, cause),
            value,
        })
        .collect();
    parts.sort_by(|a, b| b.value.abs().total_cmp(&a.value.abs()));
    Explanation {
        before: subject.value(first),
        after: subject.value(last),
        parts,
    }
}

impl Subject {
    /// Its stability in `state`.
    pub fn value(self, state: &State) -> f64 {
        match self {
            Subject::Nation(n) => state.nations[n.ix()].stability,
            Subject::Region(r) => state.region_stability[r.ix()],
        }
    }
}

/// One named term of a change: its label, the member it is traced to (a region's), its cause.
pub(super) type TermKey = (String, Option<NationIx>, Cause);

/// The ledger terms of `subject`'s stability summed over `ledgers`, by label, member and cause;
/// together they are the whole change. A BTreeMap keeps the order deterministic.
pub(super) fn term_sums(ledgers: &[TickLedger], subject: Subject) -> BTreeMap<TermKey, f64> {
    let mut sums: BTreeMap<TermKey, f64> = BTreeMap::new();
    for ledger in ledgers {
        match subject {
            Subject::Nation(n) => add_nation_terms(&mut sums, ledger, n, None, 1.0),
            Subject::Region(r) => {
                let Some(change) = ledger.change(Entity::Region(r), "stability") else {
                    continue;
                };
                for term in &change.terms {
                    match term.cause {
                        Cause::Nation(m) if term.id == "member_stability" => {
                            // value = w·ΔS_m: open ΔS_m into its own terms, scaled by w.
                            let own = ledger.change(Entity::Nation(m), "stability");
                            match own {
                                Some(own) if own.delta().abs() > 1e-15 => {
                                    let weight = term.value / own.delta();
                                    add_nation_terms(&mut sums, ledger, m, Some(m), weight);
                                }
                                _ => {
                                    *sums
                                        .entry((term.label.to_owned(), Some(m), Cause::Dynamics))
                                        .or_default() += term.value;
                                }
                            }
                        }
                        cause => {
                            *sums
                                .entry((term.label.to_owned(), None, cause))
                                .or_default() += term.value;
                        }
                    }
                }
            }
        }
    }
    sums
}

fn add_nation_terms(
    sums: &mut BTreeMap<TermKey, f64>,
    ledger: &TickLedger,
    nation: NationIx,
    member: Option<NationIx>,
    weight: f64,
) {
    if let Some(change) = ledger.change(Entity::Nation(nation), "stability") {
        for term in &change.terms {
            *sums
                .entry((term.label.to_owned(), member, term.cause))
                .or_default() += weight * term.value;
        }
    }
}

/// A treaty in words: "treaty Baltic CBM (confidence-building measures)".
fn treaty_name(world: &World, t: crate::sim::TreatyIx) -> String {
    let info = &world.treaties[t.ix()];
    format!("treaty {} ({})", info.shown_name(), info.kind.label())
}

fn nation_name(world: &World, n: NationIx) -> String {
    world.nations[n.ix()].shown_name().to_string()
}

/// A cause in words; for an intervention, how it was conducted, since that is what the model
/// makes matter (mandate, post-conflict planning, local engagement, drawdown).
pub fn describe_cause(world: &World, cause: Cause) -> Option<String> {
    let name = |n: NationIx| nation_name(world, n);
    Some(match cause {
        Cause::Dynamics => return None,
        Cause::Intervention(i) => {
            let info = &world.interventions[i.ix()];
            let interveners: Vec<String> = info.interveners.iter().map(|&n| name(n)).collect();
            let mut how = vec![format!("from tick {}", info.start)];
            how.push(info.legal_basis.phrase().to_owned());
            if matches!(
                info.kind,
                InterventionKind::RegimeChange | InterventionKind::CoalitionOperation
            ) || info.regime_change_goal
            {
                how.push(match info.planning {
                    p if p < 0.05 => "no post-conflict planning".to_owned(),
                    p if p < 0.5 => format!("little post-conflict planning ({p:.1})"),
                    p => format!("post-conflict planning {p:.1}"),
                });
            }
            if info.engagement < 0.5 {
                how.push(format!("local engagement {:.1}", info.engagement));
            }
            if info.drawdown >= Drawdown::Rapid.rate() {
                how.push("rapid drawdown".to_owned());
            }
            format!(
                "{} in {} by {} ({})",
                info.kind.label(),
                name(info.target),
                interveners.join(", "),
                how.join(", ")
            )
        }
        Cause::Treaty(t) => treaty_name(world, t),
        Cause::Alliance(a) => format!("alliance {}", world.alliances[a.ix()].shown_name()),
        Cause::Nation(n) => name(n),
        Cause::Event(e) => describe_event(world, e),
        Cause::Random(kind) => random_event(kind),
        Cause::After(trigger) => describe_trigger(world, trigger),
    })
}

/// A trigger in words, read after "because of" ("treaty Baltic CBM (confidence-building)
/// running out"): the change itself, or what it set off.
pub fn describe_trigger(world: &World, trigger: Trigger) -> String {
    let name = |n: NationIx| nation_name(world, n);
    let intervention = |v: crate::sim::InterventionIx| {
        let info = &world.interventions[v.ix()];
        format!("{} in {}", info.kind.label(), name(info.target))
    };
    match trigger {
        Trigger::Event(e) => describe_event(world, e),
        Trigger::TreatyEnded(t) => format!("{} running out", treaty_name(world, t)),
        Trigger::Drawdown(v) => format!("the drawdown of the {}", intervention(v)),
        Trigger::Exit(a, n) => format!(
            "{} leaving alliance {}",
            name(n),
            world.alliances[a.ix()].shown_name()
        ),
        Trigger::Dissolution(a) => {
            format!(
                "alliance {} dissolving",
                world.alliances[a.ix()].shown_name()
            )
        }
        Trigger::Random(kind) => random_event(kind),
    }
}

/// A seeded random event of a kind in words ("a random event (economic shock)").
fn random_event(kind: &str) -> String {
    format!("a random event ({})", kind.replace('_', " "))
}

/// A timeline event in words, as what it did ("Hegemon's new defence policy at tick 8").
pub fn describe_event(world: &World, e: crate::sim::EventIx) -> String {
    let event = &world.events[e.ix()];
    let name = |n: NationIx| nation_name(world, n);
    let treaty = |t: crate::sim::TreatyIx| treaty_name(world, t);
    let alliance =
        |a: crate::sim::AllianceIx| format!("alliance {}", world.alliances[a.ix()].shown_name());
    let at = event.tick;
    match &event.action {
        ResolvedAction::StartIntervention(v) => {
            describe_cause(world, Cause::Intervention(*v)).unwrap_or_default()
        }
        ResolvedAction::SignTreaty(t) => format!("{} signed at tick {at}", treaty(*t)),
        ResolvedAction::AbrogateTreaty { treaty: t, by } => {
            format!("{} breaking {} at tick {at}", name(*by), treaty(*t))
        }
        ResolvedAction::FormAlliance(a) => format!("{} formed at tick {at}", alliance(*a)),
        ResolvedAction::JoinAlliance {
            alliance: a,
            nation,
        } => format!("{} joining {} at tick {at}", name(*nation), alliance(*a)),
        ResolvedAction::LeaveAlliance {
            alliance: a,
            nation,
        } => format!("{} leaving {} at tick {at}", name(*nation), alliance(*a)),
        ResolvedAction::LeadershipChange { nation, .. } => {
            format!("the leadership change in {} at tick {at}", name(*nation))
        }
        ResolvedAction::SetAttribute {
            nation, attribute, ..
        } => format!(
            "{}'s {} set at tick {at}",
            name(*nation),
            attribute_name(*attribute)
        ),
        ResolvedAction::SetRelation { a, b, .. } => {
            format!(
                "the relation of {} and {} set at tick {at}",
                name(*a),
                name(*b)
            )
        }
        ResolvedAction::ChangeDefenceAmbition { nation, .. } => {
            format!("{}'s new defence policy at tick {at}", name(*nation))
        }
    }
}

fn attribute_name(attribute: crate::model::Attribute) -> &'static str {
    use crate::model::Attribute;
    match attribute {
        Attribute::Economy => "economy",
        Attribute::DefenceShare => "defence share",
        Attribute::Capability => "capability",
        Attribute::Stability => "stability",
        Attribute::Legitimacy => "legitimacy",
        Attribute::Capacity => "state capacity",
        Attribute::ArmedGroups => "armed groups",
        Attribute::Grievance => "grievance",
        Attribute::Ideology => "ideology",
        Attribute::Democracy => "democracy",
    }
}

/// What clicking a cause selects: the event that scheduled it, or the thing itself.
pub fn cause_item(world: &World, cause: Cause) -> Option<Item> {
    let event = |e: crate::sim::EventIx| Item::Event(world.events[e.ix()].handle);
    match cause {
        Cause::Dynamics | Cause::Random(_) => None,
        Cause::Intervention(i) => Some(event(world.interventions[i.ix()].event)),
        Cause::Treaty(t) => {
            let info = &world.treaties[t.ix()];
            Some(
                info.signed_by
                    .map_or_else(|| Item::Treaty(info.id.clone()), event),
            )
        }
        Cause::Alliance(a) => {
            let info = &world.alliances[a.ix()];
            Some(
                info.formed_by
                    .map_or_else(|| Item::Alliance(info.id.clone()), event),
            )
        }
        Cause::Nation(n) => Some(Item::Nation(world.nations[n.ix()].id.clone())),
        Cause::Event(e) => Some(event(e)),
        Cause::After(trigger) => match trigger {
            Trigger::Event(e) => Some(event(e)),
            Trigger::TreatyEnded(t) => cause_item(world, Cause::Treaty(t)),
            Trigger::Drawdown(v) => cause_item(world, Cause::Intervention(v)),
            Trigger::Exit(a, _) | Trigger::Dissolution(a) => cause_item(world, Cause::Alliance(a)),
            Trigger::Random(_) => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(value: f64) -> Contribution {
        Contribution {
            term: "term".into(),
            member: None,
            cause: None,
            item: None,
            value,
        }
    }

    #[test]
    fn a_small_change_is_shown_with_enough_digits_and_zero_parts_are_counted() {
        let usual = Explanation {
            before: 0.5,
            after: 0.45,
            parts: vec![part(-0.04), part(-0.01), part(0.00001)],
        };
        assert_eq!(usual.decimals(), 3);
        let (shown, hidden) = usual.visible_parts(3);
        assert_eq!((shown.len(), hidden), (2, 1));
        let still = Explanation {
            before: 0.7560,
            after: 0.75601,
            parts: vec![part(0.00004), part(-0.00003), part(1e-12)],
        };
        assert_eq!(still.decimals(), 6);
        assert_eq!(
            format!("{:+.*}", still.decimals(), still.parts[0].value),
            "+0.000040"
        );
        let (shown, hidden) = still.visible_parts(still.decimals());
        assert_eq!((shown.len(), hidden), (2, 1));
        let moving = Explanation {
            before: 0.5,
            after: 0.5004,
            parts: vec![part(0.0004)],
        };
        assert_eq!(moving.decimals(), 5);
    }

    fn mesa() -> Simulation {
        let mut scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        crate::editor::edit::number_events(&mut scenario, 1);
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(60);
        run
    }

    #[test]
    fn the_hegemons_fall_after_its_regime_change_names_the_regime_change() {
        // The Mesa pact loses a member after the operation starts; the Hegemon's own responses
        // keep naming its operation (a direct trigger holds against one reaching it through a
        // tie), and the event reads as what it did, not as "an event".
        let run = mesa();
        let world = run.world();
        let hegemon = world.nation("H").unwrap();
        let why = explain(&run, Subject::Nation(hegemon), 12, 30).unwrap();
        let named: Vec<&Contribution> = why.parts.iter().filter(|p| p.cause.is_some()).collect();
        let first = named.first().expect("named causes");
        let cause = first.cause.as_deref().unwrap();
        assert!(
            cause.starts_with("regime change in Target State by Hegemon"),
            "{cause}"
        );
        assert!(
            why.parts
                .iter()
                .filter_map(|p| p.cause.as_deref())
                .all(|c| !c.contains("event at tick")),
            "{:?}",
            why.parts
        );
    }

    #[test]
    fn nameless_treaties_alliances_and_nations_read_by_their_ids() {
        // A teacher's hand-written file may leave names out: the words use the ids, not blanks.
        let text = r#"(
            format_version: 1,
            meta: (title: "Nameless"),
            regions: [(id: "r")],
            nations: [(id: "A", region: "r"), (id: "B", region: "r"), (id: "C", region: "r")],
            alliances: [(id: "pact", members: ["A", "B"])],
            treaties: [(id: "cbm", kind: ConfidenceBuilding, parties: ["A", "C"], strength: 0.5)],
        )"#;
        let run = Simulation::new(&crate::io::load_str(text).unwrap()).unwrap();
        let world = run.world();
        let (treaty, alliance) = (crate::sim::TreatyIx(0), crate::sim::AllianceIx(0));
        let a = world.nation("A").unwrap();
        assert_eq!(
            describe_trigger(world, Trigger::TreatyEnded(treaty)),
            "treaty cbm (confidence-building measures) running out"
        );
        assert_eq!(
            describe_trigger(world, Trigger::Exit(alliance, a)),
            "A leaving alliance pact"
        );
        assert_eq!(
            describe_cause(world, Cause::Alliance(alliance)).as_deref(),
            Some("alliance pact")
        );
    }

    #[test]
    fn the_parts_sum_to_the_change_for_nations_and_regions() {
        let run = mesa();
        let world = run.world();
        for subject in [
            Subject::Nation(world.nation("T").unwrap()),
            Subject::Region(world.region("mesa").unwrap()),
        ] {
            for (from, to) in [(20, 21), (10, 60)] {
                let why = explain(&run, subject, from, to).unwrap();
                let sum: f64 = why.parts.iter().map(|p| p.value).sum();
                assert!(
                    (sum - (why.after - why.before)).abs() < 1e-9,
                    "{subject:?} {from}..{to}"
                );
            }
        }
    }

    #[test]
    fn the_regime_change_is_the_main_cause_of_mesas_fall_and_its_missing_planning_is_named() {
        let run = mesa();
        let mesa = run.world().region("mesa").unwrap();
        let why = explain(&run, Subject::Region(mesa), 11, 60).unwrap();
        assert!(why.after < why.before);
        let largest_down = why
            .parts
            .iter()
            .filter(|p| p.value < 0.0)
            .max_by(|a, b| b.value.total_cmp(&a.value))
            .unwrap();
        let cause = largest_down.cause.as_deref().unwrap_or_default();
        assert!(
            cause.starts_with("regime change in Target State by Hegemon"),
            "{why:#?}"
        );
        assert!(cause.contains("no post-conflict planning"), "{cause}");
        let regime_change = run.world().events.iter().find(|e| e.source == 2).unwrap();
        assert_eq!(largest_down.item, Some(Item::Event(regime_change.handle)));
    }

    #[test]
    fn ticks_not_computed_have_no_explanation() {
        let run = mesa();
        let t = Subject::Nation(run.world().nation("T").unwrap());
        assert!(explain(&run, t, 10, 61).is_none());
        assert!(explain(&run, t, 10, 10).is_none());
    }
}
