//! Shared helpers for the model tests: the canonical world W0 of MODEL.md Appendix A and runs.

#![allow(dead_code)]

pub mod gui;

use std::cell::Cell;

use entente::io::load_str;
use entente::model::generate::{Size, generate};
use entente::model::{Proximity, Relation, Scenario};
use entente::sim::{self, State, World};

thread_local! {
    /// Whether this test thread runs its scenarios inside a generated world (see [`embedded`]).
    static EMBEDDED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `body` with every scenario it runs through [`Run::new`] or [`prepared`] placed inside a
/// generated world of 120 other nations ([`embed`]): the stylized facts must hold there too.
pub fn embedded(body: impl FnOnce()) {
    EMBEDDED.with(|flag| flag.set(true));
    body();
    EMBEDDED.with(|flag| flag.set(false));
}

/// The scenario a test runs: `scenario` itself, or inside a generated world under [`embedded`].
pub fn prepared(scenario: &Scenario) -> Scenario {
    if EMBEDDED.with(Cell::get) {
        embed(scenario, 120, 7)
    } else {
        scenario.clone()
    }
}

/// `scenario` inside a generated world of `nations` other nations at rest (no events, treaties
/// open-ended), in regions of their own at proximity 0.1 to the scenario's, with some ties:
/// every tenth of them has a friendly relation (0.2, trust 0.5) with one of the scenario's
/// nations (a hostile one would give the facts' nations a threat their premises leave out). The
/// scenario's nations keep every attribute, relation, alliance, treaty and event.
pub fn embed(scenario: &Scenario, nations: usize, seed: u64) -> Scenario {
    let mut others = generate(
        Size {
            nations,
            relations: 5 * nations,
            alliances: nations / 5,
            treaties: nations / 2,
            events: 0,
            horizon: scenario.horizon,
        },
        seed,
    );
    for treaty in &mut others.treaties {
        treaty.duration = None;
    }
    let mut world = scenario.clone();
    for theirs in &others.regions {
        for ours in &scenario.regions {
            world
                .proximity
                .push(Proximity(ours.id.clone(), theirs.id.clone(), 0.1));
        }
    }
    for (k, other) in others.nations.iter().enumerate().step_by(10) {
        let ours = &scenario.nations[(k / 10) % scenario.nations.len()];
        world.relations.push(Relation {
            a: ours.id.clone(),
            b: other.id.clone(),
            relation: 0.2,
            trust: 0.5,
        });
    }
    world.regions.extend(others.regions);
    world.proximity.extend(others.proximity);
    world.nations.extend(others.nations);
    world.relations.extend(others.relations);
    world.alliances.extend(others.alliances);
    world.treaties.extend(others.treaties);
    world.layout.positions.clear();
    world
}

/// The bundled default scenario is W0 plus a few events; this is W0 itself, with `events`
/// (RON event entries) on its timeline and `params` (RON fields) as overrides.
pub fn w0_with(events: &str, params: &str) -> Scenario {
    let text = include_str!("../../assets/scenarios/mesa-crisis.ron");
    let start = text.find("    events: [").expect("events");
    let end = text.find("    layout:").expect("layout");
    let text = format!(
        "{}    events: [{events}],\n{}",
        &text[..start],
        &text[end..]
    )
    .replace("params: (),", &format!("params: ({params}),"));
    load_str(&text).unwrap_or_else(|e| panic!("W0 fixture: {e}"))
}

/// W0 with events and default parameters.
pub fn w0(events: &str) -> Scenario {
    w0_with(events, "")
}

/// A finished run: the world and every state from tick 0 to `ticks`.
pub struct Run {
    /// The resolved world.
    pub world: World,
    /// States by tick.
    pub states: Vec<State>,
}

impl Run {
    /// Runs `scenario` for `ticks` ticks.
    pub fn new(scenario: &Scenario, ticks: u32) -> Run {
        let mut simulation = sim::Simulation::new(&prepared(scenario)).unwrap();
        simulation.run_to(ticks);
        Run {
            world: simulation.world().clone(),
            states: simulation.collect_states().to_vec(),
        }
    }

    /// A nation's state at a tick.
    pub fn nation(&self, id: &str, tick: usize) -> &sim::state::NationState {
        let i = self
            .world
            .nation(id)
            .unwrap_or_else(|| panic!("nation {id}"));
        &self.states[tick].nations[i.ix()]
    }

    /// S of a nation at a tick.
    pub fn stability(&self, id: &str, tick: usize) -> f64 {
        self.nation(id, tick).stability
    }

    /// RSI of a region at a tick.
    pub fn region(&self, id: &str, tick: usize) -> f64 {
        let r = self.world.region(id).unwrap();
        self.states[tick].region_stability[r.ix()]
    }

    /// R between two nations at a tick.
    pub fn relation(&self, a: &str, b: &str, tick: usize) -> f64 {
        let (a, b) = (self.world.nation(a).unwrap(), self.world.nation(b).unwrap());
        self.states[tick].dyads.relation(a, b)
    }

    /// W between two nations at a tick.
    pub fn fighting(&self, a: &str, b: &str, tick: usize) -> f64 {
        let (a, b) = (self.world.nation(a).unwrap(), self.world.nation(b).unwrap());
        self.states[tick]
            .dyads
            .get(a, b)
            .map_or(0.0, |d| d.fighting)
    }
}

/// MODEL.md stylized fact 1's intervention: H alone, regime change on T, no mandate, π = λ = 0,
/// 7 troops per 1,000, t0 = 4, D = 8, rapid drawdown.
pub const MISCALIBRATED_REGIME_CHANGE: &str = r#"(tick: 4, action: Intervention((id: "op", kind: RegimeChange, interveners: ["H"], target: "T", legal_basis: NoMandate, post_conflict_planning: 0.0, local_engagement: 0.0, troops_per_1000: 7.0, duration: 8, drawdown: Rapid)))"#;

/// Two fully hostile states, Atlantis and Borduria, whose fear beats their fatigue (k > a):
/// Richardson's runaway, as a scenario file.
pub const RUNAWAY_DUEL: &str = r#"(
    format_version: 1,
    meta: (title: "Richardson runaway"),
    params: (reaction_k: 0.3, fatigue_a: 0.2, trust_threat_damping: 0.0),
    regions: [(id: "r")],
    nations: [
        (id: "A", name: "Atlantis", region: "r", economy: 10.0, defence_share: 0.02),
        (id: "B", name: "Borduria", region: "r", economy: 10.0, defence_share: 0.02),
    ],
    relations: [(a: "A", b: "B", relation: -1.0, trust: 0.5)],
)"#;
