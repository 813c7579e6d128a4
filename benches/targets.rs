//! The performance targets, one benchmark per row of the table in the README's Performance
//! section (`cargo bench --bench targets`); the README has the measured figures.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use divan::Bencher;
use entente::app::{AppConfig, EntenteApp};
use entente::editor::document::Document;
use entente::editor::shown::Shown;
use entente::io::library::EXAMPLES;
use entente::io::{load_str, to_ron_string};
use entente::model::Scenario;
use entente::model::generate::{Size, generate};
use entente::sim::Simulation;
use entente::sim::landscape::Landscape;
use entente::sim::stability::{Options, analyse};

/// The app's allocator (see `src/main.rs`), so figures match what users get, counting the
/// bytes in use and their peak for the memory target.
#[global_allocator]
static ALLOCATOR: PeakCounting = PeakCounting {
    current: AtomicUsize::new(0),
    peak: AtomicUsize::new(0),
};

struct PeakCounting {
    current: AtomicUsize,
    peak: AtomicUsize,
}

// SAFETY: every call is forwarded to mimalloc unchanged; the counters only observe sizes.
unsafe impl GlobalAlloc for PeakCounting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = self.current.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        self.peak.fetch_max(now, Ordering::Relaxed);
        // SAFETY: the caller's contract is passed on as it is.
        unsafe { mimalloc::MiMalloc.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.current.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size >= layout.size() {
            let grown = new_size - layout.size();
            let now = self.current.fetch_add(grown, Ordering::Relaxed) + grown;
            self.peak.fetch_max(now, Ordering::Relaxed);
        } else {
            self.current
                .fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
    }
}

/// Runs `work` and returns the peak heap in use during it, above what was in use before.
fn peak_heap_of<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let base = ALLOCATOR.current.load(Ordering::Relaxed);
    ALLOCATOR.peak.store(base, Ordering::Relaxed);
    let value = work();
    (value, ALLOCATOR.peak.load(Ordering::Relaxed) - base)
}

fn main() {
    divan::main();
}

/// The historical case with the most nation-ticks (Cold War Europe: 10 nations, 169 ticks): the
/// "largest bundled scenario" of rows 1, 10 and the what-if rows. The world today is larger and
/// has its own rows.
fn largest_bundled() -> Scenario {
    EXAMPLES
        .iter()
        .filter(|e| e.name != "world-today")
        .map(|e| load_str(e.text).unwrap())
        .max_by_key(|s| s.nations.len() * s.horizon as usize)
        .unwrap()
}

/// The world today (195 nations, 22 regions, 80 ticks), without its exercise.
fn world_today() -> Scenario {
    let mut scenario =
        load_str(entente::io::library::example("world-today").unwrap().text).unwrap();
    scenario.exercise = None;
    scenario
}

/// Issue "The whole world", row 1: the world today, a full run of its 80 ticks from the file
/// (calibration included), keeping every state as the app does (≤ 16 ms, one frame).
#[divan::bench(sample_count = 20)]
fn world_today_80_ticks(bencher: Bencher) {
    let scenario = world_today();
    bencher.bench(|| {
        let mut run = Simulation::new(divan::black_box(&scenario)).unwrap();
        run.run_to(scenario.horizon);
        run.tick()
    });
}

/// Issue "The whole world": editing an event in the world today, as a timeline drag does: a
/// Russian strike on Estonia moved between ticks 40 and 41, the run re-simulated from there and
/// the 22 regional series rebuilt.
#[divan::bench(sample_count = 20)]
fn timeline_drag_on_the_world_today(bencher: Bencher) {
    use entente::model::{Action, Event, Intervention, InterventionKind};
    let mut scenario = world_today();
    let strike = Intervention::new(
        "strike".into(),
        InterventionKind::PreventiveStrike,
        vec!["RUS".into()],
        "EST".into(),
    );
    scenario
        .events
        .push(Event::new(40, Action::Intervention(strike)));
    timeline_drag(bencher, scenario);
}

/// Row 1: a full run of the largest bundled scenario over its horizon (target ≤ 2 ms), keeping
/// every state as the app does (the ledger is recomputed on demand, see `ledger_of_one_tick`).
#[divan::bench]
fn full_run_of_the_largest_bundled_scenario(bencher: Bencher) {
    let scenario = largest_bundled();
    bencher.bench(|| {
        let mut run = Simulation::new(divan::black_box(&scenario)).unwrap();
        run.run_to(scenario.horizon);
        run
    });
}

/// With row 1: the ledger of one tick, recomputed on demand when the why panel or an export asks
/// for it (one step from the kept state before it, with recording on).
/// Issue "What if?": an ensemble of 100 seeds of the largest bundled scenario with its random
/// events on, on every core (`entente ensemble`), and the CSV of its percentiles.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn ensemble_of_100_seeds_of_the_largest_bundled_scenario(bencher: Bencher) {
    let mut scenario = largest_bundled();
    scenario.settings.random_events = true;
    bencher.bench(|| {
        let control = entente::sim::ensemble::Control::default();
        let ensemble = entente::sim::ensemble::run(&scenario, 100, &control)
            .unwrap()
            .unwrap();
        entente::io::csv_export::ensemble_csv(&ensemble)
    });
}

/// Issue "What if?": a 5×5 sweep of two model parameters (the arms race's reaction and fatigue)
/// over the largest bundled scenario, on every core (`entente sweep`), and its CSV.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn sweep_5_by_5_of_the_largest_bundled_scenario(bencher: Bencher) {
    use entente::sim::sweep::{Axis, run};
    let scenario = largest_bundled();
    let axes = [
        Axis::linear("reaction_k", 0.05, 0.2, 5),
        Axis::linear("fatigue_a", 0.1, 0.3, 5),
    ];
    bencher.bench(|| {
        let control = entente::sim::ensemble::Control::default();
        let sweep = run(&scenario, &axes, 1, &control).unwrap().unwrap();
        entente::io::csv_export::sweep_csv(&sweep)
    });
}

#[divan::bench]
fn ledger_of_one_tick(bencher: Bencher) {
    let scenario = largest_bundled();
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    let mut tick = 0;
    bencher.bench_local(|| {
        tick = tick % scenario.horizon + 1;
        run.ledger(divan::black_box(tick))
    });
}

/// Row 4: seeking to a tick of a computed run: what the canvas needs at the cursor (≤ 1 ms).
#[divan::bench]
fn seek_to_a_tick_of_a_computed_run(bencher: Bencher) {
    let scenario = largest_bundled();
    let mut run = Simulation::new(&scenario).unwrap();
    run.run_to(scenario.horizon);
    let mut tick = 0;
    bencher.bench_local(|| {
        tick = (tick + 37) % (scenario.horizon + 1);
        Shown::at(&scenario, Some(&run), divan::black_box(tick))
    });
}

/// Row 5: enumerating the landscape of 20 nations, 2^19 configurations (≤ 100 ms).
#[divan::bench]
fn landscape_enumeration_of_20_nations(bencher: Bencher) {
    let sizes: Vec<f64> = (0..20).map(|i| 0.5 + (i % 7) as f64 * 0.2).collect();
    let pairs: Vec<(usize, usize, f64)> = (0..20)
        .flat_map(|i| {
            (i + 1..20).map(move |j| (i, j, if (i * 7 + j * 3) % 5 < 2 { -0.4 } else { 0.3 }))
        })
        .collect();
    let landscape = Landscape::new(sizes, &pairs);
    bencher.bench(|| divan::black_box(&landscape).minima());
}

/// Row 6: loading and validating a scenario of about 10 MiB (≤ 200 ms).
#[divan::bench(sample_count = 10)]
fn load_and_validate_10_mib(bencher: Bencher) {
    let scenario = generate(
        Size {
            nations: 5000,
            relations: 70_000,
            alliances: 500,
            treaties: 2000,
            events: 6000,
            horizon: 400,
        },
        1,
    );
    let text = to_ron_string(&scenario).unwrap();
    assert!(text.len() > 9 << 20, "{} bytes", text.len());
    bencher.bench(|| load_str(divan::black_box(&text)).unwrap());
}

/// A generated world of the given size, as `entente generate` writes it.
fn generated(
    nations: usize,
    relations: usize,
    alliances: usize,
    treaties: usize,
    events: usize,
    horizon: u32,
) -> Scenario {
    let size = Size {
        nations,
        relations,
        alliances,
        treaties,
        events,
        horizon,
    };
    generate(size, 1)
}

/// Row 2: a generated world of 200 nations / 2,000 relations / 40 alliances / 100 treaties /
/// 200 events, the full run of 400 ticks, keeping every state as the app does (≤ 16 ms).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn generated_200_nations_400_ticks(bencher: Bencher) {
    let scenario = generated(200, 2000, 40, 100, 200, 400);
    bencher.bench(|| {
        let mut run = Simulation::new(divan::black_box(&scenario)).unwrap();
        run.run_to(scenario.horizon);
        run.tick()
    });
}

/// Row 3: a generated world of 1,000 nations / 10,000 relations / 100 alliances / 300 treaties /
/// 500 events, the full run of 1,000 ticks (≤ 1 s, peak memory ≤ 200 MiB). The run keeps checkpoints within its state budget (see
/// `Simulation`); three samples of several seconds each. Prints the peak heap and the spacing
/// reached.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn generated_1000_nations_1000_ticks(bencher: Bencher) {
    let scenario = generated(1000, 10_000, 100, 300, 500, 1000);
    bencher.bench(|| {
        let ((tick, spacing), peak) = peak_heap_of(|| {
            let mut run = Simulation::new(divan::black_box(&scenario)).unwrap();
            run.run_to(scenario.horizon);
            (run.tick(), run.checkpoint_spacing())
        });
        eprintln!(
            "1,000 nations, 1,000 ticks: peak heap {} MiB, checkpoint spacing {spacing}",
            peak >> 20
        );
        tick
    });
}

/// Row 9: the stability report of a generated world of 1,000 nations / 10,000 relations at its
/// load state (the step linearised by finite differences, the slowest modes by Arnoldi), as
/// `entente check` and the app compute it (well under a second).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn stability_report_of_1000_nations(bencher: Bencher) {
    let scenario = generated(1000, 10_000, 50, 100, 0, 80);
    let run = Simulation::new(&scenario).unwrap();
    bencher.bench(|| {
        let report = analyse(
            run.world(),
            divan::black_box(run.current()),
            Options::default(),
        );
        report.is_stable()
    });
}

/// Row 7: one frame of the app's CPU work (the UI pass and tessellating what it drew) on a
/// generated world of 500 nations / 5,000 relations, with the run computed and the plots visible
/// (≤ 8 ms). The app is driven the way eframe drives it, without an AccessKit tree (the app
/// builds one only when a screen reader asks for it; the GUI tests use egui_kittest, which always
/// builds one).
#[divan::bench(sample_count = 30)]
fn gui_frame_500_nodes_5000_edges(bencher: Bencher) {
    gui_frame(bencher, generated(500, 5000, 20, 50, 100, 40), 100_000);
}

/// Issue "The whole world", row 4: one frame of the app's CPU work with the world today open (195
/// nations in 22 regions, its run computed) and the regional plot visible (≤ 8 ms).
#[divan::bench(sample_count = 30)]
fn gui_frame_world_today(bencher: Bencher) {
    gui_frame(bencher, world_today(), 20_000);
}

/// One frame of the app on `scenario` at 1600×1000, after five to settle; `least` vertices must
/// be drawn, so that the network and the plots are measured, not a start screen.
fn gui_frame(bencher: Bencher, scenario: Scenario, least: usize) {
    let mut document = Document::unchanged(scenario);
    document.compute_all();
    let config = AppConfig {
        data_folder: None,
        autoplay: false,
        ..AppConfig::default()
    };
    let mut app = EntenteApp::new(document, config);
    let ctx = egui::Context::default();
    let mut frame = eframe::Frame::_new_kittest();
    let mut time = 0.0;
    let mut input = move || {
        time += 1.0 / 60.0;
        egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(1600.0, 1000.0),
            )),
            time: Some(time),
            ..Default::default()
        }
    };
    let mut run_frame = |input: egui::RawInput| {
        let output = ctx.run_ui(input, |ui| {
            eframe::App::logic(&mut app, ui.ctx(), &mut frame);
            eframe::App::ui(&mut app, ui, &mut frame);
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
            .iter()
            .map(|clipped| match &clipped.primitive {
                egui::epaint::Primitive::Mesh(mesh) => mesh.vertices.len(),
                egui::epaint::Primitive::Callback(_) => 0,
            })
            .sum::<usize>()
    };
    for _ in 0..5 {
        run_frame(input());
    }
    let drawn = run_frame(input());
    assert!(drawn > least, "only {drawn} vertices drawn");
    eprintln!("gui frame: {drawn} vertices");
    bencher.bench_local(|| run_frame(input()));
}

/// Row 8: start to first frame (≤ 1 s): the app as a whole process, opened on the default
/// scenario, timing itself until its first frame is on screen (`--time-first-frame`). Needs a
/// display; without one it starts Xvfb if that is installed, else it says so and measures nothing.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn start_to_first_frame(bencher: Bencher) {
    let Some(display) = Display::find() else {
        eprintln!("start_to_first_frame: no display and no Xvfb; install xvfb to measure it");
        return;
    };
    let data = tempfile::tempdir().unwrap();
    bencher.bench(|| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_entente"))
            .arg("--time-first-frame")
            .env("DISPLAY", &display.name)
            .env("XDG_DATA_HOME", data.path())
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
        output.stdout.len()
    });
}

/// The X display the start-up benchmark uses: the session's, or a private Xvfb.
struct Display {
    name: String,
    server: Option<std::process::Child>,
}

impl Display {
    fn find() -> Option<Display> {
        if let Ok(name) = std::env::var("DISPLAY") {
            return Some(Display { name, server: None });
        }
        let name = format!(":{}", 90 + std::process::id() % 100);
        let server = std::process::Command::new("Xvfb")
            .args([name.as_str(), "-screen", "0", "1600x1000x24"])
            .stderr(std::process::Stdio::null())
            .spawn()
            .ok()?;
        std::thread::sleep(Duration::from_millis(500));
        Some(Display {
            name,
            server: Some(server),
        })
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        if let Some(server) = &mut self.server {
            let _ = server.kill();
            let _ = server.wait();
        }
    }
}

/// One step of a timeline drag in the app: the event nearest the middle of the timeline moved
/// one tick later (then back, alternately), from the edit to the regional series the plot draws: the
/// edit checked and applied, the run re-simulated from the moved tick, the series rebuilt.
fn timeline_drag(bencher: Bencher, scenario: Scenario) {
    use entente::editor::Selection;
    use entente::editor::document::MergeKey;
    use entente::editor::edit::Edit;
    use entente::editor::series::{PlotView, series};

    let mut document = Document::unchanged(scenario);
    // Computed in this thread, as a quick scenario is in the app.
    document.set_slow_tick(Duration::MAX);
    document.compute_all();
    let scenario = document.scenario();
    let half = scenario.horizon / 2;
    let middle = scenario
        .events
        .iter()
        .min_by_key(|e| (e.tick.abs_diff(half), e.tick))
        .unwrap();
    let (handle, first_tick) = (middle.handle, middle.tick);
    assert!(first_tick + 1 < document.scenario().horizon);
    let key = MergeKey("drag".to_owned());
    let mut later = false;
    bencher.bench_local(|| {
        later = !later;
        let scenario = document.scenario();
        let event = scenario.events.iter().find(|e| e.handle == handle).unwrap();
        let mut moved = event.clone();
        moved.tick = first_tick + u32::from(later);
        let edit = Edit::UpdateEvent {
            handle,
            event: moved,
        };
        document.apply(&edit, Some(key.clone())).unwrap();
        document.compute_all();
        let run = document.simulation().unwrap();
        series(run, PlotView::Regions, &Selection::none()).len()
    });
}

/// Row 10: a timeline drag step on the largest bundled scenario (Cold War Europe).
#[divan::bench(sample_count = 50)]
fn timeline_drag_on_the_largest_bundled_scenario(bencher: Bencher) {
    timeline_drag(bencher, largest_bundled());
}

/// Row 11: a timeline drag step on row 2's generated world of 200 nations (400 ticks; the
/// event moved is at tick 200).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn timeline_drag_on_a_generated_200_nation_world(bencher: Bencher) {
    timeline_drag(bencher, generated(200, 2000, 40, 100, 200, 400));
}
