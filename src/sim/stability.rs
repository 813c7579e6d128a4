//! The stability report (docs/MODEL.md, "Stability at rest"): the step linearised at the load
//! state by finite differences, and its slowest modes found from a Krylov sequence of power
//! steps (Arnoldi). A mode whose multiplier has modulus above 1 grows: a disturbance along it
//! feeds on itself. The report names the nations and variables that carry each mode and the
//! feedback loop they form, in words a student can follow.
//!
//! Everything is computed on a quiet copy of the world (no scheduled events, no random events,
//! treaties held in force), so the report describes the world as it stands when it opens.
//!
//! Length: the linearisation, the Arnoldi iteration and the words for a mode are one
//! computation read top to bottom (each step's output is the next one's input); the wording,
//! the largest part, names the state variables the linearisation defines here.

use nalgebra::{Complex, DMatrix, DVector};

use super::ids::{AllianceIx, NationIx, to_u32};
use super::state::{PairColumn, State};
use super::world::World;

/// A nation variable the linearisation perturbs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NationVariable {
    /// x: defence effort.
    Effort,
    /// M: capability.
    Capability,
    /// E: economy.
    Economy,
    /// gE: last tick's growth (the stability driver reads it).
    Growth,
    /// S.
    Stability,
    /// L.
    Legitimacy,
    /// G.
    Capacity,
    /// N.
    ArmedGroups,
    /// Γ.
    Grievance,
}

impl NationVariable {
    const ALL: [NationVariable; 9] = [
        Self::Effort,
        Self::Capability,
        Self::Economy,
        Self::Growth,
        Self::Stability,
        Self::Legitimacy,
        Self::Capacity,
        Self::ArmedGroups,
        Self::Grievance,
    ];

    /// Plain name, as in the run CSV where there is one.
    pub fn name(self) -> &'static str {
        match self {
            Self::Effort => "defence effort",
            Self::Capability => "capability",
            Self::Economy => "economy",
            Self::Growth => "growth",
            Self::Stability => "stability",
            Self::Legitimacy => "legitimacy",
            Self::Capacity => "state capacity",
            Self::ArmedGroups => "armed groups",
            Self::Grievance => "grievance",
        }
    }

    fn value(self, x: &super::state::NationState) -> f64 {
        match self {
            Self::Effort => x.effort,
            Self::Capability => x.capability,
            Self::Economy => x.economy,
            Self::Growth => x.growth,
            Self::Stability => x.stability,
            Self::Legitimacy => x.legitimacy,
            Self::Capacity => x.capacity,
            Self::ArmedGroups => x.armed_groups,
            Self::Grievance => x.grievance,
        }
    }

    fn slot(self, x: &mut super::state::NationState) -> &mut f64 {
        match self {
            Self::Effort => &mut x.effort,
            Self::Capability => &mut x.capability,
            Self::Economy => &mut x.economy,
            Self::Growth => &mut x.growth,
            Self::Stability => &mut x.stability,
            Self::Legitimacy => &mut x.legitimacy,
            Self::Capacity => &mut x.capacity,
            Self::ArmedGroups => &mut x.armed_groups,
            Self::Grievance => &mut x.grievance,
        }
    }
}

/// One coordinate of the linearised state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Coordinate {
    /// A nation's variable.
    Nation(NationIx, NationVariable),
    /// A pair's variable, by the pair's two nations (smaller index first).
    Pair(NationIx, NationIx, PairColumn),
    /// A member's commitment to an alliance.
    Commitment(AllianceIx, NationIx),
}

impl Coordinate {
    /// The kind of variable, for naming loops.
    pub fn class(self) -> VariableClass {
        use NationVariable as V;
        match self {
            Self::Nation(_, V::Effort) => VariableClass::Arms,
            Self::Nation(_, V::Capability) => VariableClass::Capability,
            Self::Nation(_, V::Economy | V::Growth) => VariableClass::Economy,
            Self::Nation(_, V::Stability) => VariableClass::Stability,
            Self::Nation(_, V::Legitimacy) => VariableClass::Legitimacy,
            Self::Nation(_, V::Capacity | V::ArmedGroups | V::Grievance) => {
                VariableClass::Insurgency
            }
            Self::Pair(_, _, PairColumn::Relation) => VariableClass::Relation,
            Self::Pair(_, _, PairColumn::Trust) => VariableClass::Trust,
            Self::Pair(_, _, PairColumn::Fighting) => VariableClass::Fighting,
            Self::Commitment(..) => VariableClass::Commitment,
        }
    }

    /// The nations the coordinate belongs to.
    pub fn nations(self) -> Vec<NationIx> {
        match self {
            Self::Nation(i, _) | Self::Commitment(_, i) => vec![i],
            Self::Pair(a, b, _) => vec![a, b],
        }
    }

    /// The coordinate in words, e.g. "defence effort of Hegemon" or "relation Hegemon–Target".
    pub fn describe(self, world: &World) -> String {
        let name = |i: NationIx| world.nations[i.ix()].shown_name();
        match self {
            Self::Nation(i, v) => format!("{} of {}", v.name(), name(i)),
            Self::Pair(a, b, column) => format!("{} {}–{}", column.name(), name(a), name(b)),
            Self::Commitment(a, i) => format!(
                "commitment of {} to {}",
                name(i),
                world.alliances[a.ix()].shown_name()
            ),
        }
    }
}

/// Kinds of variables, by the part of the model they belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum VariableClass {
    /// Defence effort (the Richardson block).
    Arms,
    /// Military capability.
    Capability,
    /// Economy and growth.
    Economy,
    /// Domestic stability.
    Stability,
    /// Legitimacy.
    Legitimacy,
    /// State capacity, armed groups and grievance.
    Insurgency,
    /// Relations.
    Relation,
    /// Trust.
    Trust,
    /// Fighting.
    Fighting,
    /// Alliance commitments.
    Commitment,
}

/// The coordinates of a state with the scale each is measured in (so a mode's shares compare
/// like with like: a 1% change of effort weighs as much as a 0.01 change of stability).
#[derive(Clone, Debug)]
struct Layout {
    coordinates: Vec<Coordinate>,
    scales: Vec<f64>,
    /// Storage position of each pair coordinate (unused for the others).
    positions: Vec<usize>,
}

impl Layout {
    fn of(world: &World, state: &State) -> Layout {
        let mut layout = Layout {
            coordinates: Vec::new(),
            scales: Vec::new(),
            positions: Vec::new(),
        };
        let norms = world.calibration.norms;
        let scales = &world.calibration.scales;
        for i in state.nation_indices() {
            let x = state.nation(i);
            for v in NationVariable::ALL {
                let scale = match v {
                    NationVariable::Effort => scales.effort[i.ix()],
                    NationVariable::Capability => f64::max(x.capability, 0.1 * norms.capability),
                    NationVariable::Economy => f64::max(x.economy, 0.1 * norms.economy),
                    NationVariable::Growth => 1.0,
                    _ => 1.0,
                };
                layout.push(Coordinate::Nation(i, v), scale, 0);
            }
        }
        for position in state.dyads.positions_in_order() {
            let (a, b) = state.dyads.ends(position);
            for column in [
                PairColumn::Relation,
                PairColumn::Trust,
                PairColumn::Fighting,
            ] {
                layout.push(Coordinate::Pair(a, b, column), 1.0, position);
            }
        }
        for (a, alliance) in state.alliances.iter().enumerate() {
            if alliance.status.is_active() {
                for &(m, _) in &alliance.members {
                    layout.push(Coordinate::Commitment(AllianceIx(to_u32(a)), m), 1.0, 0);
                }
            }
        }
        layout
    }

    fn push(&mut self, coordinate: Coordinate, scale: f64, position: usize) {
        self.coordinates.push(coordinate);
        self.scales.push(scale);
        self.positions.push(position);
    }

    fn len(&self) -> usize {
        self.coordinates.len()
    }

    /// The state's values in scaled units.
    fn read(&self, state: &State) -> Vec<f64> {
        let mut out = Vec::with_capacity(self.len());
        for (k, coordinate) in self.coordinates.iter().enumerate() {
            let value = match *coordinate {
                Coordinate::Nation(i, v) => v.value(state.nation(i)),
                Coordinate::Pair(_, _, column) => {
                    let position = self.positions[k];
                    match column {
                        PairColumn::Relation => state.dyads.relations()[position],
                        PairColumn::Trust => state.dyads.trusts()[position],
                        PairColumn::Fighting => state.dyads.fightings()[position],
                    }
                }
                Coordinate::Commitment(a, m) => state.alliances[a.ix()]
                    .members
                    .iter()
                    .find(|&&(n, _)| n == m)
                    .map_or(0.0, |&(_, omega)| omega),
            };
            out.push(value / self.scales[k]);
        }
        out
    }

    /// `base` with `direction` (scaled units) added, times `step`.
    fn displaced(&self, base: &State, direction: &[f64], step: f64) -> State {
        let mut state = base.clone();
        for (k, coordinate) in self.coordinates.iter().enumerate() {
            let delta = step * direction[k] * self.scales[k];
            if delta == 0.0 {
                continue;
            }
            match *coordinate {
                Coordinate::Nation(i, v) => *v.slot(&mut state.nations[i.ix()]) += delta,
                Coordinate::Pair(_, _, column) => {
                    *state.dyads.value_mut(self.positions[k], column) += delta
                }
                Coordinate::Commitment(a, m) => {
                    for (n, omega) in &mut state.alliances[a.ix()].members {
                        if *n == m {
                            *omega += delta;
                        }
                    }
                }
            }
        }
        state
    }
}

/// One mode of the linearised step.
#[derive(Clone, Debug, PartialEq)]
pub struct Mode {
    /// The multiplier λ per tick (a complex pair describes an oscillation).
    pub multiplier: Complex<f64>,
    /// The largest shares of the mode, largest first: (coordinate, share of the mode's squared
    /// length, in scaled units). Shares of all coordinates sum to 1.
    pub carriers: Vec<(Coordinate, f64)>,
}

impl Mode {
    /// |λ|: below 1 the mode decays, above 1 it grows.
    pub fn modulus(&self) -> f64 {
        self.multiplier.norm()
    }

    /// |λ| − 1: the change of a disturbance along the mode per tick (−0.018 = decays 1.8%).
    pub fn rate(&self) -> f64 {
        self.modulus() - 1.0
    }

    /// Whether the mode turns by at least 0.01 radian a tick (a period of at most about 600
    /// ticks); a slower turn is the numerical shadow of a cluster of real multipliers.
    pub fn oscillates(&self) -> bool {
        self.multiplier.im.abs() >= 0.01 * self.modulus()
    }

    /// Whether a disturbance along the mode grows.
    pub fn is_growing(&self) -> bool {
        self.modulus() > 1.0 + GROWTH_TOLERANCE
    }

    /// Ticks for a disturbance to halve (decaying) or double (growing); None when it neither
    /// decays nor grows measurably.
    pub fn half_life(&self) -> Option<f64> {
        let modulus = self.modulus();
        if (modulus - 1.0).abs() <= GROWTH_TOLERANCE || modulus <= 0.0 {
            return None;
        }
        Some((0.5f64.ln() / modulus.ln()).abs())
    }

    /// Shares summed by class of variable, largest first.
    pub fn classes(&self) -> Vec<(VariableClass, f64)> {
        let mut classes: Vec<(VariableClass, f64)> = Vec::new();
        for &(coordinate, share) in &self.carriers {
            match classes.iter_mut().find(|(c, _)| *c == coordinate.class()) {
                Some((_, total)) => *total += share,
                None => classes.push((coordinate.class(), share)),
            }
        }
        classes.sort_by(|a, b| b.1.total_cmp(&a.1));
        classes
    }

    /// Shares summed by nation (a pair's share is split between its two nations), largest first.
    pub fn nations(&self) -> Vec<(NationIx, f64)> {
        let mut nations: Vec<(NationIx, f64)> = Vec::new();
        for &(coordinate, share) in &self.carriers {
            let owners = coordinate.nations();
            let each = share / owners.len() as f64;
            for nation in owners {
                match nations.iter_mut().find(|(n, _)| *n == nation) {
                    Some((_, total)) => *total += each,
                    None => nations.push((nation, each)),
                }
            }
        }
        nations.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        nations
    }

    /// The nations that carry the mode, in words ("A and B", "A", "many nations").
    pub fn carried_by(&self, world: &World) -> String {
        let names: Vec<String> = self
            .nations()
            .into_iter()
            .take(2)
            .filter(|&(_, share)| share >= 0.1)
            .map(|(n, _)| world.nations[n.ix()].shown_name().to_string())
            .collect();
        match names.as_slice() {
            [] => String::from("many nations"),
            [one] => one.clone(),
            [a, b, ..] => format!("{a} and {b}"),
        }
    }

    /// The feedback loop the mode's variables form: a short name and what it does. The most
    /// upstream kind of variable with a tenth of the mode names it (a mode's downstream
    /// passengers, such as the stability an insurgency lowers, do not).
    pub fn loop_kind(&self) -> (&'static str, &'static str) {
        let classes: Vec<VariableClass> = self
            .classes()
            .into_iter()
            .filter(|&(_, share)| share >= 0.1)
            .map(|(class, _)| class)
            .collect();
        let has = |c: VariableClass| classes.contains(&c);
        use VariableClass as C;
        if has(C::Arms) && (has(C::Relation) || has(C::Trust)) {
            (
                "the security dilemma",
                "arming cools relations, which raises fear",
            )
        } else if has(C::Arms) {
            ("the arms race", "each side arms against the other's effort")
        } else if has(C::Relation) && has(C::Commitment) {
            (
                "alliance politics",
                "relations and commitments move together",
            )
        } else if has(C::Relation) && has(C::Trust) {
            ("relations and trust", "trust warms relations")
        } else if has(C::Relation) {
            (
                "structural balance",
                "friends of friends, enemies of enemies",
            )
        } else if has(C::Trust) {
            ("trust", "trust returns toward its level")
        } else if has(C::Insurgency) {
            (
                "insurgency",
                "armed groups erode capacity; the vacuum recruits",
            )
        } else if has(C::Stability) && has(C::Legitimacy) {
            (
                "unrest and standing",
                "turmoil costs legitimacy, lost standing unsettles",
            )
        } else if has(C::Stability) && has(C::Economy) {
            (
                "unrest and the economy",
                "unrest slows growth, slow growth unsettles",
            )
        } else if has(C::Economy) {
            ("the economy", "it returns toward its trend")
        } else if has(C::Capability) {
            ("military capability", "it wears down to what spending buys")
        } else if has(C::Commitment) {
            (
                "alliance commitment",
                "it returns toward its level at joining",
            )
        } else if has(C::Stability) {
            (
                "domestic stability",
                "it returns toward its structural level",
            )
        } else if has(C::Legitimacy) {
            ("legitimacy", "it returns toward its structural level")
        } else {
            ("fighting", "it dies down")
        }
    }

    /// The feedback loop in words, with the nations that carry it.
    pub fn describe_loop(&self, world: &World) -> String {
        let (name, what) = self.loop_kind();
        format!("{name} ({what}), carried by {}", self.carried_by(world))
    }
}

/// Moduli within this of 1 count as neither growing nor decaying.
const GROWTH_TOLERANCE: f64 = 1e-6;

/// Carriers kept per mode.
const CARRIERS: usize = 12;

/// What [`analyse`] found.
#[derive(Clone, Debug, PartialEq)]
pub struct StabilityReport {
    /// The slowest modes, slowest (largest |λ|) first.
    pub modes: Vec<Mode>,
    /// Number of coordinates linearised.
    pub dimension: usize,
    /// Power steps taken (each is two steps of the engine).
    pub power_steps: usize,
}

impl StabilityReport {
    /// The slowest mode (None for a world with nothing that moves).
    pub fn dominant(&self) -> Option<&Mode> {
        self.modes.first()
    }

    /// Whether some disturbance grows.
    pub fn is_stable(&self) -> bool {
        self.dominant().is_none_or(|mode| !mode.is_growing())
    }

    /// The report in one sentence, for `entente check` and the app.
    pub fn sentence(&self, world: &World) -> String {
        let Some(mode) = self.dominant() else {
            return "stable: nothing in this world moves on its own".into();
        };
        let percent = 100.0 * mode.rate().abs();
        let oscillates = if mode.oscillates() {
            ", oscillating"
        } else {
            ""
        };
        let loop_ = mode.describe_loop(world);
        match mode.half_life() {
            Some(ticks) if mode.is_growing() => format!(
                "UNSTABLE: a disturbance in {loop_}, grows {percent:.1}% a tick{oscillates} \
                 (doubles in {ticks:.0} ticks)"
            ),
            Some(ticks) => format!(
                "stable: the slowest disturbance, in {loop_}, fades {percent:.1}% a \
                 tick{oscillates} (half-life {ticks:.0} ticks)"
            ),
            None => {
                format!("marginal: a disturbance in {loop_} neither grows nor fades{oscillates}")
            }
        }
    }

    /// The report in a few words, for the app's status bar: "stable: disturbances fade (slowest
    /// half-life 69 ticks)" or "UNSTABLE: the arms race, carried by A and B, grows 3.0% a tick".
    pub fn short(&self, world: &World) -> String {
        let Some(mode) = self.dominant() else {
            return "stable at rest".into();
        };
        match mode.half_life() {
            Some(_) if mode.is_growing() => format!(
                "UNSTABLE: {} of {} grows {:.1}% a tick",
                mode.loop_kind().0,
                mode.carried_by(world),
                100.0 * mode.rate()
            ),
            Some(ticks) => {
                format!("stable at rest: disturbances fade (slowest half-life {ticks:.0} ticks)")
            }
            None => format!(
                "marginal: {} of {} does not fade",
                mode.loop_kind().0,
                mode.carried_by(world)
            ),
        }
    }

    /// The details for `entente check --stability`: each mode with its rate, its loop and the
    /// variables that carry it.
    pub fn details(&self, world: &World) -> Vec<String> {
        let mut lines = vec![format!(
            "{} variables linearised at the load state; {} power steps",
            self.dimension, self.power_steps
        )];
        for (k, mode) in self.modes.iter().enumerate() {
            let lambda = mode.multiplier;
            let half = mode.half_life().map_or_else(
                || "no half-life".to_string(),
                |t| {
                    if mode.is_growing() {
                        format!("doubles in {t:.0} ticks")
                    } else {
                        format!("half-life {t:.0} ticks")
                    }
                },
            );
            lines.push(format!(
                "mode {}: multiplier {:.5}{} per tick ({:+.2}% a tick, {half}): {}",
                k + 1,
                lambda.re,
                if mode.oscillates() {
                    format!(" ± {:.5}i", lambda.im.abs())
                } else {
                    String::new()
                },
                100.0 * mode.rate(),
                mode.describe_loop(world)
            ));
            for &(coordinate, share) in mode.carriers.iter().take(6) {
                lines.push(format!(
                    "    {:>5.1}%  {}",
                    100.0 * share,
                    coordinate.describe(world)
                ));
            }
        }
        lines
    }
}

/// How thoroughly [`analyse`] looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Krylov steps (power steps); each costs two steps of the engine.
    pub power_steps: usize,
    /// Modes reported.
    pub modes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            power_steps: 50,
            modes: 5,
        }
    }
}

/// A copy of the world with nothing scheduled: no events, no random events, no treaty expiring.
fn quiet(world: &World) -> World {
    let mut quiet = world.clone();
    quiet.events.clear();
    quiet.settings.random_events = false;
    for treaty in &mut quiet.treaties {
        treaty.duration = None;
    }
    quiet
}

/// The step of a quiet copy of a world, linearised at one state by central differences.
struct Linearisation {
    world: World,
    base: State,
    layout: Layout,
}

impl Linearisation {
    fn at(world: &World, state: &State) -> Linearisation {
        let world = quiet(world);
        let mut base = state.clone();
        base.pending_random.clear();
        // Every pair a disturbance could move is stored before the coordinates are listed.
        let derived = super::derived::Derived::compute(&world, &base);
        super::rules::relations::close_pairs(&world, &mut base, &derived);
        super::calibrate::price_in_new_pairs(&world, &mut base);
        let layout = Layout::of(&world, &base);
        Linearisation {
            world,
            base,
            layout,
        }
    }

    /// J·v in scaled coordinates. Central differences: kinks at rest (max(0, ·) of a deviation)
    /// give their mean slope, so the result is linear in v.
    /// The two steps are independent and deterministic, so they run side by side (one after the
    /// other when no thread can be had): the same numbers either way.
    fn apply(&self, direction: &[f64]) -> Vec<f64> {
        let step = FD_STEP;
        let stepped = |sign: f64| {
            let mut state = self.layout.displaced(&self.base, direction, sign * step);
            super::step::step(&self.world, &mut state, false);
            self.layout.read(&state)
        };
        let (plus, minus) = std::thread::scope(|scope| {
            let minus = std::thread::Builder::new().spawn_scoped(scope, || stepped(-1.0));
            let plus = stepped(1.0);
            let minus = match minus {
                Ok(handle) => handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                Err(_) => stepped(-1.0),
            };
            (plus, minus)
        });
        plus.iter()
            .zip(&minus)
            .map(|(p, m)| (p - m) / (2.0 * step))
            .collect()
    }
}

/// The whole Jacobian of the step at `state`, column by column (one pair of steps per
/// coordinate: for small worlds and tests), with its coordinates in scaled units.
pub fn jacobian(world: &World, state: &State) -> (Vec<Coordinate>, DMatrix<f64>) {
    let linear = Linearisation::at(world, state);
    let n = linear.layout.len();
    let mut matrix = DMatrix::zeros(n, n);
    let mut unit = vec![0.0; n];
    for column in 0..n {
        unit[column] = 1.0;
        for (row, value) in linear.apply(&unit).into_iter().enumerate() {
            matrix[(row, column)] = value;
        }
        unit[column] = 0.0;
    }
    (linear.layout.coordinates, matrix)
}

/// Linearises the step of `world` at `state` (its load state) and finds its slowest modes.
pub fn analyse(world: &World, state: &State, options: Options) -> StabilityReport {
    let linear = Linearisation::at(world, state);
    let n = linear.layout.len();
    let (hessenberg, basis) = arnoldi(n, options.power_steps, |v| linear.apply(v));
    let modes = ritz_modes(&hessenberg, &basis, &linear.layout, options.modes);
    StabilityReport {
        modes,
        dimension: n,
        power_steps: hessenberg.ncols(),
    }
}

/// Finite-difference step in scaled units (the direction has unit length).
const FD_STEP: f64 = 1e-6;

/// A deterministic start vector with no symmetry a mode could hide behind.
fn start_vector(n: usize) -> Vec<f64> {
    (0..n)
        .map(|k| super::rng::uniform(0x5eed, super::rng::Stream::Leadership, 0, k as u64) - 0.5)
        .collect()
}

fn norm(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// m steps of Arnoldi: an orthonormal basis V of the Krylov space of `apply` and the Hessenberg
/// matrix H with apply(V_m) = V_{m+1} H. Stops early when the space is exhausted.
fn arnoldi(
    n: usize,
    m: usize,
    apply: impl Fn(&[f64]) -> Vec<f64>,
) -> (DMatrix<f64>, Vec<Vec<f64>>) {
    let m = m.min(n).max(1);
    let mut basis: Vec<Vec<f64>> = Vec::with_capacity(m + 1);
    let mut h = DMatrix::<f64>::zeros(m + 1, m);
    let mut v = start_vector(n);
    let length = norm(&v);
    if length == 0.0 {
        return (DMatrix::zeros(0, 0), basis);
    }
    v.iter_mut().for_each(|x| *x /= length);
    basis.push(v);
    let mut steps = 0;
    for j in 0..m {
        let mut w = apply(&basis[j]);
        // Modified Gram–Schmidt, twice: the basis stays orthogonal to rounding.
        for _ in 0..2 {
            for (i, b) in basis.iter().enumerate() {
                let dot: f64 = w.iter().zip(b).map(|(x, y)| x * y).sum();
                h[(i, j)] += dot;
                w.iter_mut().zip(b).for_each(|(x, y)| *x -= dot * y);
            }
        }
        steps = j + 1;
        let length = norm(&w);
        h[(j + 1, j)] = length;
        if length < 1e-12 {
            break;
        }
        w.iter_mut().for_each(|x| *x /= length);
        basis.push(w);
    }
    (h.view((0, 0), (steps, steps)).into_owned(), basis)
}

/// The Ritz values of largest modulus with their Ritz vectors' largest shares.
fn ritz_modes(h: &DMatrix<f64>, basis: &[Vec<f64>], layout: &Layout, count: usize) -> Vec<Mode> {
    if h.ncols() == 0 {
        return Vec::new();
    }
    let mut values: Vec<Complex<f64>> = h.clone().complex_eigenvalues().iter().copied().collect();
    values.sort_by(|a, b| b.norm().total_cmp(&a.norm()).then(b.im.total_cmp(&a.im)));
    // One of each complex pair.
    values.dedup_by(|a, b| (a.re - b.re).abs() < 1e-10 && (a.im + b.im).abs() < 1e-10);
    values
        .into_iter()
        .take(count)
        .map(|lambda| Mode {
            multiplier: lambda,
            carriers: carriers(h, basis, layout, lambda),
        })
        .collect()
}

/// The largest shares of the Ritz vector for λ: an eigenvector y of H (inverse iteration), then
/// V·y in the state's coordinates.
fn carriers(
    h: &DMatrix<f64>,
    basis: &[Vec<f64>],
    layout: &Layout,
    lambda: Complex<f64>,
) -> Vec<(Coordinate, f64)> {
    let m = h.ncols();
    let shift = lambda + Complex::new(1e-10 * (1.0 + lambda.norm()), 0.0);
    let shifted = DMatrix::from_fn(m, m, |i, j| {
        Complex::new(h[(i, j)], 0.0)
            - if i == j {
                shift
            } else {
                Complex::new(0.0, 0.0)
            }
    });
    let lu = shifted.lu();
    let mut y = DVector::from_element(m, Complex::new(1.0, 0.0));
    for _ in 0..3 {
        let Some(next) = lu.solve(&y) else { break };
        let length = next.norm();
        if !length.is_finite() || length == 0.0 {
            break;
        }
        y = next / Complex::new(length, 0.0);
    }
    let n = layout.len();
    let mut re = vec![0.0; n];
    let mut im = vec![0.0; n];
    for (k, b) in basis.iter().take(m).enumerate() {
        let c = y[k];
        for (t, &x) in b.iter().enumerate() {
            re[t] += c.re * x;
            im[t] += c.im * x;
        }
    }
    let weights: Vec<f64> = re.iter().zip(&im).map(|(r, i)| r * r + i * i).collect();
    let total: f64 = weights.iter().sum();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| weights[b].total_cmp(&weights[a]).then(a.cmp(&b)));
    order
        .into_iter()
        .take(CARRIERS)
        .filter(|&t| total > 0.0 && weights[t] > 0.0)
        .map(|t| (layout.coordinates[t], weights[t] / total))
        .collect()
}
