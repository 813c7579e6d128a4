//! Block K (alliances): threat, divergence, the commitment of members and its dynamics, exits
//! and dissolution.

use super::super::bounded::{Driver, bounded_update};
use super::super::derived::Derived;
use super::super::ids::{AllianceIx, NationIx};
use super::super::ledger::{Cause, Entity, LedgerBuilder};
use super::super::state::{MemberRecord, State, Status};
use super::super::world::World;

/// Θ_ia: the largest threat to member i from a nation outside the alliance,
/// max_j h̃_ij·(s_j/(s_i + s_j))·(0.5 + 0.5·prox_ij). Only nations i is hostile to can count.
pub fn shared_threat(
    world: &World,
    derived: &Derived,
    i: NationIx,
    members: impl Iterator<Item = NationIx> + Clone,
) -> f64 {
    let s_i = derived.size_of(i);
    derived
        .threat
        .of(i)
        .iter()
        .filter(|e| e.hostile && e.other != i && !members.clone().any(|m| m == e.other))
        .map(|e| {
            let (j, h) = (e.other, e.bloc);
            let s_j = derived.size_of(j);
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

/// The record of a member joining now.
pub fn join_record(state: &State, i: NationIx, members: &[NationIx]) -> MemberRecord {
    MemberRecord {
        divergence_at_join: divergence(state, i, members.iter().copied()),
        ..MemberRecord::default()
    }
}

/// The commitment drivers of member i of alliance `a`, before the deviation rule.
pub fn drivers(
    world: &World,
    state: &State,
    derived: &Derived,
    a: AllianceIx,
    i: NationIx,
    record: &MemberRecord,
    incentive: f64,
) -> [Driver; 5] {
    let p = &world.params;
    let alliance = &state.alliances[a.ix()];
    let members = alliance.members.iter().map(|&(m, _)| m);
    let sizes = members.clone().map(|m| derived.size_of(m));
    let total: f64 = sizes.clone().sum();
    let leader_share = if total > 0.0 {
        sizes.fold(0.0, f64::max) / total
    } else {
        0.0
    };
    let cause = Cause::Alliance(a);
    [
        Driver::new(
            "u_th",
            "shared threat",
            p.shared_threat
                * (shared_threat(world, derived, i, members.clone()) - p.required_threat),
        ),
        Driver::new(
            "u_div",
            "diverging interests",
            -p.diverging_interests * (divergence(state, i, members) - record.divergence_at_join),
        ),
        Driver::new(
            "u_inst",
            "institutionalisation",
            p.institutionalisation * f64::min(1.0, f64::from(alliance.age) / 40.0),
        ),
        Driver::new(
            "u_heg",
            "hegemonic leadership",
            p.hegemonic_leadership * f64::max(0.0, leader_share - 0.5),
        ),
        Driver::new(
            "u_fr",
            "pulled toward the other camp",
            if incentive > 0.0 {
                -p.other_camp_pull
            } else {
                0.0
            },
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
    let incentives = switching_incentives(world, old);
    for (a, alliance) in old.alliances.iter().enumerate() {
        if !alliance.status.is_active() {
            continue;
        }
        let ax = AllianceIx(a as u32);
        for (position, &(member, omega)) in alliance.members.iter().enumerate() {
            let record = alliance.records[position];
            let mut drivers = drivers(
                world,
                old,
                derived,
                ax,
                member,
                &record,
                incentives[member.ix()],
            );
            for (driver, reference) in drivers.iter_mut().zip(record.reference) {
                driver.u -= reference;
            }
            let update =
                bounded_update(omega, (0.0, 1.0), 0.0, omega, &drivers, ledger.is_enabled());
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
    // Exits do not change sizes, so one measure of sizes serves every cohesion below.
    let sizes = super::super::derived::sizes(state, &world.calibration.norms);
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
                if omega < p.exit_commitment {
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
        for member in leaving {
            super::super::events::leave(state, AllianceIx(a as u32), member, ledger);
        }
        let cohesion = super::super::derived::cohesion(state, &sizes, AllianceIx(a as u32));
        let alliance = &mut state.alliances[a];
        if alliance.status.is_active()
            && (alliance.members.len() < 2 || cohesion < p.break_cohesion)
        {
            alliance.status = Status::Ended { at: tick };
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
