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
    ("web/practice-lens.css", "practice-lens.css"),
    ("web/intranet.css", "intranet.css"),
    ("web/demo/csp.html", "demo/csp.html"),
    ("web/demo/hostile.html", "demo/hostile.html"),
    ("web/demo/hostile.css", "demo/hostile.css"),
    ("web/demo/two-instances.html", "demo/two-instances.html"),
    ("web/demo/name-taken.html", "demo/name-taken.html"),
    ("web/demo/name-taken.js", "demo/name-taken.js"),
];

/// Sizes of what the browser downloads.
pub struct SizeReport {
    wasm_raw: u64,
    wasm_gzip: u64,
    glue_raw: u64,
    glue_gzip: u64,
    wasm_opt: bool,
}

impl fmt::Display for SizeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kib = |bytes: u64| bytes as f64 / 1024.0;
        writeln!(f, "Bundle written to dist/{}", if self.wasm_opt { " (wasm-opt -Oz applied)" } else { "" })?;
        writeln!(
            f,
            "  lens_web_bg.wasm  {:>8.1} KiB raw  {:>7.1} KiB gzip",
            kib(self.wasm_raw),
            kib(self.wasm_gzip)
        )?;
        write!(
            f,
            "  lens_web.js       {:>8.1} KiB raw  {:>7.1} KiB gzip",
            kib(self.glue_raw),
            kib(self.glue_gzip)
        )
    }
}

/// Builds lens-web in release mode for wasm32, runs wasm-bindgen (and wasm-opt when there is
/// one) and copies the element script, stylesheet and demo pages into a fresh dist/.
pub fn build_release(tools: &BuildTools) -> Result<SizeReport, String> {
    let dist = dist_dir();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|error| format!("cannot clear dist/: {error}"))?;
    }
    std::fs::create_dir_all(dist.join("demo")).map_err(|error| format!("cannot create dist/: {error}"))?;
    let bundle_wasm = build_wasm_module(tools, "lens-web", &dist)?;
    let root = repo_root();
    for (source, destination) in STATIC_FILES {
        std::fs::copy(root.join(source), dist.join(destination))
            .map_err(|error| format!("cannot copy {source} into dist/: {error}"))?;
    }
    Ok(SizeReport {
        wasm_raw: file_size(&bundle_wasm)?,
        wasm_gzip: gzip_size(&bundle_wasm)?,
        glue_raw: file_size(&dist.join("lens_web.js"))?,
        glue_gzip: gzip_size(&dist.join("lens_web.js"))?,
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
