//! Block K (alliances): threat, divergence, the commitment of members and its dynamics, exits
//! and dissolution. In model 2 a commitment returns toward its level at joining and follows the
//! changes of its inputs since then (docs/MODEL.md).

use super::super::bounded::{Driver, bounded_update};
use super::super::derived::Derived;
use super::super::ids::{AllianceIx, NationIx};
use super::super::ledger::{Cause, Entity, LedgerBuilder, Trigger};
use super::super::origins;
use super::super::state::{MemberRecord, State, Status};
use super::super::world::World;

/// Θ_ia: the largest threat to member i from a nation outside the alliance,
/// max_j h̃_ij·(s_j/(s_i + s_j))·(0.5 + 0.5·prox_ij). Only nations i is hostile to (or to whose
/// bloc it is) can count. Bloc hostility reads the cohesion rivals' alliances had when their
/// members joined, so commitments on either side do not feed on each other.
pub fn shared_threat(
    world: &World,
    derived: &Derived,
    i: NationIx,
    members: impl Iterator<Item = NationIx> + Clone,
) -> f64 {
    let s_i = derived.weight_of(i);
    derived
        .threat
        .of(i)
        .iter()
        .filter(|e| e.hostile && e.other != i && !members.clone().any(|m| m == e.other))
        .map(|e| {
            let (j, h) = (e.other, e.bloc);
            let s_j = derived.weight_of(j);
            let share = if s_i + s_j > 0.0 {
                s_j / (s_i + s_j)
            } else {
                0.0
            };
            h * share * (0.5 + 0.5 * world.proximity(i, j))
        })
        .fold(0.0, f64::max)
}

/// Div_ia: mean over the other members of ¼(1 − R_im) + ¼|I_i − I_m|.
pub fn divergence(state: &State, i: NationIx, members: impl Iterator<Item = NationIx>) -> f64 {
    let mut others = 0usize;
    let total: f64 = members
        .filter(|&m| m != i)
        .map(|m| {
            others += 1;
            0.25 * (1.0 - state.dyads.relation(i, m))
                + 0.25 * (state.nation(i).ideology - state.nation(m).ideology).abs()
        })
        .sum();
    if others == 0 {
        return 0.0;
    }
    total / others as f64
}

/// ω_ia(0) = clamp(0.4 + 0.6·Θ_ia − 0.4·Div_ia, 0.2, 0.95).
pub fn initial_commitment(
    world: &World,
    state: &State,
    derived: &Derived,
    i: NationIx,
    members: &[NationIx],
) -> f64 {
    let threat = shared_threat(world, derived, i, members.iter().copied());
    (0.4 + 0.6 * threat - 0.4 * divergence(state, i, members.iter().copied())).clamp(0.2, 0.95)
}

/// What a member's commitment responds to (model 2): shared threat, divergence, the alliance's
/// maturity, hegemonic leadership and the pull of the other camp, in the order of
/// [`MemberRecord::reference`].
#[allow(clippy::too_many_arguments)]
pub fn inputs(
    world: &World,
    state: &State,
    derived: &Derived,
    members: &[NationIx],
    age: u32,
    i: NationIx,
    incentive: f64,
) -> [f64; 5] {
    let weights = &derived.weights;
    let total: f64 = members.iter().map(|m| weights[m.ix()]).sum();
    let largest = members.iter().map(|m| weights[m.ix()]).fold(0.0, f64::max);
    let leader_share = if total > 0.0 { largest / total } else { 0.0 };
    [
        shared_threat(world, derived, i, members.iter().copied()),
        divergence(state, i, members.iter().copied()),
        f64::min(1.0, f64::from(age) / 40.0),
        f64::max(0.0, leader_share - 0.5),
        (incentive / OTHER_CAMP_PULL).clamp(0.0, 1.0),
    ]
}

/// Share of the response of commitment to threat that institutionalisation removes at maturity.
pub const MATURE_THREAT_DAMPING: f64 = 0.75;

/// Normalised switching incentive at which the other camp's pull on a member is full.
pub const OTHER_CAMP_PULL: f64 = 0.5;

/// A member's commitment must fall this far below its level at joining (and below ω_exit) before
/// it leaves, and cohesion this far below its level at joining (and below C_break) before the
/// alliance dissolves: a member that joined at the exit level does not leave at the first
/// wobble (model 2).
pub const EXIT_MARGIN: f64 = 0.05;

/// How a member comes into an alliance, for what its commitment is measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joining {
    /// A member of an alliance in force at load (the deviation rule prices everything in).
    AtLoad,
    /// A founder of an alliance formed during a run: the alliance needs at least the shared
    /// threat θ_req to hold it; below that, the founder's commitment erodes from the start.
    Founder,
    /// A nation joining an alliance already in force: it joins an institution, as it stands.
    Joiner,
}

/// The record of member i joining `alliance` now with commitment `omega`: the inputs its
/// commitment will be measured from.
#[allow(clippy::too_many_arguments)]
pub fn join_record(
    world: &World,
    state: &State,
    derived: &Derived,
    members: &[NationIx],
    age: u32,
    i: NationIx,
    omega: f64,
    joining: Joining,
) -> MemberRecord {
    let incentives = super::super::landscape::soft_incentives(world, state, &derived.weights);
    let mut reference = inputs(world, state, derived, members, age, i, incentives[i.ix()]);
    if joining == Joining::Founder {
        reference[0] = f64::max(reference[0], world.params.required_threat);
    }
    MemberRecord {
        commitment_at_join: omega,
        reference,
        ..MemberRecord::default()
    }
}

/// Re-measures the records of the members of alliances in force at load on the calibrated load
/// state (every pair the rules can move is stored by then).
pub fn record_load_members(world: &World, state: &mut State, derived: &Derived) {
    for (a, info) in world.alliances.iter().enumerate() {
        if info.formed_by.is_some() {
            continue;
        }
        let alliance = &state.alliances[a];
        let members: Vec<NationIx> = alliance.members.iter().map(|&(m, _)| m).collect();
        let records: Vec<MemberRecord> = alliance
            .members
            .iter()
            .map(|&(m, omega)| {
                join_record(
                    world,
                    state,
                    derived,
                    &members,
                    alliance.age,
                    m,
                    omega,
                    Joining::AtLoad,
                )
            })
            .collect();
        state.alliances[a].records = records;
    }
}

/// The commitment drivers of member i of alliance `a` (model 2): each input's change since the
/// member joined, times its coefficient; with the return toward the commitment at joining
/// (ρ_ω), a lasting change of an input moves the commitment by κ/ρ_ω times the change, and a
/// change that fades leaves nothing behind.
fn drivers(
    world: &World,
    inputs: [f64; 5],
    record: &MemberRecord,
    age: u32,
    cause: Cause,
) -> [Driver; 5] {
    let p = &world.params;
    let change = |k: usize| inputs[k] - record.reference[k];
    // Institutionalised alliances ride out changes of threat (Walt 1997): from 20 ticks of age
    // to 40 the response of commitment to threat falls to a quarter of a young alliance's.
    let maturity = ((f64::from(age) - 20.0) / 20.0).clamp(0.0, 1.0);
    let threat_response = p.shared_threat * (1.0 - MATURE_THREAT_DAMPING * maturity);
    [
        Driver::new("u_th", "shared threat", threat_response * change(0)),
        Driver::new(
            "u_div",
            "diverging interests",
            -p.diverging_interests * change(1),
        ),
        Driver::new(
            "u_inst",
            "institutionalisation",
            p.institutionalisation * change(2),
        ),
        Driver::new(
            "u_heg",
            "hegemonic leadership",
            p.hegemonic_leadership * change(3),
        ),
        Driver::new(
            "u_fr",
            "pulled toward the other camp",
            -p.other_camp_pull * change(4),
        ),
    ]
    .map(|d| d.because(cause))
}

/// z_i for every nation on the current alignment (block L), when any alliance is in force.
pub fn switching_incentives(world: &World, state: &State) -> Vec<f64> {
    if !state.alliances.iter().any(|a| a.status.is_active()) {
        return vec![0.0; world.nation_count()];
    }
    let camps = super::super::landscape::current_camps(world, state);
    let sizes = super::super::derived::sizes(state, &world.calibration.norms);
    // Landscape::of_state(..).incentives(..) without building the landscape: the same terms in
    // the same (ascending neighbour) order.
    state
        .nation_indices()
        .map(|i| {
            let relations = state.dyads.relations();
            state
                .dyads
                .neighbours(i)
                .iter()
                .map(|&(j, position)| (j, relations[position as usize]))
                .filter(|&(_, r)| r != 0.0)
                .map(|(j, r)| {
                    let across = if camps[i.ix()] != camps[j.ix()] {
                        1.0
                    } else {
                        -1.0
                    };
                    sizes[j.ix()] * r * across
                })
                .sum()
        })
        .collect()
}

/// Computes every member's new commitment ω from the old state (Jacobi) into `next`, alliance by
/// alliance and member by member (the order [`apply_commitments`] reads them back in).
pub fn update_commitments(
    world: &World,
    old: &State,
    derived: &Derived,
    next: &mut Vec<f64>,
    ledger: &mut LedgerBuilder,
) {
    if !old.alliances.iter().any(|a| a.status.is_active()) {
        return;
    }
    let incentives = super::super::landscape::soft_incentives(world, old, &derived.weights);
    let mut members = Vec::new();
    for (a, alliance) in old.alliances.iter().enumerate() {
        if !alliance.status.is_active() {
            continue;
        }
        let ax = AllianceIx(a as u32);
        members.clear();
        members.extend(alliance.members.iter().map(|&(m, _)| m));
        for (position, &(member, omega)) in alliance.members.iter().enumerate() {
            let record = alliance.records[position];
            let now = inputs(
                world,
                old,
                derived,
                &members,
                alliance.age,
                member,
                incentives[member.ix()],
            );
            let drivers = drivers(world, now, &record, alliance.age, Cause::Alliance(ax));
            let update = bounded_update(
                omega,
                (0.0, 1.0),
                world.params.commitment_adjustment,
                record.commitment_at_join,
                &drivers,
                ledger.is_enabled(),
            );
            next.push(update.value);
            ledger.record(
                Entity::Member(ax, member),
                "commitment",
                omega,
                update.value,
                update.terms,
                update.saturated,
            );
        }
    }
}

/// Writes the commitments [`update_commitments`] computed into `state`.
pub fn apply_commitments(state: &mut State, values: &[f64]) {
    let mut values = values.iter();
    for alliance in &mut state.alliances {
        if !alliance.status.is_active() {
            continue;
        }
        for (_, omega) in &mut alliance.members {
            if let Some(&value) = values.next() {
                *omega = value;
            }
        }
    }
}

/// MODEL.md 2.1 step 5: a member whose commitment stayed below ω_exit for 2 ticks leaves (an
/// abrogation); an alliance of fewer than 2 members or cohesion below C_break dissolves.
pub fn membership_checks(world: &World, state: &mut State, ledger: &mut LedgerBuilder) {
    let p = &world.params;
    let tick = state.tick;
    // Cohesion is measured with the structural weights, the same for every check below.
    let current = super::super::derived::sizes(state, &world.calibration.norms);
    let weights = super::super::derived::structural_weights(world, &current);
    let incentives = if world.settings.autonomous_states {
        switching_incentives(world, state)
    } else {
        Vec::new()
    };
    for a in 0..state.alliances.len() {
        if !state.alliances[a].status.is_active() {
            continue;
        }
        let mut leaving = Vec::new();
        {
            let alliance = &mut state.alliances[a];
            for (position, &(member, omega)) in alliance.members.iter().enumerate() {
                let record = &mut alliance.records[position];
                if omega < p.exit_commitment && omega < record.commitment_at_join - EXIT_MARGIN {
                    record.ticks_below_exit += 1;
                } else {
                    record.ticks_below_exit = 0;
                }
                // Autonomous states leave an alliance after 4 ticks of wanting the other camp.
                let wavering = incentives
                    .get(member.ix())
                    .is_some_and(|&z| z > p.exit_incentive);
                record.ticks_wavering = if wavering {
                    record.ticks_wavering + 1
                } else {
                    0
                };
                if record.ticks_below_exit >= 2 || record.ticks_wavering >= 4 {
                    leaving.push(member);
                }
            }
        }
        let ix = AllianceIx(a as u32);
        for member in leaving {
            let trigger = Trigger::Exit(ix, member);
            let partners: Vec<NationIx> = state.alliances[a]
                .members
                .iter()
                .map(|&(m, _)| m)
                .filter(|&m| m != member)
                .collect();
            origins::mark(state, &[member], trigger, true);
            origins::mark(state, &partners, trigger, false);
            super::super::events::leave(state, ix, member, Cause::After(trigger), ledger);
        }
        let cohesion = super::super::derived::cohesion(state, weights, ix);
        let joined = super::super::derived::joined_cohesion(state, weights, ix);
        let alliance = &mut state.alliances[a];
        if alliance.status.is_active()
            && (alliance.members.len() < 2
                || (cohesion < p.break_cohesion && cohesion < joined - EXIT_MARGIN))
        {
            alliance.status = Status::Ended { at: tick };
            let members: Vec<NationIx> = alliance.members.iter().map(|&(m, _)| m).collect();
            origins::mark(state, &members, Trigger::Dissolution(ix), true);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_incentives_are_those_of_the_landscape_of_the_state() {
        let mut checked = 0;
        for seed in 1..4 {
            let size = crate::model::generate::Size {
                nations: 24,
                relations: 60,
                alliances: 4,
                treaties: 6,
                events: 12,
                horizon: 30,
            };
            let scenario = crate::model::generate::generate(size, seed);
            let mut run = crate::sim::Simulation::new(&scenario).unwrap();
            run.run_to(scenario.horizon);
            for state in &run.collect_states() {
                if !state.alliances.iter().any(|a| a.status.is_active()) {
                    continue;
                }
                let world = run.world();
                let camps = crate::sim::landscape::current_camps(world, state);
                let expected =
                    crate::sim::landscape::Landscape::of_state(world, state).incentives(&camps);
                assert_eq!(switching_incentives(world, state), expected);
                checked += 1;
            }
        }
        assert!(checked > 60, "{checked}");
    }
}
