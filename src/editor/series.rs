//! The data behind each plot view: named series with one value per computed tick, built from a
//! run and the selection. The plot draws them and the CSV export writes the same numbers.

use crate::model::NationId;
use crate::sim::derived::Derived;
use crate::sim::state::State;
use crate::sim::{AllianceIx, NationIx, Simulation, hazards};

use super::selection::{Item, Selection};

/// What the plot shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlotView {
    /// The stability index of every region (the default).
    Regions,
    /// One metric of the selected nations (all nations when none is selected).
    Nation(NationMetric),
    /// The cohesion of every alliance while it exists.
    Cohesion,
    /// Relation and trust of the selected pair.
    Dyad,
    /// Risk of attack within the selected pair, risk of relapse of the selected nations.
    Hazards,
}

impl PlotView {
    /// Every view, in the order of the view selector.
    pub const ALL: [PlotView; 10] = [
        Self::Regions,
        Self::Nation(NationMetric::Stability),
        Self::Nation(NationMetric::Legitimacy),
        Self::Nation(NationMetric::Capacity),
        Self::Nation(NationMetric::ArmedGroups),
        Self::Nation(NationMetric::DefenceBurden),
        Self::Nation(NationMetric::Capability),
        Self::Cohesion,
        Self::Dyad,
        Self::Hazards,
    ];

    /// Its name in the view selector and as the y axis label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Regions => "regional stability",
            Self::Nation(metric) => metric.label(),
            Self::Cohesion => "alliance cohesion",
            Self::Dyad => "relation and trust",
            Self::Hazards => "risk of attack / relapse",
        }
    }
}

/// A per-nation variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NationMetric {
    /// Domestic stability S.
    Stability,
    /// Legitimacy L.
    Legitimacy,
    /// State capacity C.
    Capacity,
    /// Non-state armed groups N.
    ArmedGroups,
    /// Defence burden x/E.
    DefenceBurden,
    /// Military capability.
    Capability,
}

impl NationMetric {
    /// Its plain-language name.
    pub fn label(self) -> &'static str {
        match self {
            Self::Stability => "domestic stability",
            Self::Legitimacy => "legitimacy",
            Self::Capacity => "state capacity",
            Self::ArmedGroups => "armed groups",
            Self::DefenceBurden => "defence burden",
            Self::Capability => "military capability",
        }
    }
}

/// One line of a plot: a value per tick from 0, None where it does not exist (an alliance not
/// yet formed).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Legend name.
    pub name: String,
    /// Which palette colour it takes (regions keep their canvas colour; nations take one each).
    pub colour: usize,
    /// Values by tick.
    pub values: Vec<Option<f64>>,
}

/// How one series reads its value from a state (and, for views that need them, its derived
/// tables).
type Reader<'a> = Box<dyn Fn(&State, Option<&Derived>) -> Option<f64> + 'a>;

/// The series of `view` over every computed tick of `run`, read in one pass over the run (states
/// between checkpoints are recomputed once, not kept).
pub fn series(run: &Simulation, view: PlotView, selection: &Selection) -> Vec<Series> {
    let world = run.world();
    let nations = chosen_nations(run, selection);
    let name = |n: NationIx| world.nations[n.ix()].shown_name().to_owned();
    let mut lines: Vec<(String, usize, Reader)> = Vec::new();
    let needs_derived = matches!(view, PlotView::Cohesion | PlotView::Hazards);
    match view {
        PlotView::Regions => {
            for (r, region) in world.regions.iter().enumerate() {
                let name = region.shown_name().to_owned();
                lines.push((name, r, Box::new(move |s, _| Some(s.region_stability[r]))));
            }
        }
        PlotView::Nation(metric) => {
            for (k, &n) in nations.iter().enumerate() {
                let reader = move |s: &State, _: Option<&Derived>| {
                    let x = &s.nations[n.ix()];
                    Some(match metric {
                        NationMetric::Stability => x.stability,
                        NationMetric::Legitimacy => x.legitimacy,
                        NationMetric::Capacity => x.capacity,
                        NationMetric::ArmedGroups => x.armed_groups,
                        NationMetric::DefenceBurden => x.burden(),
                        NationMetric::Capability => x.capability,
                    })
                };
                // A colour per nation: by region, four nations of one region would look alike.
                lines.push((name(n), k, Box::new(reader)));
            }
        }
        PlotView::Cohesion => {
            for (a, info) in world.alliances.iter().enumerate() {
                let name = info.shown_name().to_owned();
                let reader = move |s: &State, d: Option<&Derived>| {
                    let d = d?;
                    s.alliances[a]
                        .status
                        .is_active()
                        .then(|| d.alliance_cohesion(s, AllianceIx(a as u32)))
                };
                lines.push((name, a + 6, Box::new(reader)));
            }
        }
        PlotView::Dyad => {
            if let Some((a, b)) = pair(&nations) {
                lines.push((
                    format!("relation {}–{}", name(a), name(b)),
                    2,
                    Box::new(move |s, _| Some(s.dyads.relation(a, b))),
                ));
                lines.push((
                    format!("trust {}–{}", name(a), name(b)),
                    4,
                    Box::new(move |s, _| s.dyads.get(a, b).map(|d| d.trust)),
                ));
            }
        }
        PlotView::Hazards => {
            if let Some((a, b)) = pair(&nations) {
                for (from, to, colour) in [(a, b, 1), (b, a, 3)] {
                    lines.push((
                        format!("risk of attack {} → {}", name(from), name(to)),
                        colour,
                        Box::new(move |s, d| Some(hazards::attack(world, s, d?, from, to))),
                    ));
                }
            }
            for &n in &nations {
                lines.push((
                    format!("risk of relapse, {}", name(n)),
                    world.nations[n.ix()].region.ix() + 6,
                    Box::new(move |s, d| Some(hazards::relapse(world, s, d?, n))),
                ));
            }
        }
    }
    let mut values: Vec<Vec<Option<f64>>> = lines
        .iter()
        .map(|_| Vec::with_capacity(run.tick() as usize + 1))
        .collect();
    if !lines.is_empty() {
        run.for_each_state(0, run.tick(), |state| {
            let derived = needs_derived.then(|| Derived::compute(world, state));
            for ((_, _, read), values) in lines.iter().zip(&mut values) {
                values.push(read(state, derived.as_ref()));
            }
        });
    }
    lines
        .into_iter()
        .zip(values)
        .map(|((name, colour, _), values)| Series {
            name,
            colour,
            values,
        })
        .collect()
}

pub(super) fn pair(nations: &[NationIx]) -> Option<(NationIx, NationIx)> {
    match nations {
        [a, b, ..] => Some((*a, *b)),
        _ => None,
    }
}

/// The nations the selection points at: selected nations, both ends of a selected relation,
/// the members of a selected region; every nation when nothing fits.
pub(super) fn chosen_nations(run: &Simulation, selection: &Selection) -> Vec<NationIx> {
    let world = run.world();
    let find = |id: &NationId| world.nation(id.as_str());
    let mut chosen: Vec<NationIx> = Vec::new();
    for item in selection.items() {
        match item {
            Item::Nation(id) => chosen.extend(find(id)),
            Item::Relation(a, b) => chosen.extend(find(a).into_iter().chain(find(b))),
            Item::Region(region) => {
                if let Some(r) = world.region(region.as_str()) {
                    chosen.extend(
                        world
                            .nation_indices()
                            .filter(|n| world.nations[n.ix()].region == r),
                    );
                }
            }
            _ => {}
        }
    }
    if chosen.is_empty() {
        chosen = world.nation_indices().collect();
    }
    chosen.dedup();
    chosen
}

/// The current run's series minus a kept run's, series by series of the same name, named
/// "Mesa − baseline"; a tick where either has no value has none. Series the kept run lacks are
/// left out.
pub fn difference_series(current: &[Series], kept: &[Series], kept_name: &str) -> Vec<Series> {
    current
        .iter()
        .filter_map(|line| {
            let base = kept.iter().find(|other| other.name == line.name)?;
            let values = line
                .values
                .iter()
                .enumerate()
                .map(|(tick, value)| {
                    Some(value.as_ref()? - base.values.get(tick).copied().flatten()?)
                })
                .collect();
            Some(Series {
                name: format!("{} − {kept_name}", line.name),
                colour: line.colour,
                values,
            })
        })
        .collect()
}

/// The series as CSV, one row per tick: `tick,date,<series>…`; empty cells where a series has
/// no value.
pub fn to_csv(series: &[Series], start: crate::model::StartDate) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut header = vec!["tick".to_owned(), "date".to_owned()];
    header.extend(series.iter().map(|s| s.name.clone()));
    // Writing to memory cannot fail.
    let _ = out.write_record(&header);
    let ticks = series.iter().map(|s| s.values.len()).max().unwrap_or(0);
    for tick in 0..ticks {
        let (year, quarter) = start.at_tick(tick as u32);
        let mut row = vec![tick.to_string(), format!("{year} Q{quarter}")];
        for s in series {
            row.push(match s.values.get(tick).copied().flatten() {
                Some(v) => format!("{v:.6}"),
                None => String::new(),
            });
        }
        let _ = out.write_record(&row);
    }
    String::from_utf8(out.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run() -> Simulation {
        let scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        let mut run = Simulation::new(&scenario).unwrap();
        run.run_to(20);
        run
    }

    #[test]
    fn every_view_has_a_value_per_tick() {
        let run = run();
        let pair = Selection::single(Item::Relation("H".into(), "T".into()));
        for view in PlotView::ALL {
            let lines = series(&run, view, &pair);
            assert!(!lines.is_empty(), "{view:?}");
            for line in &lines {
                assert_eq!(line.values.len(), 21, "{view:?} {}", line.name);
            }
        }
        // An alliance formed at tick 4 has no cohesion before.
        let cohesion = series(&run, PlotView::Cohesion, &Selection::none());
        assert!(cohesion[0].values[2].is_none() && cohesion[0].values[6].is_some());
    }

    #[test]
    fn csv_holds_the_plotted_numbers() {
        let run = run();
        let lines = series(&run, PlotView::Regions, &Selection::none());
        let text = to_csv(&lines, run.world().start);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows.len(), 22);
        assert_eq!(rows[0], "tick,date,West,Mesa,East");
        let cells: Vec<&str> = rows[13].split(',').collect();
        assert_eq!(cells[0], "12");
        assert_eq!(cells[1], "2006 Q1");
        let mesa: f64 = cells[3].parse().unwrap();
        assert!((mesa - lines[1].values[12].unwrap()).abs() < 1e-6);
    }

    #[test]
    fn a_difference_is_taken_series_by_series() {
        let line = |name: &str, values: Vec<Option<f64>>| Series {
            name: name.into(),
            colour: 0,
            values,
        };
        let current = [
            line("Mesa", vec![Some(0.5), Some(0.6), None]),
            line("East", vec![Some(0.1)]),
        ];
        let kept = [line("Mesa", vec![Some(0.5), Some(0.4), Some(0.3)])];
        let difference = difference_series(&current, &kept, "baseline");
        assert_eq!(difference.len(), 1);
        assert_eq!(difference[0].name, "Mesa − baseline");
        assert_eq!(difference[0].values[0], Some(0.0));
        assert!((difference[0].values[1].unwrap() - 0.2).abs() < 1e-12);
        assert_eq!(difference[0].values[2], None);
    }

    #[test]
    fn each_nation_in_a_nation_view_has_its_own_colour() {
        let run = run();
        // Every nation of Mesa Crisis, four of them in the Mesa region.
        let all = Selection::nations(run.world().nations.iter().map(|n| n.id.clone()));
        let lines = series(&run, PlotView::Nation(NationMetric::Stability), &all);
        let mut colours: Vec<usize> = lines.iter().map(|l| l.colour).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), lines.len());
    }
}
