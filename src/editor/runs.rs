//! What-if runs: runs kept beside the current one to compare against. *Keep as baseline* pins
//! the current scenario and its run under a name; *Branch here* pins it and from then on lets
//! edits change only what comes after the branch tick, so the branch shares its history with
//! the run it came from. Pinned runs are drawn faint on the plot, can be compared with the
//! current run (a difference view, and the Why panel's two-run explanation), renamed, hidden,
//! deleted, or made current again.

use crate::io::runs_file::{SavedRun, SavedRuns};
use crate::model::Scenario;
use crate::sim::Simulation;
use crate::sim::run::first_affected_tick;

/// A run kept for comparison.
#[derive(Clone, Debug)]
pub struct PinnedRun {
    /// Unique while the app runs, for caches keyed by run.
    pub id: u64,
    /// What the user calls it.
    pub name: String,
    /// The scenario it is the run of.
    pub scenario: Scenario,
    /// Its run, computed to the horizon.
    pub simulation: Simulation,
    /// Whether the plot draws it.
    pub shown: bool,
}

/// The current run's branch point: edits may change only ticks after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Branch {
    /// The tick branched at.
    pub tick: u32,
    /// The name of the run it branched from.
    pub from: String,
}

/// The pinned runs and how they are compared with the current one.
#[derive(Clone, Debug, Default)]
pub struct Runs {
    pinned: Vec<PinnedRun>,
    next_id: u64,
    /// The pinned run the current one is compared with (difference view, Why panel), by id.
    compared: Option<u64>,
    /// Whether the plot shows the current run minus the compared one.
    pub difference: bool,
    /// Whether the Why panel explains the difference from the compared run.
    pub explain_difference: bool,
    branch: Option<Branch>,
}

impl Runs {
    /// Every pinned run, oldest first.
    pub fn pinned(&self) -> &[PinnedRun] {
        &self.pinned
    }

    /// The run compared with the current one, if any.
    pub fn compared(&self) -> Option<&PinnedRun> {
        let id = self.compared?;
        self.pinned.iter().find(|run| run.id == id)
    }

    /// The current run's branch point, if it is a branch.
    pub fn branch(&self) -> Option<&Branch> {
        self.branch.as_ref()
    }

    /// Pins `scenario` and its run (computed here to the horizon if it is not yet) under
    /// `name`, made unique ("baseline 2"), and compares the current run with it. Returns the
    /// name given.
    pub fn pin(&mut self, name: &str, scenario: &Scenario, simulation: &Simulation) -> String {
        let mut simulation = simulation.clone();
        simulation.run_to(scenario.horizon);
        let name = self.unique(name);
        self.next_id += 1;
        self.pinned.push(PinnedRun {
            id: self.next_id,
            name: name.clone(),
            scenario: scenario.clone(),
            simulation,
            shown: true,
        });
        self.compared = Some(self.next_id);
        name
    }

    /// Pins the current run as the trunk and makes the current one a branch from `tick`.
    pub fn branch_here(&mut self, tick: u32, scenario: &Scenario, simulation: &Simulation) {
        let from = self.pin(
            &format!("before the branch at tick {tick}"),
            scenario,
            simulation,
        );
        self.branch = Some(Branch { tick, from });
    }

    /// Ends the branch: edits may change any tick again.
    pub fn end_branch(&mut self) {
        self.branch = None;
    }

    fn unique(&self, name: &str) -> String {
        let name = match name.trim() {
            "" => "run",
            name => name,
        };
        let taken = |candidate: &str| self.pinned.iter().any(|run| run.name == candidate);
        if !taken(name) {
            return name.to_owned();
        }
        (2..)
            .map(|k| format!("{name} {k}"))
            .find(|candidate| !taken(candidate))
            .unwrap_or_default()
    }

    /// Renames the pinned run `id`; a name in use or blank is refused with the reason.
    pub fn rename(&mut self, id: u64, name: &str) -> Result<(), String> {
        let name = name.trim();
        if name.is_empty() {
            return Err("a run needs a name".into());
        }
        if self
            .pinned
            .iter()
            .any(|run| run.name == name && run.id != id)
        {
            return Err(format!("another run is called \"{name}\""));
        }
        let run = self.find_mut(id)?;
        let old = std::mem::replace(&mut run.name, name.to_owned());
        if let Some(branch) = &mut self.branch
            && branch.from == old
        {
            branch.from = name.to_owned();
        }
        Ok(())
    }

    /// Shows or hides the pinned run `id` on the plot.
    pub fn set_shown(&mut self, id: u64, shown: bool) -> Result<(), String> {
        self.find_mut(id)?.shown = shown;
        Ok(())
    }

    /// Compares the current run with the pinned run `id` (None: with none).
    pub fn set_compared(&mut self, id: Option<u64>) -> Result<(), String> {
        if let Some(id) = id {
            self.find_mut(id)?;
        }
        self.compared = id;
        Ok(())
    }

    /// Deletes the pinned run `id`.
    pub fn remove(&mut self, id: u64) -> Result<PinnedRun, String> {
        let k = self
            .pinned
            .iter()
            .position(|run| run.id == id)
            .ok_or("that run no longer exists")?;
        if self.compared == Some(id) {
            self.compared = None;
        }
        Ok(self.pinned.remove(k))
    }

    /// The pinned run `id`.
    pub fn get(&self, id: u64) -> Option<&PinnedRun> {
        self.pinned.iter().find(|run| run.id == id)
    }

    fn find_mut(&mut self, id: u64) -> Result<&mut PinnedRun, String> {
        self.pinned
            .iter_mut()
            .find(|run| run.id == id)
            .ok_or_else(|| "that run no longer exists".to_owned())
    }

    /// The runs as they are saved beside the scenario (`io::runs_file`); the branch is not
    /// saved: it belongs to the editing session.
    pub fn to_saved(&self) -> SavedRuns {
        SavedRuns {
            format_version: crate::model::FORMAT_VERSION,
            runs: self
                .pinned
                .iter()
                .map(|run| SavedRun {
                    name: run.name.clone(),
                    shown: run.shown,
                    scenario: run.scenario.clone(),
                })
                .collect(),
            compared: self.compared().map(|run| run.name.clone()),
        }
    }

    /// The runs saved beside a scenario, each computed again (the same scenario gives the same
    /// run).
    pub fn from_saved(saved: &SavedRuns) -> Result<Runs, String> {
        let mut runs = Runs::default();
        for run in &saved.runs {
            let simulation = Simulation::new(&run.scenario)
                .map_err(|invalid| format!("run \"{}\": {invalid}", run.name))?;
            let name = runs.pin(&run.name, &run.scenario, &simulation);
            let id = runs.next_id;
            runs.set_shown(id, run.shown)?;
            if name != run.name {
                return Err(format!("two runs are called \"{}\"", run.name));
            }
        }
        let compared = saved
            .compared
            .as_ref()
            .and_then(|name| runs.pinned.iter().find(|run| &run.name == name))
            .map(|run| run.id);
        runs.compared = compared;
        Ok(runs)
    }

    /// Why a branch refuses the change from `before` to `after`, or None: a branch may change
    /// only what happens after its tick, so its history stays the one it shares.
    pub fn refusal(&self, before: &Scenario, after: &Scenario) -> Option<String> {
        let branch = self.branch.as_ref()?;
        match first_affected_tick(before, after) {
            None => Some(format!(
                "this is a branch from tick {}: its world is the one it shares with \"{}\"; change events after tick {} (or end the branch)",
                branch.tick, branch.from, branch.tick
            )),
            Some(tick) if tick < branch.tick => Some(format!(
                "this is a branch from tick {}: it may change only what happens after it, and this changes tick {tick}",
                branch.tick
            )),
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, Attribute, Event};

    fn mesa() -> (Scenario, Simulation) {
        let scenario = crate::io::load_str(crate::io::library::default_example().text).unwrap();
        let simulation = Simulation::new(&scenario).unwrap();
        (scenario, simulation)
    }

    fn shock(scenario: &Scenario, tick: u32) -> Scenario {
        let mut next = scenario.clone();
        next.events.push(Event::new(
            tick,
            Action::SetAttribute {
                nation: "T".into(),
                attribute: Attribute::Stability,
                value: 0.2,
                structural: false,
            },
        ));
        next
    }

    #[test]
    fn pinned_runs_are_computed_named_uniquely_and_managed() {
        let (scenario, simulation) = mesa();
        let mut runs = Runs::default();
        assert_eq!(runs.pin("baseline", &scenario, &simulation), "baseline");
        assert_eq!(runs.pin("baseline", &scenario, &simulation), "baseline 2");
        let [first, second] = [runs.pinned()[0].id, runs.pinned()[1].id];
        assert_eq!(runs.pinned()[0].simulation.tick(), scenario.horizon);
        assert_eq!(
            runs.compared().unwrap().id,
            second,
            "the newest is compared"
        );
        assert!(runs.rename(first, "baseline 2").is_err());
        assert!(runs.rename(first, "  ").is_err());
        runs.rename(first, "no mandate").unwrap();
        runs.set_shown(first, false).unwrap();
        assert!(!runs.get(first).unwrap().shown);
        runs.remove(second).unwrap();
        assert!(runs.compared().is_none());
        assert!(runs.remove(second).is_err());
        assert_eq!(runs.pinned().len(), 1);
    }

    #[test]
    fn saved_runs_come_back_the_same() {
        let (scenario, simulation) = mesa();
        let mut runs = Runs::default();
        runs.pin("no mandate", &scenario, &simulation);
        let shocked = shock(&scenario, 30);
        runs.pin("shocked", &shocked, &Simulation::new(&shocked).unwrap());
        let first = runs.pinned()[0].id;
        runs.set_shown(first, false).unwrap();
        runs.set_compared(Some(first)).unwrap();
        let back = Runs::from_saved(&runs.to_saved()).unwrap();
        assert_eq!(back.to_saved(), runs.to_saved());
        assert_eq!(back.compared().unwrap().name, "no mandate");
        assert!(!back.pinned()[0].shown);
        let state = |runs: &Runs| runs.pinned()[1].simulation.state(80).unwrap().into_owned();
        assert_eq!(state(&back), state(&runs));
    }

    #[test]
    fn a_branch_refuses_what_changes_its_shared_history() {
        let (scenario, simulation) = mesa();
        let mut runs = Runs::default();
        assert!(runs.refusal(&scenario, &shock(&scenario, 5)).is_none());
        runs.branch_here(20, &scenario, &simulation);
        assert_eq!(runs.branch().unwrap().from, "before the branch at tick 20");
        assert!(runs.refusal(&scenario, &shock(&scenario, 30)).is_none());
        assert!(runs.refusal(&scenario, &shock(&scenario, 20)).is_none());
        let early = runs.refusal(&scenario, &shock(&scenario, 10)).unwrap();
        assert!(early.contains("changes tick 10"), "{early}");
        let mut world = scenario.clone();
        world.nations[0].stability = 0.1;
        assert!(
            runs.refusal(&scenario, &world)
                .unwrap()
                .contains("its world")
        );
        // Renaming the trunk keeps the branch pointing at it; ending the branch lifts the rule.
        let trunk = runs.pinned()[0].id;
        runs.rename(trunk, "trunk").unwrap();
        assert_eq!(runs.branch().unwrap().from, "trunk");
        runs.end_branch();
        assert!(runs.refusal(&scenario, &shock(&scenario, 10)).is_none());
    }
}
