//! Step 1 of MODEL.md 2.1: the discrete actions scheduled for a tick and their one-off shocks.

use crate::model::Attribute;

use super::bounded::push;
use super::derived::Derived;
use super::ids::{AllianceIx, EventIx, InterventionIx, NationIx, TreatyIx, to_u32};
use super::ledger::{Cause, Entity, LedgerBuilder, Trigger};
use super::origins;
use super::rules::alliances::initial_commitment;
use super::state::{PairColumn, State, Status};
use super::world::{ResolvedAction, World};

/// Applies every event of `state.tick`, in the order of MODEL.md 2.1. Events that need the
/// derived quantities of the moment compute them into `scratch` (only its buffers are reused).
pub fn apply_scheduled(
    world: &World,
    state: &mut State,
    ledger: &mut LedgerBuilder,
    scratch: &mut Derived,
) {
    let tick = state.tick;
    let first = world.events.partition_point(|e| e.tick < tick);
    for (offset, event) in world.events_at(tick).iter().enumerate() {
        let e = EventIx(to_u32(first + offset));
        let touched = origins::involved(world, state, &event.action);
        origins::mark(state, &touched, Trigger::Event(e), true);
        apply(
            world,
            state,
            &event.action,
            Cause::Event(e),
            ledger,
            scratch,
        );
    }
    super::intervention::phase_shocks(world, state, ledger);
    super::random_events::apply(world, state, ledger);
    expire(world, state);
}

fn apply(
    world: &World,
    state: &mut State,
    act: &ResolvedAction,
    cause: Cause,
    ledger: &mut LedgerBuilder,
    derived: &mut Derived,
) {
    let tick = state.tick;
    match act {
        ResolvedAction::LeadershipChange {
            nation,
            leader,
            ideology_shift,
            democracy_shift,
        } => leadership_change(
            world,
            state,
            *nation,
            leader,
            *ideology_shift,
            *democracy_shift,
            cause,
            ledger,
        ),
        ResolvedAction::SignTreaty(treaty) => {
            state.treaties[treaty.ix()].status = Status::Active { since: tick };
            let parties = world.treaties[treaty.ix()].parties.clone();
            for (k, &a) in parties.iter().enumerate() {
                for &b in &parties[k + 1..] {
                    state.dyads.insert(a, b);
                }
            }
        }
        ResolvedAction::AbrogateTreaty { treaty, by } => {
            if state.treaties[treaty.ix()].status.is_active() {
                state.treaties[treaty.ix()].status = Status::Ended { at: tick };
                state.treaties[treaty.ix()].abrogated = true;
                let partners = world.treaties[treaty.ix()].parties.clone();
                abrogation_shocks(state, *by, &partners, Cause::Treaty(*treaty), ledger);
            }
        }
        ResolvedAction::FormAlliance(alliance) => {
            let founders = world.alliances[alliance.ix()].founders.clone();
            derived.recompute(world, state);
            let members: Vec<(NationIx, f64)> = founders
                .iter()
                .map(|&m| (m, initial_commitment(world, state, derived, m, &founders)))
                .collect();
            let records = members
                .iter()
                .map(|&(m, omega)| {
                    super::rules::alliances::join_record(
                        world,
                        state,
                        derived,
                        &founders,
                        0,
                        m,
                        omega,
                        super::rules::alliances::Joining::Founder,
                    )
                })
                .collect();
            let a = &mut state.alliances[alliance.ix()];
            a.status = Status::Active { since: tick };
            a.members = members;
            a.records = records;
            a.age = 0;
            for (k, &m) in founders.iter().enumerate() {
                for &n in &founders[k + 1..] {
                    state.dyads.insert(m, n);
                }
            }
        }
        ResolvedAction::JoinAlliance { alliance, nation } => {
            join(world, state, *alliance, *nation, derived)
        }
        ResolvedAction::LeaveAlliance { alliance, nation } => {
            leave(state, *alliance, *nation, cause, ledger)
        }
        ResolvedAction::StartIntervention(intervention) => {
            super::intervention::start(world, state, *intervention, cause, ledger)
        }
        ResolvedAction::SetAttribute {
            nation,
            attribute,
            value,
            structural,
        } => set_attribute(
            state,
            *nation,
            *attribute,
            *value,
            *structural,
            cause,
            ledger,
        ),
        ResolvedAction::SetRelation {
            a,
            b,
            relation,
            trust,
            structural,
        } => {
            let position = state.dyads.insert(*a, *b);
            let (x, y) = state.dyads.ends(position);
            let entity = Entity::Dyad(x, y);
            if let Some(relation) = relation {
                let slot = state.dyads.value_mut(position, PairColumn::Relation);
                let before = *slot;
                *slot = *relation;
                if *structural {
                    state.dyads.set_structural(position, Some(*relation), None);
                }
                ledger.shock(entity, "relation", before, *relation, USER_EDIT, cause);
            }
            if let Some(trust) = trust {
                let slot = state.dyads.value_mut(position, PairColumn::Trust);
                let before = *slot;
                *slot = *trust;
                if *structural {
                    state.dyads.set_structural(position, None, Some(*trust));
                }
                ledger.shock(entity, "trust", before, *trust, USER_EDIT, cause);
            }
        }
        ResolvedAction::ChangeDefenceAmbition {
            nation,
            target_share,
        } => {
            derived.recompute(world, state);
            let ambition = super::rules::arms::ambition_for_share(
                world,
                state,
                derived,
                *nation,
                *target_share,
            );
            let x = &mut state.nations[nation.ix()];
            x.target_share = Some(*target_share);
            let before = x.ambition;
            x.ambition = ambition;
            ledger.shock(
                Entity::Nation(*nation),
                "ambition",
                before,
                ambition,
                ("defence_policy", "new defence policy"),
                cause,
            );
        }
    }
}

/// Ledger identity of a one-off edit made on the timeline.
const USER_EDIT: (&str, &str) = ("user_edit", "user edit");

#[allow(clippy::too_many_arguments)]
fn leadership_change(
    world: &World,
    state: &mut State,
    nation: NationIx,
    leader: &crate::model::Text,
    ideology_shift: f64,
    democracy_shift: f64,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    const TERM: (&str, &str) = ("leadership", "leadership change");
    let x = &mut state.nations[nation.ix()];
    if !leader.0.is_empty() {
        x.leader = std::sync::Arc::from(leader.0.as_str());
    }
    shock_nation(
        state,
        nation,
        Attribute::Ideology,
        |before| (before + ideology_shift).clamp(-1.0, 1.0),
        TERM,
        cause,
        ledger,
    );
    shock_nation(
        state,
        nation,
        Attribute::Democracy,
        |before| (before + democracy_shift).clamp(0.0, 1.0),
        TERM,
        cause,
        ledger,
    );
    commitment_shock(world, state, nation, ideology_shift, cause, ledger);
}

/// The alliance-commitment shock of a change of leadership with ideology shift ΔI
/// (MODEL.md 2.5 K; Leeds, Mattes & Vogel 2009): strong in autocracies, weak in democracies. It
/// lowers both the commitment and the level it returns to.
pub fn commitment_shock(
    world: &World,
    state: &mut State,
    nation: NationIx,
    ideology_shift: f64,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    const TERM: (&str, &str) = ("leadership", "leadership change");
    let democracy = state.nations[nation.ix()].democracy;
    let factor = 1.0
        - world.params.leadership_shock
            * (1.0 - 0.8 * democracy)
            * f64::min(1.0, 0.5 + ideology_shift.abs());
    for (a, alliance) in state.alliances.iter_mut().enumerate() {
        if !alliance.status.is_active() {
            continue;
        }
        for ((member, omega), record) in alliance.members.iter_mut().zip(&mut alliance.records) {
            if *member == nation {
                let before = *omega;
                *omega *= factor;
                // The new leadership's commitment is what the member now returns to (model 2):
                // a shock to commitment that the member then forgot would not end alliances.
                record.commitment_at_join *= factor;
                ledger.shock(
                    Entity::Member(AllianceIx(to_u32(a)), nation),
                    "commitment",
                    before,
                    *omega,
                    TERM,
                    cause,
                );
            }
        }
    }
}

fn join(
    world: &World,
    state: &mut State,
    alliance: AllianceIx,
    nation: NationIx,
    derived: &mut Derived,
) {
    let a = &state.alliances[alliance.ix()];
    if !a.status.is_active() || a.members.iter().any(|&(m, _)| m == nation) {
        return;
    }
    let mut members: Vec<NationIx> = a.members.iter().map(|&(m, _)| m).collect();
    members.push(nation);
    derived.recompute(world, state);
    let omega = initial_commitment(world, state, derived, nation, &members);
    for &m in &members[..members.len() - 1] {
        state.dyads.insert(m, nation);
    }
    let age = state.alliances[alliance.ix()].age;
    let record = super::rules::alliances::join_record(
        world,
        state,
        derived,
        &members,
        age,
        nation,
        omega,
        super::rules::alliances::Joining::Joiner,
    );
    state.alliances[alliance.ix()].members.push((nation, omega));
    state.alliances[alliance.ix()].records.push(record);
}

/// Member `nation` leaves `alliance`: an abrogation (trust and legitimacy shocks, named after
/// `cause`: the event that scheduled it, or the model's own exit); an alliance left with fewer
/// than two members ends.
pub fn leave(
    state: &mut State,
    alliance: AllianceIx,
    nation: NationIx,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let a = &mut state.alliances[alliance.ix()];
    let Some(position) = a.members.iter().position(|&(m, _)| m == nation) else {
        return;
    };
    a.members.remove(position);
    a.records.remove(position);
    let partners: Vec<NationIx> = a.members.iter().map(|&(m, _)| m).collect();
    let dissolves = a.members.len() < 2;
    if dissolves {
        a.status = Status::Ended { at: state.tick };
    }
    abrogation_shocks(state, nation, &partners, cause, ledger);
    if dissolves {
        // What the last member does next answers the alliance's end, not only the exit.
        origins::mark(state, &partners, Trigger::Dissolution(alliance), true);
    }
}

/// Abrogation by `by` (MODEL.md 2.5 E, F): partners' trust ×0.3, everyone else's ×0.8, and a
/// legitimacy loss B(L, −0.10).
fn abrogation_shocks(
    state: &mut State,
    by: NationIx,
    partners: &[NationIx],
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    const TERM: (&str, &str) = ("abrogation", "broken commitment");
    let others: Vec<NationIx> = state
        .dyads
        .neighbours(by)
        .iter()
        .map(|&(other, _)| other)
        .collect();
    for other in others {
        let factor = if partners.contains(&other) { 0.3 } else { 0.8 };
        shock_pair(
            state,
            by,
            other,
            PairColumn::Trust,
            |before| before * factor,
            TERM,
            cause,
            ledger,
        );
    }
    let tick = state.tick;
    let x = &mut state.nations[by.ix()];
    x.abrogated_at = Some(tick);
    shock_nation(
        state,
        by,
        Attribute::Legitimacy,
        |before| before + (push(before, 0.0, 1.0, -0.10)),
        TERM,
        cause,
        ledger,
    );
}

fn set_attribute(
    state: &mut State,
    nation: NationIx,
    attribute: Attribute,
    value: f64,
    structural: bool,
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    // The file gives a defence share; the state stores the effort x = share · E.
    let economy = state.nations[nation.ix()].economy;
    let value_in_state = if attribute == Attribute::DefenceShare {
        value * economy
    } else {
        value
    };
    shock_nation(
        state,
        nation,
        attribute,
        |_| value_in_state,
        USER_EDIT,
        cause,
        ledger,
    );
    let x = &mut state.nations[nation.ix()];
    if structural {
        let base = &mut x.baseline;
        match attribute {
            Attribute::Stability => base.stability = value,
            Attribute::Legitimacy => base.legitimacy = value,
            Attribute::Capacity => {
                base.capacity = value;
                x.capacity_target = value;
            }
            Attribute::ArmedGroups => base.armed_groups = value,
            Attribute::Grievance => {
                base.grievance = value;
                x.grievance_target = value;
            }
            _ => {}
        }
    }
}

/// Ends treaties whose duration has run out and interventions whose presence has faded; the
/// nations a treaty's end or an intervention's drawdown touches are marked with it.
fn expire(world: &World, state: &mut State) {
    let tick = state.tick;
    for (t, info) in world.treaties.iter().enumerate() {
        if let (Status::Active { since }, Some(duration)) =
            (state.treaties[t].status, info.duration)
            && tick >= since + duration
        {
            state.treaties[t].status = Status::Ended { at: tick };
            origins::mark(
                state,
                &info.parties,
                Trigger::TreatyEnded(TreatyIx(to_u32(t))),
                true,
            );
        }
    }
    for (i, info) in world.interventions.iter().enumerate() {
        if let Status::Active { since } = state.interventions[i].status {
            let presence = super::derived::presence_profile(world, i, tick) * info.force_ratio;
            let active_phase = tick < since + info.duration;
            if !active_phase && presence < super::derived::PRESENCE_GONE {
                state.interventions[i].status = Status::Ended { at: tick };
            } else if tick == since + info.duration {
                // The active phase ends with forces still there: they draw down.
                let mut touched = info.interveners.clone();
                touched.push(info.target);
                origins::mark(
                    state,
                    &touched,
                    Trigger::Drawdown(InterventionIx(to_u32(i))),
                    true,
                );
            }
        }
    }
}

/// Sets a pair's variable to `change(before)` (storing the pair if needed) and records the shock.
#[allow(clippy::too_many_arguments)]
pub fn shock_pair(
    state: &mut State,
    a: NationIx,
    b: NationIx,
    var: PairColumn,
    change: impl FnOnce(f64) -> f64,
    term: (&'static str, &'static str),
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let position = state.dyads.insert(a, b);
    let slot = state.dyads.value_mut(position, var);
    let before = *slot;
    *slot = change(before);
    let after = *slot;
    let (x, y) = state.dyads.ends(position);
    ledger.shock(Entity::Dyad(x, y), var.name(), before, after, term, cause);
}

/// The variable of a nation an attribute names, with its CSV name. `DefenceShare` names the
/// effort x itself (in units of the economy), which is what the state stores.
pub fn attribute_slot(
    x: &mut super::state::NationState,
    attribute: Attribute,
) -> (&'static str, &mut f64) {
    match attribute {
        Attribute::Economy => ("economy", &mut x.economy),
        Attribute::DefenceShare => ("defence_effort", &mut x.effort),
        Attribute::Capability => ("capability", &mut x.capability),
        Attribute::Stability => ("stability", &mut x.stability),
        Attribute::Legitimacy => ("legitimacy", &mut x.legitimacy),
        Attribute::Capacity => ("capacity", &mut x.capacity),
        Attribute::ArmedGroups => ("armed_groups", &mut x.armed_groups),
        Attribute::Grievance => ("grievance", &mut x.grievance),
        Attribute::Ideology => ("ideology", &mut x.ideology),
        Attribute::Democracy => ("democracy", &mut x.democracy),
    }
}

/// Sets a nation's variable to `change(before)` and records the shock in the ledger.
pub fn shock_nation(
    state: &mut State,
    nation: NationIx,
    attribute: Attribute,
    change: impl FnOnce(f64) -> f64,
    term: (&'static str, &'static str),
    cause: Cause,
    ledger: &mut LedgerBuilder,
) {
    let (var, slot) = attribute_slot(&mut state.nations[nation.ix()], attribute);
    let before = *slot;
    *slot = change(before);
    let after = *slot;
    ledger.shock(Entity::Nation(nation), var, before, after, term, cause);
}
