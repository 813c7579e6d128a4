//! A save killed at any moment never destroys the file it replaces: a child process saves a
//! large scenario over an existing file again and again and is killed mid-write, repeatedly; the
//! file always loads, as the old scenario or the new one, never as a mixture or a stub.
//!
//! No timing is assumed: the child reports each finished save on its standard output, and the
//! parent decides from those reports (and from the temporary file of the save under way) when
//! to kill, so the test behaves the same on a fast machine and on a loaded one.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

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
    for saved in 1u64.. {
        save_file(&scenario, Path::new(&target)).unwrap();
        // The handshake: one line per finished save (stdout is line-buffered).
        println!("{SAVED}{saved}");
    }
}

/// How the child's report of a finished save begins.
const SAVED: &str = "saved ";

fn spawn_child(target: &Path) -> Child {
    // The test's name inside its binary: this module's path without the binary's own name.
    let (_binary, module) = module_path!().split_once("::").unwrap();
    let child_test = format!("{module}::child_saves_forever_when_asked");
    Command::new(std::env::current_exe().unwrap())
        .args([
            child_test.as_str(),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_TARGET, target)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Blocks until the child has reported `count` finished saves.
fn wait_for_saves(reports: &mut BufReader<ChildStdout>, count: u64) {
    let mut seen = 0;
    let mut line = String::new();
    while seen < count {
        line.clear();
        let read = reports.read_line(&mut line).unwrap();
        assert!(read > 0, "the child stopped before finishing {count} saves");
        if line.starts_with(SAVED) {
            seen += 1;
        }
    }
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
        let mut reports = BufReader::new(child.stdout.take().unwrap());
        // A third of the rounds kill during the first save, the others after one or two saves
        // have finished (so the file on disk is already the new one).
        wait_for_saves(&mut reports, round % 3);
        // Then wait for the next write to be under way (its temporary file exists) and kill at
        // once, while bytes are being written or flushed. Polling a file is no timing assumption:
        // the loop ends when the write starts, however long that takes.
        while temporaries(folder.path()).is_empty() {
            std::hint::spin_loop();
        }
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
    // The kills really did interrupt writes (a kill lands mid-write unless the whole rest of
    // the write happened between seeing its temporary file and the kill), and the rounds that
    // waited for a finished save found the new file.
    eprintln!("{killed_mid_write} of 12 kills mid-write, {replaced} rounds found the new file");
    assert!(
        killed_mid_write >= 3,
        "only {killed_mid_write} kills mid-write"
    );
    assert!(replaced >= 8, "only {replaced} rounds found the new file");
}
