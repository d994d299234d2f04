//! Installing what the build and the tests need, when it is missing.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{output, repo_root, run};

/// Tools the bundle build uses.
pub struct BuildTools {
    /// The wasm-opt binary, when the npm package `binaryen` could be installed.
    pub wasm_opt: Option<PathBuf>,
}

/// Ensures the wasm32 target, the wasm-bindgen CLI and (if possible) wasm-opt.
pub fn ensure_build_tools() -> Result<BuildTools, String> {
    ensure_rust_target_and_components()?;
    ensure_wasm_bindgen_cli()?;
    let wasm_opt = match ensure_npm_packages() {
        Ok(()) => Some(repo_root().join("node_modules/.bin/wasm-opt")).filter(|path| path.exists()),
        Err(message) => {
            println!("note: building without wasm-opt ({message})");
            None
        }
    };
    Ok(BuildTools { wasm_opt })
}

/// Ensures everything the test command needs, on top of the build tools.
pub fn ensure_test_tools() -> Result<BuildTools, String> {
    let tools = ensure_build_tools()?;
    ensure_npm_packages()?;
    ensure_chromium()?;
    Ok(tools)
}

fn ensure_rust_target_and_components() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is needed (Rust installed by rustup) to add the wasm32 target")?;
    if !installed.lines().any(|line| line.trim() == "wasm32-unknown-unknown") {
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    let has = |tool: &str| output(Command::new("cargo").args([tool, "--version"])).is_some();
    if !has("fmt") || !has("clippy") {
        run(Command::new("rustup").args(["component", "add", "rustfmt", "clippy"]))?;
    }
    Ok(())
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must be exactly this version.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(repo_root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|next| next.trim().strip_prefix("version = ")) {
                return Ok(version.trim_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_owned())
}

fn ensure_wasm_bindgen_cli() -> Result<(), String> {
    let wanted = locked_wasm_bindgen_version()?;
    let installed = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if installed.split_whitespace().nth(1) == Some(wanted.as_str()) {
        return Ok(());
    }
    println!("Installing wasm-bindgen-cli {wanted} to match Cargo.lock (about three minutes)…");
    // Not --locked: the CLI's own lock file can name versions a registry mirror lacks.
    run(Command::new("cargo").args(["install", "wasm-bindgen-cli", "--version", &wanted, "--force"]))
}

fn ensure_npm_packages() -> Result<(), String> {
    let root = repo_root();
    let marker = root.join("node_modules/.package-lock.json");
    if is_newer_or_equal(&marker, &root.join("package-lock.json")) {
        return Ok(());
    }
    if output(Command::new("npm").arg("--version")).is_none() {
        return Err(
            "npm is needed (Node.js 18 or newer): install the Debian packages nodejs and npm".to_owned()
        );
    }
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]))
}

fn is_newer_or_equal(path: &Path, than: &Path) -> bool {
    let modified = |path: &Path| std::fs::metadata(path).and_then(|meta| meta.modified()).ok();
    matches!((modified(path), modified(than)), (Some(a), Some(b)) if a >= b)
}

/// The Chromium binary the browser tests drive.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The ChromeDriver binary wasm-bindgen-test-runner drives.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root {
        return Err(format!(
            "the browser tests need {CHROMIUM} and {CHROMEDRIVER}: install the Debian packages chromium and chromium-driver (as root: apt-get install chromium chromium-driver)"
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends", "chromium", "chromium-driver"])
        .env("DEBIAN_FRONTEND", "noninteractive"))
}
