//! Running commands, with the command line shown and failures described.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root (the parent of this crate's folder).
pub fn repo_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().map_or_else(|| manifest_dir.to_path_buf(), Path::to_path_buf)
}

/// Runs `command` in the repository root, echoing it; an error says which command failed.
pub fn run(command: &mut Command) -> Result<(), String> {
    command.current_dir(repo_root());
    println!("$ {}", describe(command));
    let status =
        command.status().map_err(|error| format!("could not start `{}`: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)))
    }
}

/// Runs `command` quietly and returns its standard output, or `None` if it could not run or failed.
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.current_dir(repo_root()).output().ok()?;
    output.status.success().then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}
