//! `cargo xtask test`: every check CI enforces, in order, stopping at the first failure and
//! naming it.

use std::process::Command;
use std::time::Instant;

use crate::prereq::{self, BuildTools, CHROMEDRIVER, CHROMIUM};
use crate::process::{repo_root, run};
use crate::{bundle, server};

const WASM: &str = "wasm32-unknown-unknown";

type Step = (&'static str, fn(&BuildTools) -> Result<(), String>);

/// The crates linted for wasm32: everything that is built for the browser.
const WASM_LINTED: &[&str] = &[
    "lens-core",
    "lens-themes",
    "lens-store",
    "lens-analysis",
    "lens-idb",
    "lens-ui",
    "lens-web",
    "lens-worker",
    "lens-wasm-bench",
];

/// The crates whose tests also run on wasm32: the pure ones under Node.js, lens-web in Chromium.
const WASM_TESTED: &[&str] = &["lens-core", "lens-themes", "lens-store", "lens-analysis", "lens-web"];

const STEPS: &[Step] = &[
    ("rustfmt", |_| run(Command::new("cargo").args(["fmt", "--all", "--", "--check"]))),
    ("clippy (native)", |_| {
        run(Command::new("cargo").args(["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"]))
    }),
    ("clippy (wasm32)", |_| {
        let mut clippy = Command::new("cargo");
        clippy.args(["clippy", "--target", WASM, "--all-targets"]);
        for package in WASM_LINTED {
            clippy.args(["-p", package]);
        }
        run(clippy.args(["--", "-D", "warnings"]))
    }),
    ("native tests", |_| run(Command::new("cargo").args(["test", "--workspace"]))),
    ("docs", |_| {
        run(Command::new("cargo")
            .args(["doc", "--workspace", "--no-deps"])
            .env("RUSTDOCFLAGS", "-D warnings"))
    }),
    ("wasm tests (Node.js and headless Chromium)", |_| {
        let mut test = Command::new("cargo");
        test.args(["test", "--target", WASM]);
        for package in WASM_TESTED {
            test.args(["-p", package]);
        }
        run(test
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_WEBDRIVER_JSON", repo_root().join("tests/webdriver.json"))
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))
    }),
    ("browser end-to-end tests", end_to_end),
];

/// Runs the whole pipeline.
pub fn run_all() -> Result<(), String> {
    let started = Instant::now();
    println!("==> install prerequisites");
    let tools = prereq::ensure_test_tools()
        .map_err(|error| format!("step 'install prerequisites' failed: {error}"))?;
    for (name, step) in STEPS {
        let step_started = Instant::now();
        println!("==> {name}");
        step(&tools).map_err(|error| format!("step '{name}' failed: {error}"))?;
        println!("    ({name}: {:.0} s)", step_started.elapsed().as_secs_f64());
    }
    println!("All checks passed in {:.0} s.", started.elapsed().as_secs_f64());
    Ok(())
}

/// Builds the release bundle, serves it on a free loopback port and runs the Playwright
/// suites in tests/e2e against it.
fn end_to_end(tools: &BuildTools) -> Result<(), String> {
    let report = bundle::build_release(tools)?;
    println!("{report}");
    let running = server::start(&bundle::dist_dir(), "127.0.0.1:0")?;
    let e2e_dir = repo_root().join("tests/e2e");
    run(Command::new("node")
        .arg("--test")
        .arg("--test-concurrency=1")
        .arg(e2e_dir)
        .env("LENS_BASE_URL", format!("http://{}/", running.address))
        .env("LENS_CHROMIUM", CHROMIUM))
}
