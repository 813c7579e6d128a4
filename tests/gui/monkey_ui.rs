//! A "monkey" drives the app on the default scenario with thousands of random clicks, drags,
//! scrolls, key presses and typed text (file dialogs answered with a scratch folder). The app
//! must not panic, and whatever the monkey did, the document must still be a valid scenario
//! whose run can be computed.

use std::path::PathBuf;

use egui::{Event, Key, Modifiers, PointerButton, Pos2, TouchPhase, vec2};
use egui_kittest::Harness;
use entente::app::{AppConfig, Document, EntenteApp, FileDialogs};
use rand_core::Rng;
use rand_pcg::Pcg64Mcg;

/// Answers every dialog with a fresh file or folder in a scratch folder; opening offers the
/// last file saved, when there is one.
struct ScratchDialogs {
    folder: PathBuf,
    count: usize,
    last_saved: Option<PathBuf>,
}

impl FileDialogs for ScratchDialogs {
    fn pick_open(&mut self) -> Option<PathBuf> {
        self.last_saved.clone()
    }

    fn pick_save(&mut self, file_name: &str) -> Option<PathBuf> {
        self.count += 1;
        let path = self.folder.join(format!("{}-{file_name}", self.count));
        self.last_saved = Some(path.clone());
        Some(path)
    }
}

const SIZE: egui::Vec2 = vec2(1500.0, 950.0);

const KEYS: [Key; 24] = [
    Key::Delete,
    Key::Backspace,
    Key::Escape,
    Key::Enter,
    Key::Tab,
    Key::Space,
    Key::ArrowLeft,
    Key::ArrowRight,
    Key::ArrowUp,
    Key::ArrowDown,
    Key::F2,
    Key::F10,
    Key::F,
    Key::A,
    Key::N,
    Key::Z,
    Key::Y,
    Key::S,
    Key::O,
    Key::Plus,
    Key::Minus,
    Key::Equals,
    Key::Num0,
    Key::Home,
];

struct Monkey {
    rng: Pcg64Mcg,
    pointer: Pos2,
    button_down: Option<PointerButton>,
}

impl Monkey {
    fn unit(&mut self) -> f32 {
        (self.rng.next_u32() >> 8) as f32 / (1u32 << 24) as f32
    }

    fn below(&mut self, n: usize) -> usize {
        (self.rng.next_u64() % n as u64) as usize
    }

    fn modifiers(&mut self) -> Modifiers {
        match self.below(8) {
            0 => Modifiers::COMMAND,
            1 => Modifiers::SHIFT,
            2 => Modifiers::COMMAND | Modifiers::SHIFT,
            3 => Modifiers::ALT,
            _ => Modifiers::NONE,
        }
    }

    /// One random input event.
    fn event(&mut self) -> Event {
        match self.below(12) {
            // Move, near the last place (drags) or anywhere.
            0..=3 => {
                self.pointer = if self.below(3) == 0 {
                    Pos2::new(self.unit() * SIZE.x, self.unit() * SIZE.y)
                } else {
                    let step = vec2(self.unit() - 0.5, self.unit() - 0.5) * 80.0;
                    (self.pointer + step).clamp(Pos2::ZERO, Pos2::new(SIZE.x, SIZE.y))
                };
                Event::PointerMoved(self.pointer)
            }
            4..=6 => {
                let (button, pressed) = match self.button_down.take() {
                    Some(button) => (button, false),
                    None => {
                        let button = if self.below(5) == 0 {
                            PointerButton::Secondary
                        } else {
                            PointerButton::Primary
                        };
                        self.button_down = Some(button);
                        (button, true)
                    }
                };
                Event::PointerButton {
                    pos: self.pointer,
                    button,
                    pressed,
                    modifiers: self.modifiers(),
                }
            }
            7 => Event::MouseWheel {
                unit: egui::MouseWheelUnit::Line,
                delta: vec2(0.0, (self.unit() - 0.5) * 6.0),
                phase: TouchPhase::Move,
                source: egui::MouseWheelSource::Unknown,
                modifiers: self.modifiers(),
            },
            8..=10 => Event::Key {
                key: KEYS[self.below(KEYS.len())],
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: self.modifiers(),
            },
            _ => {
                const TYPED: [&str; 6] = ["a", "7", "-", ".", "é", "1e308"];
                Event::Text(TYPED[self.below(TYPED.len())].to_owned())
            }
        }
    }
}

fn run_monkey(seed: u64, events: usize) {
    let folder = tempfile::tempdir().unwrap();
    let config = AppConfig {
        dialogs: Box::new(ScratchDialogs {
            folder: folder.path().to_owned(),
            count: 0,
            last_saved: None,
        }),
        folder: Some(folder.path().to_owned()),
        data_folder: Some(folder.path().join("data")),
        autoplay: false,
        slow_tick: std::time::Duration::MAX,
    };
    let scenario = entente::io::load_str(entente::io::library::default_example().text).unwrap();
    let app = EntenteApp::new(Document::unchanged(scenario), config);
    let mut harness = Harness::builder()
        .with_size(SIZE)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| app);
    harness.run_steps(3);
    let mut monkey = Monkey {
        rng: Pcg64Mcg::new(u128::from(seed) | 1 << 64),
        pointer: Pos2::new(SIZE.x / 2.0, SIZE.y / 2.0),
        button_down: None,
    };
    let mut sent = 0;
    while sent < events {
        for _ in 0..1 + monkey.below(4) {
            harness.event(monkey.event());
            sent += 1;
        }
        harness.step();
    }
    harness.run_steps(2);
    let document = harness.state().document();
    assert!(document.simulation().is_some(), "seed {seed}: no run");
    let scenario = document.scenario().clone();
    let problems = entente::model::validate(&scenario);
    assert!(problems.is_empty(), "seed {seed}: {problems:?}");
    let mut run = entente::sim::Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    assert!(
        run.current().region_stability.iter().all(|v| v.is_finite()),
        "seed {seed}"
    );
}

// Four sessions of 2,000 inputs each, one test each so that they run side by side.
#[test]
fn a_first_monkey_on_the_default_scenario_breaks_nothing() {
    run_monkey(1, 2000);
}

#[test]
fn a_second_monkey_on_the_default_scenario_breaks_nothing() {
    run_monkey(2, 2000);
}

#[test]
fn a_third_monkey_on_the_default_scenario_breaks_nothing() {
    run_monkey(3, 2000);
}

#[test]
fn a_fourth_monkey_on_the_default_scenario_breaks_nothing() {
    run_monkey(4, 2000);
}
