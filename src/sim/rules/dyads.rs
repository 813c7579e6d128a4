//! Blocks D, E and M for the skeleton engine: relations and trust revert toward their structural
//! values and are pushed by fighting; fighting decays.

use super::super::bounded::{Driver, bounded_update, logistic_update};
use super::super::ledger::{Entity, LedgerBuilder};
use super::super::state::DyadState;
use super::super::world::World;

/// The new state of one pair, computed from its old state (Jacobi update).
pub fn update_dyad(world: &World, old: &DyadState, ledger: &mut LedgerBuilder) -> DyadState {
    let p = &world.params;
    let entity = Entity::Dyad(old.a, old.b);
    let mut next = *old;

    let relation = bounded_update(
        old.relation,
        (-1.0, 1.0),
        p.relation_reversion,
        old.relation0,
        &[Driver::new("u_war", "fighting", -p.war_push * old.fighting)],
    );
    next.relation = relation.value;
    ledger.record(
        entity,
        "relation",
        old.relation,
        relation.value,
        relation.terms,
        relation.saturated,
    );

    let trust = logistic_update(
        old.trust,
        p.trust_reversion,
        old.trust0,
        &[Driver::new("e_war", "fighting", -0.3 * old.fighting)],
    );
    next.trust = trust.value;
    ledger.record(
        entity,
        "trust",
        old.trust,
        trust.value,
        trust.terms,
        trust.saturated,
    );

    let fighting = old.fighting * (1.0 - p.war_decay);
    next.fighting = fighting;
    ledger.record(
        entity,
        "fighting",
        old.fighting,
        fighting,
        [super::super::ledger::Term {
            id: "decay",
            label: "fighting dies down",
            value: fighting - old.fighting,
            cause: super::super::ledger::Cause::Dynamics,
        }],
        false,
    );
    next
}
