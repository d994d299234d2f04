//! Building the release bundle: the self-contained dist/ folder a council puts on its intranet.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::prereq::BuildTools;
use crate::process::{repo_root, run};

/// Where the bundle is written.
pub fn dist_dir() -> PathBuf {
    repo_root().join("dist")
}

/// Files copied from the repository into dist/, as (source, destination) relative paths.
const STATIC_FILES: &[(&str, &str)] = &[
    ("index.html", "index.html"),
    ("web/practice-lens.js", "practice-lens.js"),
    ("web/lens-worker.js", "lens-worker.js"),
    ("web/example-data.js", "example-data.js"),
    ("web/practice-lens.css", "practice-lens.css"),
    ("web/intranet.css", "intranet.css"),
    ("web/demo/csp.html", "demo/csp.html"),
    ("web/demo/hostile.html", "demo/hostile.html"),
    ("web/demo/hostile.css", "demo/hostile.css"),
    ("web/demo/two-instances.html", "demo/two-instances.html"),
    ("web/demo/name-taken.html", "demo/name-taken.html"),
    ("web/demo/name-taken.js", "demo/name-taken.js"),
    ("web/demo/council.html", "demo/council.html"),
    // An example of a council's own template, which the demo page's config names.
    ("web/templates/early-help-audit.json", "templates/early-help-audit.json"),
];

/// The first load must stay within this many bytes, gzip: what the page fetches before
/// `lens-ready` (the element's script, its stylesheet, the glue and the page's wasm module).
pub const FIRST_LOAD_BUDGET: u64 = 250_000;

/// One file of the bundle and its size.
struct SizedFile {
    name: &'static str,
    raw: u64,
    gzip: u64,
}

/// Sizes of what the browser downloads: the first load, and the analysis worker, which is
/// fetched only the first time a report or file is asked for.
pub struct SizeReport {
    first_load: Vec<SizedFile>,
    on_demand: Vec<SizedFile>,
    wasm_opt: bool,
}

impl SizeReport {
    /// What the page fetches before `lens-ready`, gzip.
    pub fn first_load_gzip(&self) -> u64 {
        self.first_load.iter().map(|file| file.gzip).sum()
    }
}

impl fmt::Display for SizeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kib = |bytes: u64| bytes as f64 / 1024.0;
        writeln!(f, "Bundle written to dist/{}", if self.wasm_opt { " (wasm-opt -Oz applied)" } else { "" })?;
        for (heading, files) in
            [("First load", &self.first_load), ("Analysis worker, on demand", &self.on_demand)]
        {
            writeln!(f, "  {heading}:")?;
            for file in files.iter() {
                writeln!(
                    f,
                    "    {:<22} {:>8.1} KiB raw  {:>7.1} KiB gzip",
                    file.name,
                    kib(file.raw),
                    kib(file.gzip)
                )?;
            }
        }
        let first_load = self.first_load_gzip();
        write!(
            f,
            "  First load in all: {:.1} KB gzip ({first_load} bytes), budget {:.0} KB: {}",
            first_load as f64 / 1000.0,
            FIRST_LOAD_BUDGET as f64 / 1000.0,
            if first_load <= FIRST_LOAD_BUDGET { "within it" } else { "OVER" }
        )
    }
}

/// Builds lens-web and lens-worker in release mode for wasm32, runs wasm-bindgen (and wasm-opt
/// when there is one) and copies the element script, worker script, stylesheet and demo pages
/// into a fresh dist/.
pub fn build_release(tools: &BuildTools) -> Result<SizeReport, String> {
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|error| format!("cannot clear dist/: {error}"))?;
    }
    for folder in ["demo", "templates"] {
        std::fs::create_dir_all(dist.join(folder))
            .map_err(|error| format!("cannot create dist/: {error}"))?;
    }
    build_wasm_module(tools, "lens-web", &dist)?;
    build_wasm_module(tools, "lens-worker", &dist)?;
    let root = repo_root();
    for (source, destination) in STATIC_FILES {
        std::fs::copy(root.join(source), dist.join(destination))
            .map_err(|error| format!("cannot copy {source} into dist/: {error}"))?;
    }
    let sized = |names: &[&'static str]| -> Result<Vec<SizedFile>, String> {
        names
            .iter()
            .map(|name| {
                let path = dist.join(name);
                Ok(SizedFile { name, raw: file_size(&path)?, gzip: gzip_size(&path)? })
            })
            .collect()
    };
    Ok(SizeReport {
        first_load: sized(&["practice-lens.js", "practice-lens.css", "lens_web.js", "lens_web_bg.wasm"])?,
        on_demand: sized(&["lens-worker.js", "lens_worker.js", "lens_worker_bg.wasm"])?,
        wasm_opt: tools.wasm_opt.is_some(),
    })
}

/// The release setting for WebAssembly: size first. Native release builds optimise for speed.
pub const SIZE_FIRST: &str = "profile.release.opt-level=\"z\"";

/// Builds `package` for wasm32 in release mode as a cdylib, runs wasm-bindgen `--target web`
/// into `out_dir` and, when there is one, wasm-opt `-Oz`. Returns the module's path.
pub fn build_wasm_module(tools: &BuildTools, package: &str, out_dir: &Path) -> Result<PathBuf, String> {
    // `--crate-type cdylib` here rather than in Cargo.toml: declaring cdylib and rlib together
    // turns LTO off.
    run(Command::new("cargo").args([
        "rustc",
        "--config",
        SIZE_FIRST,
        "--package",
        package,
        "--lib",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--crate-type",
        "cdylib",
    ]))?;
    let name = package.replace('-', "_");
    let wasm = repo_root().join(format!("target/wasm32-unknown-unknown/release/{name}.wasm"));
    run(Command::new("wasm-bindgen")
        .arg(&wasm)
        .args([
            "--target",
            "web",
            "--out-name",
            &name,
            "--no-typescript",
            "--remove-name-section",
            "--out-dir",
        ])
        .arg(out_dir))?;
    let module = out_dir.join(format!("{name}_bg.wasm"));
    if let Some(wasm_opt) = &tools.wasm_opt {
        run(Command::new(wasm_opt).arg("-Oz").args(WASM_FEATURES).arg(&module).arg("-o").arg(&module))?;
    }
    Ok(module)
}

/// The features rustc's default wasm32 target emits; wasm-opt must accept exactly these
/// (never `--all-features`: browsers reject what that lets through).
const WASM_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-reference-types",
    "--enable-multivalue",
    "--enable-sign-ext",
    "--enable-mutable-globals",
];

fn file_size(path: &Path) -> Result<u64, String> {
    std::fs::metadata(path).map(|meta| meta.len()).map_err(|error| format!("{}: {error}", path.display()))
}

fn gzip_size(path: &Path) -> Result<u64, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{}: {error}", path.display()))?;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&bytes).map_err(|error| error.to_string())?;
    let compressed = encoder.finish().map_err(|error| error.to_string())?;
    Ok(compressed.len() as u64)
}
