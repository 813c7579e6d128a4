//! Interventions (MODEL.md 2.7): legality, the shocks at the start and during the combat phase,
//! and the f-weighted local measures (engagement, local legitimacy, counter-intervention).

use crate::model::{Attribute, InterventionKind, LegalBasis, Side};

use super::bounded::push;
use super::events::{shock_nation, shock_pair};
use super::ids::{InterventionIx, NationIx};
use super::ledger::{Cause, LedgerBuilder};
use super::state::PairColumn;
use super::state::{State, Status};
use super::world::{InterventionInfo, World};

/// Ticks a fight may lie back for a self-defence claim to count as valid.
const SELF_DEFENCE_MEMORY: u32 = 8;

/// ℓ = min(1, base(basis) + bonus·m) (MODEL.md 2.4).
pub fn legality(world: &World, state: &State, info: &InterventionInfo) -> f64 {
    let p = &world.params;
    let base = match info.legal_basis {
        LegalBasis::Unsc => p.legality_unsc,
        LegalBasis::Regional => p.legality_regional,
        LegalBasis::NoMandate => p.legality_none,
        LegalBasis::SelfDefence => {
            let fought = |j: NationIx| {
                state
                    .dyads
                    .get(j, info.target)
                    .and_then(|d| d.fought_at)
                    .is_some_and(|at| at + SELF_DEFENCE_MEMORY >= state.tick)
            };
            let agreements = super::agreements::Agreements::of_state(world, state);
            let allies_fought = info.interveners.iter().any(|&j| {
                fought(j)
                    || agreements
                        .allies_of(j)
                        .iter()
                        .any(|ally| fought(ally.nation))
            });
            if allies_fought {
                p.legality_self_defence
            } else {
                p.legality_claimed_self_defence
            }
        }
    };
    let bonus = if info.multilateral {
        p.multilateral_bonus
    } else {
        0.0
    };
    f64::min(1.0, base + bonus)
}

/// Whether third party q reacts to intervention `info` (docs/MODEL.md, deviation 19): nations of
/// the target's region always do; elsewhere, only those with a relation to the target or to an
/// intervener, so an operation does not create relations across a whole large world.
pub fn takes_notice(world: &World, state: &State, info: &InterventionInfo, q: NationIx) -> bool {
    world.nations[q.ix()].region == world.nations[info.target.ix()].region
        || state.dyads.position(q, info.target).is_some()
        || info
            .interveners
            .iter()
            .any(|&j| state.dyads.position(q, j).is_some())
}

/// (good, coercive) legitimacy weights of a kind (MODEL.md 2.7).
pub fn legitimacy_weights(kind: InterventionKind, consent: bool) -> (f64, f64) {
    match kind {
        InterventionKind::Humanitarian => (1.0, 0.4),
        InterventionKind::RegimeChange => (0.3, 1.0),
        InterventionKind::PreventiveStrike => (0.2, 1.0),
        InterventionKind::Peacekeeping if consent => (1.0, 0.0),
        // Peacekeeping without the host's consent is treated as coercive.
        InterventionKind::Peacekeeping => (1.0, 1.0),
        InterventionKind::CoalitionOperation => (0.6, 0.6),
    }
}

/// Whether the interveners act against the target's government.
pub fn against_government(info: &InterventionInfo) -> bool {
    match info.kind {
        InterventionKind::RegimeChange | InterventionKind::PreventiveStrike => true,
        InterventionKind::CoalitionOperation => true,
        InterventionKind::Humanitarian => info.side == Side::Opposition,
        InterventionKind::Peacekeeping => false,
    }
}

fn mean_ideology(state: &State, nations: &[NationIx]) -> f64 {
    nations
        .iter()
        .map(|&j| state.nation(j).ideology)
        .sum::<f64>()
        / nations.len().max(1) as f64
}

/// The shocks at t0 (MODEL.md 2.5 E, F and 2.7).
pub fn start(
    world: &World,
    state: &mut State,
    v: InterventionIx,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let info = &world.interventions[v.ix()];
    let k = info.target;
    let ell = legality(world, state, info);
    {
        let record = &mut state.interventions[v.ix()];
        record.status = Status::Active { since: state.tick };
        record.target_effort_before = state.nations[k.ix()].effort;
        record.legality = ell;
    }
    // Potential backers of the other side (Regan 2002), judged by their relation with the
    // target before the intervention: friends of a government the interveners attack, enemies
    // of one they support. Their relation with the interveners is judged each tick.
    if info.legal_basis != LegalBasis::Unsc {
        let against = against_government(info);
        let candidates: Vec<NationIx> = world
            .nation_indices()
            .filter(|&q| q != k && !info.interveners.contains(&q))
            .filter(|&q| {
                let toward_target = state.dyads.relation(q, k);
                if against {
                    toward_target > COUNTER_THRESHOLD
                } else {
                    toward_target < -COUNTER_THRESHOLD
                }
            })
            .collect();
        state.interventions[v.ix()].counter_candidates = candidates;
    }
    state.interventions[v.ix()].started_at = Some(state.tick);
    for &j in &info.interveners {
        state.dyads.insert(j, k);
    }
    let multilateral = if info.multilateral { 1.0 } else { 0.0 };
    let (good, coercive) = legitimacy_weights(info.kind, info.consent);
    const LAUNCH: (&str, &str) = ("launch", "launching an intervention");
    let u = 0.10 * ell * good - 0.15 * (1.0 - ell) * coercive + 0.03 * multilateral;
    for &j in &info.interveners {
        shock_nation(
            state,
            j,
            Attribute::Legitimacy,
            |before| before + push(before, 0.0, 1.0, u),
            LAUNCH,
            cause,
            ledger,
        );
    }
    // Third parties cool toward the interveners, the more the less legal the operation.
    let ideology_j = mean_ideology(state, &info.interveners);
    const THIRD: (&str, &str) = ("third_party", "reaction of third parties");
    if ell < 1.0 {
        for q in world.nation_indices() {
            if q == k || info.interveners.contains(&q) {
                continue;
            }
            if !takes_notice(world, state, info, q) {
                continue;
            }
            let u = -0.15
                * (1.0 - ell)
                * (0.5 + 0.5 * (state.nation(q).ideology - ideology_j).abs())
                * world.proximity(q, k);
            for &j in &info.interveners {
                shock_pair(
                    state,
                    q,
                    j,
                    PairColumn::Relation,
                    |before| before + push(before, -1.0, 1.0, u),
                    THIRD,
                    cause,
                    ledger,
                );
            }
        }
    }
    // Unilateral action makes the target's region distrust the intervener.
    if !info.multilateral {
        let region = world.nations[k.ix()].region;
        for &j in &info.interveners {
            for &i in &world.regions[region.ix()].members {
                if i == j {
                    continue;
                }
                shock_pair(
                    state,
                    i,
                    j,
                    PairColumn::Trust,
                    |before| before - 0.15 * (1.0 - ell) * before,
                    ("unilateral", "unilateral intervention nearby"),
                    cause,
                    ledger,
                );
            }
        }
    }
    match info.kind {
        InterventionKind::Humanitarian => {
            shock_nation(
                state,
                k,
                Attribute::Grievance,
                |before| before + (push(before, 0.0, 1.0, -0.05)),
                ("protection", "protection of civilians"),
                cause,
                ledger,
            );
        }
        InterventionKind::RegimeChange => regime_change(world, state, v, cause, ledger),
        InterventionKind::PreventiveStrike => {
            shock_nation(
                state,
                k,
                Attribute::Capability,
                |before| before * (1.0 - 0.3 * info.strike_intensity),
                ("strike", "preventive strike"),
                cause,
                ledger,
            );
            shock_nation(
                state,
                k,
                Attribute::Grievance,
                |before| before + (push(before, 0.0, 1.0, 0.05)),
                ("strike", "preventive strike"),
                cause,
                ledger,
            );
            for &j in &info.interveners {
                shock_pair(
                    state,
                    k,
                    j,
                    PairColumn::Relation,
                    |before| (before - 0.4).max(-1.0),
                    ("strike", "preventive strike"),
                    cause,
                    ledger,
                );
            }
        }
        InterventionKind::Peacekeeping | InterventionKind::CoalitionOperation => {}
    }
}

/// Foreign-imposed regime change on the target (MODEL.md 2.5 G, I and 2.7).
pub fn regime_change(
    world: &World,
    state: &mut State,
    v: InterventionIx,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let info = &world.interventions[v.ix()];
    let k = info.target;
    let (planning, engagement) = (info.planning, info.engagement);
    let ell = state.interventions[v.ix()].legality;
    const TERM: (&str, &str) = ("regime_change", "regime change");
    // Former friends of the old regime turn against the new one.
    let relations = state.dyads.relations();
    let friends: Vec<NationIx> = state
        .dyads
        .neighbours(k)
        .iter()
        .filter(|&&(q, position)| {
            relations[position as usize] > 0.3 && !info.interveners.contains(&q)
        })
        .map(|&(q, _)| q)
        .collect();
    let ideology_j = mean_ideology(state, &info.interveners);
    let shift = 0.6 * (ideology_j - state.nations[k.ix()].ideology);
    shock_nation(
        state,
        k,
        Attribute::Ideology,
        |before| (before + shift).clamp(-1.0, 1.0),
        TERM,
        cause,
        ledger,
    );
    shock_nation(
        state,
        k,
        Attribute::Capacity,
        |before| before * (1.0 - 0.5 * (1.0 - 0.5 * planning)),
        TERM,
        cause,
        ledger,
    );
    shock_nation(
        state,
        k,
        Attribute::Grievance,
        |before| 0.3 * before + 0.15 * (1.0 - engagement) * (1.0 - ell),
        TERM,
        cause,
        ledger,
    );
    let x = &mut state.nations[k.ix()];
    x.leader = format!(
        "installed by {}",
        world.nations[info.interveners[0].ix()].id
    )
    .as_str()
    .into();
    x.capacity_target = x.baseline.capacity * (1.0 - 0.4 * (1.0 - engagement));
    x.rebuilding = Some(0.2 + 0.8 * planning * (0.5 + 0.5 * engagement));
    x.grievance_target = 0.5 * x.baseline.grievance;
    for &j in &info.interveners {
        shock_pair(
            state,
            j,
            k,
            PairColumn::Relation,
            |before| f64::max(before, 0.3),
            TERM,
            cause,
            ledger,
        );
    }
    for q in friends {
        shock_pair(
            state,
            q,
            k,
            PairColumn::Relation,
            |before| (before - 0.6).max(-1.0),
            TERM,
            cause,
            ledger,
        );
    }
    super::events::commitment_shock(world, state, k, shift, cause, ledger);
}

/// Combat intensity an intervention imposes at `tick`, if in its combat window (MODEL.md 2.7).
pub fn combat_level(info: &InterventionInfo, tick: u32) -> Option<f64> {
    let since = tick.checked_sub(info.start)?;
    let (level, ticks) = match info.kind {
        InterventionKind::Humanitarian if info.side == Side::Opposition => (0.2, 2),
        InterventionKind::RegimeChange => (0.3, 1),
        InterventionKind::PreventiveStrike => (0.2, 1),
        InterventionKind::CoalitionOperation => (0.4, info.duration.min(4)),
        _ => return None,
    };
    (since < ticks).then_some(level)
}

/// The per-tick phase changes of running interventions: combat, the war with the old regime
/// ending the tick after a regime change, a coalition's regime change after its combat phase.
pub fn phase_shocks(world: &World, state: &mut State, ledger: &mut LedgerBuilder) {
    let tick = state.tick;
    for (v, info) in world.interventions.iter().enumerate() {
        if !state.interventions[v].status.is_active() {
            continue;
        }
        let cause = Cause::Intervention(InterventionIx(v as u32));
        if let Some(level) = combat_level(info, tick) {
            for &j in &info.interveners {
                shock_pair(
                    state,
                    j,
                    info.target,
                    PairColumn::Fighting,
                    |before| f64::max(before, level),
                    ("combat", "combat operations"),
                    cause,
                    ledger,
                );
                let position = state.dyads.insert(j, info.target);
                state.dyads.set_fought_at(position, tick);
            }
        }
        let coalition_regime_change = info.kind == InterventionKind::CoalitionOperation
            && info.regime_change_goal
            && tick == info.start + info.duration.min(4);
        if coalition_regime_change {
            regime_change(world, state, InterventionIx(v as u32), cause, ledger);
        }
    }
}

/// The tick at which an intervention's war with the target's old regime ends (regime change:
/// the tick after t0; a coalition aiming at regime change: after its combat phase).
fn regime_falls(info: &InterventionInfo) -> Option<u32> {
    match info.kind {
        InterventionKind::RegimeChange => Some(info.start + 1),
        InterventionKind::CoalitionOperation if info.regime_change_goal => {
            Some(info.start + info.duration.min(4))
        }
        _ => None,
    }
}

/// End of a step (MODEL.md 2.1 step 5): when the old regime has fallen, the fighting with it
/// stops (W_Jk ← 0), so the new tick shows none.
pub fn after_step(world: &World, state: &mut State, ledger: &mut LedgerBuilder) {
    let tick = state.tick;
    for (v, info) in world.interventions.iter().enumerate() {
        if !state.interventions[v].status.is_active() || regime_falls(info) != Some(tick) {
            continue;
        }
        let cause = Cause::Intervention(InterventionIx(v as u32));
        for &j in &info.interveners {
            shock_pair(
                state,
                j,
                info.target,
                PairColumn::Fighting,
                |_| 0.0,
                ("regime_gone", "the old regime is gone"),
                cause,
                ledger,
            );
        }
    }
}

/// |R| beyond which an outside state takes sides in an intervention (Regan 2002).
const COUNTER_THRESHOLD: f64 = 0.3;

/// Ticks after an intervention ends during which its counter-interveners keep backing insurgents.
const PROXY_AFTERMATH: u32 = 8;

/// The outside states backing the side intervention `v` opposes at this tick: candidates (fixed
/// at t0 by their relation with the target) whose current mean relation with the interveners is
/// below −0.3, from τ_px ticks after t0 until 8 ticks after the intervention ends. Empty for
/// UNSC-mandated operations.
pub fn counter_interveners(world: &World, state: &State, v: usize) -> Vec<NationIx> {
    let info = &world.interventions[v];
    let record = &state.interventions[v];
    let Some(started) = record.started_at else {
        return Vec::new();
    };
    let running = match record.status {
        Status::Active { .. } => true,
        Status::Ended { at } => state.tick < at + PROXY_AFTERMATH,
        Status::Pending => false,
    };
    let lag = world.params.proxy_lag;
    if !running || f64::from(state.tick - started) < lag {
        return Vec::new();
    }
    record
        .counter_candidates
        .iter()
        .copied()
        .filter(|&q| {
            let toward_interveners = info
                .interveners
                .iter()
                .map(|&j| state.dyads.relation(q, j))
                .sum::<f64>()
                / info.interveners.len().max(1) as f64;
            toward_interveners < -COUNTER_THRESHOLD
        })
        .collect()
}

/// Proxy_k: the weight of outside backers of the side the interveners oppose, while a non-UNSC
/// intervention is active or ended less than 8 ticks ago (after the onset lag τ_px).
pub fn proxy(world: &World, state: &State, sizes: &[f64], k: NationIx) -> f64 {
    let mut backers: Vec<NationIx> = Vec::new();
    let mut interveners: Vec<NationIx> = Vec::new();
    for &v in world.interventions_on(k) {
        let info = &world.interventions[v.ix()];
        if info.legal_basis == LegalBasis::Unsc {
            continue;
        }
        let counter = counter_interveners(world, state, v.ix());
        if !counter.is_empty() {
            backers.extend(counter);
            interveners.extend(&info.interveners);
        }
    }
    backers.sort();
    backers.dedup();
    interveners.sort();
    interveners.dedup();
    let backing: f64 = backers.iter().map(|q| sizes[q.ix()]).sum();
    let opposing: f64 = interveners.iter().map(|j| sizes[j.ix()]).sum();
    if backing + opposing > 0.0 {
        f64::min(1.0, backing / (backing + opposing))
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use crate::model::generate::{Size, generate};
    use crate::model::{Action, Event, Intervention, InterventionKind, Relation};
    use crate::sim::Simulation;

    /// A unilateral operation cools the intervener's relations with the target's region and with
    /// nations related to either side, and creates no relation with anyone else.
    #[test]
    fn third_parties_without_a_stake_take_no_notice() {
        let size = Size {
            nations: 30,
            relations: 0,
            alliances: 0,
            treaties: 0,
            events: 0,
            horizon: 4,
        };
        let mut scenario = generate(size, 2);
        let id = |i: usize| scenario.nations[i].id.clone();
        // Nation 25 (another region) is related to the target, nation 1.
        scenario.relations.push(Relation {
            a: id(1),
            b: id(25),
            relation: 0.2,
            trust: 0.5,
        });
        let op = Intervention::new(
            "op".into(),
            InterventionKind::RegimeChange,
            vec![id(0)],
            id(1),
        );
        scenario
            .events
            .push(Event::new(1, Action::Intervention(op)));
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(2);
        let (world, state) = (run.world(), run.current());
        let nation = |i: usize| world.nation(scenario.nations[i].id.as_str()).unwrap();
        let region_of = |i: usize| world.nations[nation(i).ix()].region;
        for q in 2..30 {
            let related = state.dyads.get(nation(0), nation(q));
            if region_of(q) == region_of(1) || q == 25 {
                assert!(related.is_some_and(|d| d.relation < 0.0), "nation {q}");
            } else {
                assert!(related.is_none(), "nation {q} took notice");
            }
        }
    }
}
