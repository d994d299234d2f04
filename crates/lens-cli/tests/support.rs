//! Runs the `lens` binary on an input written to a temporary file.

use std::path::PathBuf;
use std::process::{Command, Output};

/// `lens COMMAND FILE` where FILE holds `input`; `name` keeps parallel tests apart.
pub fn run_on(command: &str, name: &str, input: &str) -> Output {
    let path: PathBuf =
        std::env::temp_dir().join(format!("lens-{command}-{}-{name}.json", std::process::id()));
    std::fs::write(&path, input).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_lens")).arg(command).arg(&path).output().unwrap();
    let _ = std::fs::remove_file(&path);
    output
}
