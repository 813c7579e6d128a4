//! Where a change came from. The rules name the causes they know (an intervention, a treaty in
//! force, a neighbour); what is left is the model's own response to something that moved. Every
//! such response has a trigger somewhere upstream: a scheduled event, a treaty running out,
//! forces drawing down, a member leaving, an alliance dissolving or a random event. Each nation
//! carries the most recent trigger that reached it, passed on one tie per tick (the speed at
//! which the Jacobi step itself passes a change on), and the ledger names it on every response
//! term of that nation, its pairs, its commitments and its region (docs/MODEL.md, "Causes").
//!
//! A world at rest has no triggers and no response terms, so nothing is named; a change after
//! two triggers is named after the more recent one to reach it. A variable's return toward its
//! structural level keeps the model's own name ([`OWN_TERMS`]): it answers whatever displaced
//! the variable, and the terms that displaced it name their causes.

use super::ids::{AllianceIx, NationIx};
pub use super::ledger::Origin;
use super::ledger::{Cause, Entity, TickLedger, Trigger};
use super::state::State;
use super::world::{ResolvedAction, World};

/// Terms that keep the model's own name: a variable's return toward its structural level (and
/// the bounds, floors and caps that hold it in range), which answers whatever displaced it, not one trigger; and
/// the arms balance at load, zero when calibrated. Every other term of the model's own dynamics
/// is a response, and names its trigger.
pub const OWN_TERMS: &[&str] = &[
    "reversion",
    "bound",
    "floor",
    "cap",
    "recovery",
    "decay",
    "depreciation",
    "fatigue",
    "at_load",
];

/// Ticks during which a trigger that touched a nation itself keeps naming its responses against
/// triggers that only reach it through its ties (as long as an intervention's aftermath is
/// named after it): a hegemon's fall after its own regime change stays "because of" the regime
/// change when an ally leaves the alliance two ticks later.
const DIRECT_HOLD: u32 = 40;

/// The later of two origins; on a tie the first (a nation keeps its own).
fn newest(a: Option<Origin>, b: Option<Origin>) -> Option<Origin> {
    match (a, b) {
        (Some(x), Some(y)) if y.tick > x.tick => Some(y),
        (None, y) => y,
        (x, _) => x,
    }
}

/// What a nation whose origin is `own` takes from `incoming`, which reaches it through its ties:
/// the newer, unless its own is a trigger that touched it directly and is recent.
fn adopt(own: Option<Origin>, incoming: Option<Origin>) -> Option<Origin> {
    let incoming = incoming.map(|origin| Origin {
        direct: false,
        ..origin
    });
    match (own, incoming) {
        (Some(mine), Some(theirs)) if mine.direct && theirs.tick < mine.tick + DIRECT_HOLD => {
            Some(mine)
        }
        _ => newest(own, incoming),
    }
}

/// Marks `nations` as reached by `trigger` now: `direct` when it touches them themselves, else
/// as a trigger reaching them through a tie (which does not replace a recent direct one).
pub fn mark(state: &mut State, nations: &[NationIx], trigger: Trigger, direct: bool) {
    let origin = Origin {
        trigger,
        tick: state.tick,
        direct,
    };
    for n in nations {
        let slot = &mut state.origins[n.ix()];
        *slot = if direct {
            Some(origin)
        } else {
            adopt(*slot, Some(origin))
        };
    }
}

/// The nations an act touches directly (before it is applied: an alliance a nation leaves
/// still lists it).
pub fn involved(world: &World, state: &State, act: &ResolvedAction) -> Vec<NationIx> {
    let members = |a: AllianceIx| -> Vec<NationIx> {
        state.alliances[a.ix()]
            .members
            .iter()
            .map(|&(m, _)| m)
            .collect()
    };
    match act {
        ResolvedAction::StartIntervention(v) => {
            let info = &world.interventions[v.ix()];
            let mut nations = info.interveners.clone();
            nations.push(info.target);
            nations
        }
        ResolvedAction::SignTreaty(t) | ResolvedAction::AbrogateTreaty { treaty: t, .. } => {
            world.treaties[t.ix()].parties.clone()
        }
        ResolvedAction::FormAlliance(a) => world.alliances[a.ix()].founders.clone(),
        ResolvedAction::JoinAlliance { alliance, nation }
        | ResolvedAction::LeaveAlliance { alliance, nation } => {
            let mut nations = members(*alliance);
            nations.push(*nation);
            nations
        }
        ResolvedAction::LeadershipChange { nation, .. }
        | ResolvedAction::SetAttribute { nation, .. }
        | ResolvedAction::ChangeDefenceAmbition { nation, .. } => vec![*nation],
        ResolvedAction::SetRelation { a, b, .. } => vec![*a, *b],
    }
}

/// Passes every nation's origin one tie on: along stored pairs, to fellow members of an alliance
/// in force and to the other nations of its region (the couplings a step reads), newest first
/// (see [`adopt`]).
pub fn spread(world: &World, state: &mut State) {
    if state.origins.iter().all(Option::is_none) {
        return; // nothing has happened yet: a world at rest passes nothing on
    }
    let before = state.origins.clone();
    let origins = &mut state.origins;
    for d in state.dyads.iter() {
        let (a, b) = (d.a.ix(), d.b.ix());
        origins[a] = adopt(origins[a], before[b]);
        origins[b] = adopt(origins[b], before[a]);
    }
    let groups = state
        .alliances
        .iter()
        .filter(|a| a.status.is_active())
        .map(|a| a.members.iter().map(|&(m, _)| m).collect::<Vec<_>>())
        .chain(world.regions.iter().map(|r| r.members.clone()));
    for group in groups {
        let Some(latest) = group.iter().map(|m| before[m.ix()]).reduce(newest) else {
            continue;
        };
        for m in group {
            origins[m.ix()] = adopt(origins[m.ix()], latest);
        }
    }
}

/// The origin that names the response terms of `entity`, given the nations' origins.
fn origin_of(
    world: &World,
    state: &State,
    origins: &[Option<Origin>],
    entity: Entity,
) -> Option<Origin> {
    let latest = |nations: &mut dyn Iterator<Item = NationIx>| {
        nations.map(|n| origins[n.ix()]).reduce(newest).flatten()
    };
    match entity {
        Entity::Nation(n) => origins[n.ix()],
        Entity::Dyad(a, b) => newest(origins[a.ix()], origins[b.ix()]),
        Entity::Member(_, n) => origins[n.ix()],
        Entity::Alliance(a) => latest(&mut state.alliances[a.ix()].members.iter().map(|&(m, _)| m)),
        Entity::Region(r) => latest(&mut world.regions[r.ix()].members.iter().copied()),
    }
}

/// Names the causes of this tick's response terms: each response term of the model's own
/// dynamics gets the origin of its owner, as it stood when the step computed it. (An
/// intervention's own terms keep naming the intervention through its drawdown; what the
/// drawdown sets off names the drawdown.)
pub fn attribute(
    world: &World,
    state: &State,
    origins: &[Option<Origin>],
    ledger: &mut TickLedger,
) {
    for change in &mut ledger.changes {
        let Some(origin) = origin_of(world, state, origins, change.entity) else {
            continue;
        };
        for term in &mut change.terms {
            if term.cause == Cause::Dynamics && !OWN_TERMS.contains(&term.id) {
                term.cause = Cause::After(origin.trigger);
            }
        }
    }
}
