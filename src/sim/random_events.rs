//! Optional seeded random events (MODEL.md 2.10).
//!
//! At the end of each tick, one uniform per event type is drawn for every nation (and every pair
//! for pair events), used or not, from the counter-based generator: a draw depends only on
//! (seed, stream, tick, index), so adding an action never reshuffles unrelated events. The events
//! drawn are applied at the start of the next tick, as MODEL.md 2.1 orders.

use crate::model::Attribute;

use super::agreements::Agreements;
use super::bounded::push;
use super::derived::Derived;
use super::events::{shock_nation, shock_pair};
use super::ids::NationIx;
use super::intervention;
use super::ledger::{Cause, LedgerBuilder, Trigger};
use super::rng::{Stream, uniform};
use super::state::PairColumn;
use super::state::State;
use super::world::World;

pub use super::draws::RandomEvent;

/// Elections in democracies come every 16 ticks.
const ELECTION_PERIOD: u32 = 16;
/// Nations at or above this democracy level hold elections instead of random successions.
const DEMOCRACY: f64 = 0.5;

fn pair_index(a: NationIx, b: NationIx) -> u64 {
    (u64::from(a.0) << 32) | u64::from(b.0)
}

/// Draws the events of tick `tick` (the tick about to start) from `state`.
pub fn draw(world: &World, state: &State, derived: &Derived, tick: u32) -> Vec<RandomEvent> {
    let seed = world.seed;
    let mut events = Vec::new();
    for i in world.nation_indices() {
        let x = state.nation(i);
        let index = u64::from(i.0);
        let leadership = uniform(seed, Stream::Leadership, tick, index);
        let shift = uniform(seed, Stream::Leadership, tick, index | 1 << 63) - 0.5;
        if x.democracy >= DEMOCRACY {
            if tick > 0 && tick.is_multiple_of(ELECTION_PERIOD) {
                events.push(RandomEvent::Leadership {
                    nation: i,
                    ideology_shift: 0.4 * shift,
                });
            }
        } else if leadership < 0.02 + 0.05 * (1.0 - x.stability) {
            events.push(RandomEvent::Leadership {
                nation: i,
                ideology_shift: 0.8 * shift,
            });
        }
        if uniform(seed, Stream::Coup, tick, index)
            < 0.02 * (1.0 - x.democracy) * (1.0 - x.stability)
        {
            events.push(RandomEvent::Coup {
                nation: i,
                ideology_shift: shift,
            });
        }
        if uniform(seed, Stream::EconomicShock, tick, index) < 0.02 {
            let size = uniform(seed, Stream::EconomicShockSize, tick, index);
            events.push(RandomEvent::EconomicShock {
                nation: i,
                share: 0.03 + 0.05 * size,
            });
        }
        if uniform(seed, Stream::ArmedGroupAttack, tick, index) < 0.1 * x.armed_groups {
            events.push(RandomEvent::ArmedGroupAttack { nation: i });
        }
    }
    for dyad in state.dyads.iter() {
        let hostility = f64::max(0.0, -dyad.relation);
        if hostility == 0.0 {
            continue;
        }
        let index = pair_index(dyad.a, dyad.b);
        let incident = 0.02 * hostility * world.proximity(dyad.a, dyad.b) * (1.0 - dyad.trust);
        if uniform(seed, Stream::BorderIncident, tick, index) < incident {
            events.push(RandomEvent::BorderIncident {
                a: dyad.a,
                b: dyad.b,
            });
        }
        for (attacker, target, half) in [(dyad.a, dyad.b, 0u64), (dyad.b, dyad.a, 1u64 << 63)] {
            let risk =
                super::hazards::attack_on_pair(world, state, derived, attacker, target, &dyad);
            if uniform(seed, Stream::Escalation, tick, index ^ half) < risk {
                events.push(RandomEvent::Escalation { attacker, target });
            }
        }
    }
    events
}

/// Applies the events drawn for this tick.
pub fn apply(world: &World, state: &mut State, ledger: &mut LedgerBuilder) {
    let events = std::mem::take(&mut state.pending_random);
    for event in events {
        super::origins::mark(state, &event.nations(), Trigger::Random(event.kind()), true);
        match event {
            RandomEvent::Leadership {
                nation,
                ideology_shift,
            } => {
                let cause = Cause::Random("leadership");
                shift_ideology(state, nation, ideology_shift, cause, ledger);
                super::events::commitment_shock(
                    world,
                    state,
                    nation,
                    ideology_shift,
                    cause,
                    ledger,
                );
            }
            RandomEvent::Coup {
                nation,
                ideology_shift,
            } => {
                let cause = Cause::Random("coup");
                shift_ideology(state, nation, ideology_shift, cause, ledger);
                shock_nation(
                    state,
                    nation,
                    Attribute::Democracy,
                    |before| (before - 0.1).max(0.0),
                    ("coup", "coup"),
                    cause,
                    ledger,
                );
                shock_nation(
                    state,
                    nation,
                    Attribute::Stability,
                    |before| before + (push(before, 0.0, 1.0, -0.1)),
                    ("coup", "coup"),
                    cause,
                    ledger,
                );
                super::events::commitment_shock(
                    world,
                    state,
                    nation,
                    ideology_shift,
                    cause,
                    ledger,
                );
            }
            RandomEvent::EconomicShock { nation, share } => {
                shock_nation(
                    state,
                    nation,
                    Attribute::Economy,
                    |before| before * (1.0 - share),
                    ("recession", "economic shock"),
                    Cause::Random("economic_shock"),
                    ledger,
                );
            }
            RandomEvent::ArmedGroupAttack { nation } => {
                let cause = Cause::Random("armed_group_attack");
                shock_nation(
                    state,
                    nation,
                    Attribute::Stability,
                    |before| before + (push(before, 0.0, 1.0, -0.02)),
                    ("attack", "attack by armed groups"),
                    cause,
                    ledger,
                );
                // The insurgents' foreign sponsors pay in standing.
                let sponsors: Vec<NationIx> = world
                    .interventions_on(nation)
                    .iter()
                    .filter(|v| state.interventions[v.ix()].status.is_active())
                    .flat_map(|v| intervention::counter_interveners(world, state, v.ix()))
                    .collect();
                for sponsor in sponsors {
                    shock_nation(
                        state,
                        sponsor,
                        Attribute::Legitimacy,
                        |before| before + (push(before, 0.0, 1.0, -0.02)),
                        ("sponsor", "sponsoring armed groups"),
                        cause,
                        ledger,
                    );
                }
            }
            RandomEvent::BorderIncident { a, b } => {
                shock_pair(
                    state,
                    a,
                    b,
                    PairColumn::Relation,
                    |before| (before - 0.1).max(-1.0),
                    ("incident", "border incident"),
                    Cause::Random("border_incident"),
                    ledger,
                );
            }
            RandomEvent::Escalation { attacker, target } => {
                escalate(world, state, attacker, target, ledger)
            }
        }
    }
}

fn shift_ideology(
    state: &mut State,
    nation: NationIx,
    shift: f64,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    shock_nation(
        state,
        nation,
        Attribute::Ideology,
        |before| (before + shift).clamp(-1.0, 1.0),
        ("leadership", "leadership change"),
        cause,
        ledger,
    );
}

/// Intensity of fighting an escalation starts.
const ESCALATION: f64 = 0.5;

/// `attacker` attacks `target`; the target's collective-defence allies join with probability
/// rel_mi (block K), bringing half the intensity.
fn escalate(
    world: &World,
    state: &mut State,
    attacker: NationIx,
    target: NationIx,
    ledger: &mut LedgerBuilder,
) {
    let cause = Cause::Random("escalation");
    let tick = state.tick;
    set_fighting(state, attacker, target, ESCALATION, cause, ledger);
    let agreements = Agreements::of_state(world, state);
    for ally in agreements.allies_of(target) {
        let ally = ally.nation;
        if ally == attacker {
            continue;
        }
        let reliability = agreements.reliability(state, ally, target);
        let index = pair_index(ally, attacker) ^ (u64::from(target.0) << 16);
        if uniform(world.seed, Stream::AllyJoins, tick, index) < reliability {
            set_fighting(
                state,
                ally,
                attacker,
                0.5 * ESCALATION,
                Cause::Random("ally_joins"),
                ledger,
            );
        }
    }
}

fn set_fighting(
    state: &mut State,
    a: NationIx,
    b: NationIx,
    level: f64,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let tick = state.tick;
    shock_pair(
        state,
        a,
        b,
        PairColumn::Fighting,
        |before| f64::max(before, level),
        ("war", "outbreak of fighting"),
        cause,
        ledger,
    );
    let position = state.dyads.insert(a, b);
    state.dyads.set_fought_at(position, tick);
}
