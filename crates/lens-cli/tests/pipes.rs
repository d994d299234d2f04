//! `lens` stops quietly when whatever reads its output goes away, as `lens report … | head -1`
//! does after one line.

use std::process::{Command, Stdio};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bundles/golden.json");

/// Runs `lens` with its standard output a pipe nobody reads: the reading end is closed before
/// `lens` starts, so its first write fails with a broken pipe.
fn with_closed_stdout(args: &[&str]) -> std::process::Output {
    let (reader, writer) = os_pipe::pipe().unwrap();
    drop(reader);
    let mut command = Command::new(env!("CARGO_BIN_EXE_lens"));
    command.args(args).stdin(Stdio::null()).stdout(writer).stderr(Stdio::piped());
    let child = command.spawn().unwrap();
    // The command holds the only writing end left, so the child's end is the only one open.
    drop(command);
    child.wait_with_output().unwrap()
}

#[test]
fn a_closed_output_pipe_ends_lens_quietly_with_status_0() {
    let report = ["report", GOLDEN, "--from", "2026-04-01", "--to", "2026-09-30", "--today", "2026-11-01"];
    for args in [&report[..], &["help"], &["version"]] {
        let output = with_closed_stdout(args);
        assert_eq!(String::from_utf8_lossy(&output.stderr), "", "lens {args:?}");
        assert_eq!(output.status.code(), Some(0), "lens {args:?}");
    }
}
