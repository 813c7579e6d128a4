//! A save killed at any moment never destroys the file it replaces: a child process saves a
//! large scenario over an existing file again and again and is killed mid-write, repeatedly; the
//! file always loads, as the old scenario or the new one, never as a mixture or a stub.

use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use entente::io::{load_file, load_str, save_file, to_ron_string};
use entente::model::Scenario;
use entente::model::generate::{Size, generate};

/// Tells the test binary, started again as a child, to save into this file until killed.
const CHILD_TARGET: &str = "ENTENTE_TEST_SAVE_FOREVER";

/// A scenario of several MiB: its write takes long enough to be interrupted.
fn large() -> Scenario {
    let size = Size {
        nations: 2000,
        relations: 30_000,
        alliances: 100,
        treaties: 300,
        events: 1000,
        horizon: 200,
    };
    generate(size, 9)
}

/// Run as a child (see [`CHILD_TARGET`]): saves the large scenario over the file forever.
#[test]
fn child_saves_forever_when_asked() {
    let Some(target) = std::env::var_os(CHILD_TARGET) else {
        return; // a normal test run: nothing to do
    };
    let scenario = large();
    loop {
        save_file(&scenario, Path::new(&target)).unwrap();
    }
}

fn spawn_child(target: &Path) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "child_saves_forever_when_asked",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_TARGET, target)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

/// The temporary files a save leaves while it writes (and after a kill).
fn temporaries(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .unwrap()
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(".entente-save-"))
        })
        .collect()
}

#[test]
fn a_save_killed_mid_write_leaves_a_file_that_loads() {
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("lesson.ron");
    let original = load_str(entente::io::library::default_example().text).unwrap();
    save_file(&original, &target).unwrap();
    let replacement = load_str(&to_ron_string(&large()).unwrap()).unwrap();
    let mut killed_mid_write = 0;
    let mut replaced = 0;
    for round in 0..12u64 {
        let mut child = spawn_child(&target);
        // Some rounds let a save or two finish; then wait until a write is under way (its
        // temporary file exists) and kill within a millisecond or so, while bytes are being
        // written or flushed.
        std::thread::sleep(Duration::from_millis(round % 3 * 150));
        let started = Instant::now();
        while temporaries(folder.path()).is_empty() && started.elapsed() < Duration::from_secs(60) {
            std::hint::spin_loop();
        }
        std::thread::sleep(Duration::from_micros(round * 100 % 700));
        child.kill().unwrap();
        child.wait().unwrap();
        let left = temporaries(folder.path());
        if !left.is_empty() {
            killed_mid_write += 1;
        }
        let loaded = load_file(&target)
            .unwrap_or_else(|e| panic!("round {round}: the file no longer loads: {e}"));
        assert!(
            loaded == original || loaded == replacement,
            "round {round}: the file holds neither the old nor the new scenario"
        );
        if loaded == replacement {
            replaced += 1;
        }
        for path in left {
            std::fs::remove_file(path).unwrap();
        }
    }
    // The kills really did interrupt writes, and some saves did finish in between.
    eprintln!("{killed_mid_write} of 12 kills mid-write, {replaced} rounds found the new file");
    assert!(
        killed_mid_write >= 6,
        "only {killed_mid_write} kills mid-write"
    );
    assert!(replaced > 0, "no save ever finished");
}
