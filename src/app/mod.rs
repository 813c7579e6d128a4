//! The eframe app: the only module that knows egui, eframe and rfd.
//!
//! This first window shows the scenario's title and description and plays its regional-stability
//! trajectory live. The scenario editor, timeline and explanation panel build on it.

mod plot;

use std::path::PathBuf;

use crate::io::{self, library};
use crate::model::Scenario;
use crate::sim::Simulation;

/// What the window shows: a running scenario, or why a file could not be opened.
pub struct EntenteApp {
    /// The scenario being played, if one loaded.
    run: Option<Simulation>,
    /// Title and description of the scenario.
    title: String,
    description: String,
    /// Problems of a file that failed to load, one readable line each.
    problems: Vec<String>,
    /// Whether playback advances on its own.
    playing: bool,
    /// Playback speed.
    ticks_per_second: f32,
    /// Time accumulated toward the next tick.
    pending_seconds: f32,
}

impl EntenteApp {
    /// An app playing `scenario`.
    pub fn with_scenario(scenario: &Scenario) -> Self {
        let mut app = Self::empty();
        app.open(scenario);
        app
    }

    /// An app on the bundled default scenario.
    pub fn with_default_scenario() -> Self {
        match io::load_str(library::default_example().text) {
            Ok(scenario) => Self::with_scenario(&scenario),
            Err(error) => Self::with_problems("default scenario", error.render("default scenario")),
        }
    }

    /// An app showing why a file could not be opened.
    pub fn with_problems(name: &str, problems: Vec<String>) -> Self {
        let mut app = Self::empty();
        app.title = format!("Could not open {name}");
        app.problems = problems;
        app
    }

    /// An app on the file at `path`, or on its problems if it does not load.
    pub fn with_file(path: &std::path::Path) -> Self {
        let name = path.display().to_string();
        match io::load_file(path) {
            Ok(scenario) => Self::with_scenario(&scenario),
            Err(error) => Self::with_problems(&name, error.render(&name)),
        }
    }

    fn empty() -> Self {
        Self {
            run: None,
            title: String::new(),
            description: String::new(),
            problems: Vec::new(),
            playing: true,
            ticks_per_second: 4.0,
            pending_seconds: 0.0,
        }
    }

    fn open(&mut self, scenario: &Scenario) {
        self.title = scenario.meta.title.0.clone();
        self.description = scenario.meta.description.0.clone();
        match Simulation::new(scenario) {
            Ok(run) => {
                self.run = Some(run);
                self.problems.clear();
            }
            Err(invalid) => {
                self.problems = invalid
                    .0
                    .iter()
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect();
            }
        }
    }

    /// The tick currently shown.
    pub fn tick(&self) -> u32 {
        self.run.as_ref().map_or(0, Simulation::tick)
    }

    /// Whether playback is running.
    pub fn is_playing(&self) -> bool {
        self.playing
    }

    fn horizon(&self) -> u32 {
        self.run.as_ref().map_or(0, |run| run.world().horizon)
    }

    fn step_once(&mut self) {
        if let Some(run) = &mut self.run
            && run.tick() < run.world().horizon
        {
            run.step();
        }
    }

    fn restart(&mut self) {
        if let Some(run) = &mut self.run {
            run.truncate_to(0);
        }
        self.pending_seconds = 0.0;
    }

    fn advance(&mut self, seconds: f32) {
        if !self.playing || self.run.is_none() {
            return;
        }
        self.pending_seconds += seconds;
        let interval = 1.0 / self.ticks_per_second.max(0.1);
        // A slow frame never triggers more than a second's worth of ticks at once.
        let mut budget = self.ticks_per_second.ceil() as u32;
        while self.pending_seconds >= interval && budget > 0 {
            self.pending_seconds -= interval;
            budget -= 1;
            self.step_once();
        }
        if self.tick() >= self.horizon() {
            self.playing = false;
            self.pending_seconds = 0.0;
        }
    }

    fn header_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.heading(&self.title);
        });
        if !self.description.is_empty() {
            ui.label(&self.description);
        }
        if self.run.is_none() {
            return;
        }
        ui.horizontal(|ui| {
            let label = if self.playing { "Pause" } else { "Play" };
            if ui
                .button(label)
                .on_hover_text("Play or pause the simulation (Space)")
                .clicked()
            {
                self.playing = !self.playing;
            }
            if ui
                .button("Step")
                .on_hover_text("Advance one tick (one quarter)")
                .clicked()
            {
                self.playing = false;
                self.step_once();
            }
            if ui
                .button("Restart")
                .on_hover_text("Go back to tick 0")
                .clicked()
            {
                self.restart();
            }
            ui.add(
                egui::Slider::new(&mut self.ticks_per_second, 0.5..=30.0)
                    .logarithmic(true)
                    .text("ticks per second"),
            );
            if let Some(run) = &self.run {
                let (year, quarter) = run.world().start.at_tick(run.tick());
                ui.label(format!(
                    "Tick {} of {} · {year} Q{quarter}",
                    run.tick(),
                    run.world().horizon
                ));
            }
        });
    }

    fn problems_ui(&self, ui: &mut egui::Ui) {
        ui.label("The scenario has problems; fix them in the file and open it again:");
        egui::ScrollArea::vertical().show(ui, |ui| {
            for problem in &self.problems {
                ui.monospace(problem);
            }
        });
    }
}

impl eframe::App for EntenteApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        if ctx.input(|i| i.key_pressed(egui::Key::Space)) && self.run.is_some() {
            self.playing = !self.playing;
        }
        let dt = ctx.input(|i| i.stable_dt);
        self.advance(dt);
        if self.playing {
            ctx.request_repaint();
        }
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("header").show(ui, |ui| self.header_ui(ui));
        egui::CentralPanel::default().show(ui, |ui| {
            if !self.problems.is_empty() {
                self.problems_ui(ui);
            } else if let Some(run) = &self.run {
                plot::regional_stability_ui(ui, run);
            }
        });
    }
}

/// Opens the window on `file`, or on the bundled default scenario.
pub fn run_app(file: Option<PathBuf>) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Entente")
            .with_inner_size([1280.0, 800.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Entente",
        options,
        Box::new(move |_creation| {
            Ok(Box::new(match &file {
                Some(path) => EntenteApp::with_file(path),
                None => EntenteApp::with_default_scenario(),
            }))
        }),
    )
    .map_err(|error| anyhow::anyhow!("cannot open the window: {error}"))
}
