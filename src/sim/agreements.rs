//! What the treaties, alliances and interventions in force give each nation at one tick,
//! gathered in one pass over them so that the rules look a nation's share up instead of scanning
//! every agreement for every nation (MODEL.md 2.4, 2.5 A–C, F–I, K and 2.8).

use crate::model::{InterventionKind, TreatyKind};

use super::ids::NationIx;
use super::reference::Normalisers;
use super::state::{State, Status};
use super::world::World;

/// One collective-defence ally m of a nation i: what rel_mi is made of (MODEL.md 2.4).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ally {
    /// m.
    pub nation: NationIx,
    /// The strongest commitment m has toward i: its ω in a collective-defence alliance with i,
    /// or the strength of a mutual-defence treaty between them.
    pub commitment: f64,
    /// The strongest joint-exercises treaty between them (+0.1σ of reliability).
    pub exercises: f64,
}

/// The f-weighted measures of the interventions present in a nation (MODEL.md 2.4, 2.5 G, I).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct LocalSums {
    weight: f64,
    engagement: f64,
    local: f64,
    consent: f64,
}

/// Per-nation sums over the agreements and interventions in force at one tick.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Agreements {
    /// Number of treaties the nation honours: in force, or run to their term (model 2: a treaty
    /// that expires was kept, so its end costs no standing; an abrogated one no longer counts).
    pub treaties: Vec<f64>,
    /// Σσ of its intelligence-sharing treaties.
    pub intelligence: Vec<f64>,
    /// Trade_i: Σσ of its arms-trade, intelligence and mutual-defence treaties.
    pub trade: Vec<f64>,
    /// Σ 0.001σ of the arms-trade treaties where it sells.
    pub arms_sales: Vec<f64>,
    /// Capability it receives per tick from arms-trade treaties where it buys: Σ 0.02σ·M̄₀.
    pub arms_inflow: Vec<f64>,
    /// Strength of the strongest confidence-building treaty it is party to.
    pub cbm: Vec<f64>,
    /// Σ over its interventions (active or ended < 20 ticks ago) of max(0, S0_k − S_k).
    pub quagmire: Vec<f64>,
    /// Σ f over its peacekeeping missions in force.
    pub peacekeeping: Vec<f64>,
    /// Cost_i = Σ f·(s_k/s_i)/|J| over the active phases of its interventions.
    pub cost: Vec<f64>,
    /// Allied capability Σ_{m∈CD(i)} rel_mi·M_m.
    pub allied: Vec<f64>,
    local: Vec<LocalSums>,
    ally_offsets: Vec<u32>,
    allies: Vec<Ally>,
    /// (nation, ally, commitment, exercises, is a defence link): gathered before merging.
    defence_links: Vec<(NationIx, NationIx, f64, f64, bool)>,
}

/// Ticks after an intervention ends during which its interveners still pay in standing.
const QUAGMIRE_MEMORY: u32 = 20;

impl Agreements {
    /// The agreements of `state` with the world's load-time normalisers (for one-off questions
    /// during an event, such as who comes to a nation's defence).
    pub fn of_state(world: &World, state: &State) -> Agreements {
        let norms = world.calibration.norms;
        let sizes = super::derived::sizes(state, &norms);
        let mut agreements = Agreements::default();
        agreements.recompute(world, state, &sizes, &norms);
        agreements
    }

    /// Recomputes everything for `state`, reusing this value's buffers; `sizes` are the nations'
    /// sizes s and `norms` the load-time means.
    pub fn recompute(&mut self, world: &World, state: &State, sizes: &[f64], norms: &Normalisers) {
        let n = world.nation_count();
        for column in [
            &mut self.treaties,
            &mut self.intelligence,
            &mut self.trade,
            &mut self.arms_sales,
            &mut self.cbm,
            &mut self.quagmire,
            &mut self.peacekeeping,
        ] {
            column.clear();
            column.resize(n, 0.0);
        }
        // These two were sums of filtered iterators, which start from −0.0.
        for column in [&mut self.arms_inflow, &mut self.cost] {
            column.clear();
            column.resize(n, -0.0);
        }
        self.local.clear();
        self.local.resize(n, LocalSums::default());
        self.defence_links.clear();
        self.treaty_sums(world, state, norms);
        self.intervention_sums(world, state, sizes);
        for (cost, &s) in self.cost.iter_mut().zip(sizes) {
            if s <= 0.0 {
                *cost = 0.0; // a nation without size pays nothing
            }
        }
        self.alliance_links(world, state);
        self.merge_allies(state, n);
    }

    fn treaty_sums(&mut self, world: &World, state: &State, norms: &Normalisers) {
        for (t, info) in world.treaties.iter().enumerate() {
            let record = state.treaties[t];
            if !record.status.is_active() {
                if matches!(record.status, Status::Ended { .. }) && !record.abrogated {
                    for (k, &i) in info.parties.iter().enumerate() {
                        if !info.parties[..k].contains(&i) {
                            self.treaties[i.ix()] += 1.0;
                        }
                    }
                }
                continue;
            }
            let sigma = info.strength;
            for (k, &i) in info.parties.iter().enumerate() {
                if info.parties[..k].contains(&i) {
                    continue; // a party named twice counts once
                }
                let i_ = i.ix();
                self.treaties[i_] += 1.0;
                match info.kind {
                    TreatyKind::IntelligenceSharing => {
                        self.intelligence[i_] += sigma;
                        self.trade[i_] += sigma;
                    }
                    TreatyKind::MutualDefence => self.trade[i_] += sigma,
                    TreatyKind::ArmsTrade => {
                        self.trade[i_] += sigma;
                        if info.parties.first() == Some(&i) {
                            self.arms_sales[i_] += 0.001 * sigma;
                        }
                        if info.parties.get(1) == Some(&i) {
                            self.arms_inflow[i_] += 0.02 * sigma * norms.capability;
                        }
                    }
                    TreatyKind::ConfidenceBuilding => {
                        self.cbm[i_] = f64::max(self.cbm[i_], sigma);
                    }
                    _ => {}
                }
                let defence = match info.kind {
                    TreatyKind::MutualDefence => true,
                    TreatyKind::JointExercises => false,
                    _ => continue,
                };
                for &m in &info.parties {
                    if m != i {
                        let (commitment, exercises) =
                            if defence { (sigma, 0.0) } else { (0.0, sigma) };
                        self.defence_links
                            .push((i, m, commitment, exercises, defence));
                    }
                }
            }
        }
    }

    fn intervention_sums(&mut self, world: &World, state: &State, sizes: &[f64]) {
        let tick = state.tick;
        for (v, info) in world.interventions.iter().enumerate() {
            let status = state.interventions[v].status;
            let active = status.is_active();
            let recent = match status {
                Status::Active { .. } => true,
                Status::Ended { at } => tick < at + QUAGMIRE_MEMORY,
                Status::Pending => false,
            };
            if !recent {
                continue;
            }
            let k = info.target;
            if active {
                let f = info.force_ratio * super::derived::presence_profile(world, v, tick);
                if f > 0.0 {
                    let local = &mut self.local[k.ix()];
                    local.weight += f;
                    local.engagement += f * info.engagement;
                    local.local +=
                        f * (0.5 * state.interventions[v].legality + 0.5 * info.engagement);
                    local.consent += f * if info.consent { 1.0 } else { 0.0 };
                }
            }
            let target = state.nation(k);
            let gap = f64::max(0.0, target.baseline.stability - target.stability);
            let paying = active && tick < info.start + info.duration;
            for (x, &i) in info.interveners.iter().enumerate() {
                if info.interveners[..x].contains(&i) {
                    continue;
                }
                let i_ = i.ix();
                self.quagmire[i_] += gap;
                if active && info.kind == InterventionKind::Peacekeeping {
                    self.peacekeeping[i_] += info.force_ratio;
                }
                if paying && sizes[i_] > 0.0 {
                    self.cost[i_] += info.force_ratio * (sizes[k.ix()] / sizes[i_])
                        / info.interveners.len() as f64;
                }
            }
        }
    }

    fn alliance_links(&mut self, world: &World, state: &State) {
        for (a, alliance) in state.alliances.iter().enumerate() {
            if !alliance.status.is_active() || !world.alliances[a].collective_defence {
                continue;
            }
            for &(i, _) in &alliance.members {
                for &(m, omega) in &alliance.members {
                    if m != i {
                        self.defence_links.push((i, m, omega, 0.0, true));
                    }
                }
            }
        }
    }

    /// Merges the gathered links into each nation's sorted list of collective-defence allies and
    /// sums the allied capability in ascending ally order.
    fn merge_allies(&mut self, state: &State, n: usize) {
        self.defence_links
            .sort_unstable_by_key(|&(i, m, ..)| (i, m));
        self.ally_offsets.clear();
        self.allies.clear();
        self.allied.clear();
        self.ally_offsets.push(0);
        let mut next = 0;
        for i in 0..n {
            let mut allied = -0.0;
            while next < self.defence_links.len() && self.defence_links[next].0.ix() == i {
                let m = self.defence_links[next].1;
                let (mut commitment, mut exercises, mut defence) = (0.0f64, 0.0f64, false);
                while next < self.defence_links.len()
                    && self.defence_links[next].0.ix() == i
                    && self.defence_links[next].1 == m
                {
                    let (_, _, c, e, d) = self.defence_links[next];
                    commitment = commitment.max(c);
                    exercises = exercises.max(e);
                    defence |= d;
                    next += 1;
                }
                if defence {
                    let ally = Ally {
                        nation: m,
                        commitment,
                        exercises,
                    };
                    allied += reliability_of(state, ally, NationIx(i as u32))
                        * state.nation(m).capability;
                    self.allies.push(ally);
                }
            }
            self.allied.push(allied);
            self.ally_offsets.push(self.allies.len() as u32);
        }
    }

    /// CD(i) with what each ally's reliability is made of, in ascending order.
    pub fn allies_of(&self, i: NationIx) -> &[Ally] {
        let (from, to) = (self.ally_offsets[i.ix()], self.ally_offsets[i.ix() + 1]);
        &self.allies[from as usize..to as usize]
    }

    /// rel_mi for an ally m of i (0 when m is not a collective-defence ally of i).
    pub fn reliability(&self, state: &State, m: NationIx, i: NationIx) -> f64 {
        let allies = self.allies_of(i);
        match allies.binary_search_by_key(&m, |a| a.nation) {
            Ok(at) => reliability_of(state, allies[at], i),
            Err(_) => 0.0,
        }
    }

    /// The f-weighted (λ̄, ℓloc, consent) of the interventions present in k, if any.
    pub fn local_measures(&self, k: NationIx) -> Option<(f64, f64, f64)> {
        let sums = self.local[k.ix()];
        (sums.weight > 0.0).then(|| {
            (
                sums.engagement / sums.weight,
                sums.local / sums.weight,
                sums.consent / sums.weight,
            )
        })
    }
}

/// rel_mi = min(1, commitment·(0.5 + 0.5·T_mi) + 0.1·exercises).
fn reliability_of(state: &State, ally: Ally, i: NationIx) -> f64 {
    let trust = state.dyads.trust(ally.nation, i);
    f64::min(
        1.0,
        ally.commitment * (0.5 + 0.5 * trust) + 0.1 * ally.exercises,
    )
}
