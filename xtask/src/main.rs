//! Practice Lens's command runner: `cargo xtask serve`, `cargo xtask test`, `cargo xtask build`.
//!
//! Each command installs what it needs on a fresh machine first (the wasm32 target, the
//! wasm-bindgen CLI at the Cargo.lock version, Chromium and ChromeDriver, npm packages), so the
//! README's two commands are the whole set-up.

mod bench;
mod bench_form;
mod bench_report;
mod bench_themes;
mod bench_wasm;
mod bundle;
mod pipeline;
mod prereq;
mod process;
mod server;

use std::process::ExitCode;

const USAGE: &str = "\
Usage: cargo xtask <command>

Commands:
  serve [--port N]   build the release bundle into dist/ and serve it on http://127.0.0.1:N (default 8080)
  build              build the release bundle into dist/ and print its size
  test               install what is missing, then run every check and test suite
  bench agreement    agreement statistics beside the Python references (scikit-learn, krippendorff), with ratios
  bench wasm         agreement statistics as WebAssembly in headless Chromium beside the same code natively
  bench form         from page load to the toolkit ready and to an audit form ready for input, in Chromium
  bench themes       theme tagging, discovery and keyphrases natively and in Chromium, beside Python YAKE
  bench report       a year's report over 10,000 audits made by the analysis worker, with the page's longest task
  bench home         Home over 10,000 audits: loaded, returned to and searched, with the longest task of each
  bench import       10,000 audits imported at once, then the agreement dashboard over them
  bench desk         the moderation list, agreement dashboard and Reports over 10,000 audits, opened and filtered
  bench themes-panel the themes panel over 10,000 audits: opened, the whole year, one team
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => parse_port(&args[1..]).and_then(serve),
        Some("build") => build(),
        Some("test") => pipeline::run_all(),
        Some("bench") => match args.get(1).map(String::as_str) {
            Some("agreement") => bench::agreement(),
            Some("wasm") => bench_wasm::run(),
            Some("form") => bench_form::run(),
            Some("themes") => bench_themes::run_themes(),
            Some("report") => bench_report::run_bench(),
            Some("home") => bench_report::run_home(),
            Some("import") => bench_report::run_import(),
            Some("desk") => bench_report::run_desk(),
            Some("themes-panel") => bench_report::run_themes_panel(),
            _ => Err(format!(
                "bench takes one suite: agreement, wasm, form, themes, report, home, import, desk or themes-panel\n\n{USAGE}"
            )),
        },
        Some("help" | "--help" | "-h") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, port] if flag == "--port" => {
            port.parse().map_err(|_| format!("--port takes a number from 1 to 65535, not '{port}'"))
        }
        _ => Err(format!("serve takes only --port N\n\n{USAGE}")),
    }
}

fn build() -> Result<(), String> {
    let tools = prereq::ensure_build_tools()?;
    let report = bundle::build_release(&tools)?;
    println!("{report}");
    Ok(())
}

fn serve(port: u16) -> Result<(), String> {
    let tools = prereq::ensure_build_tools()?;
    let report = bundle::build_release(&tools)?;
    println!("{report}");
    let running = server::start(&bundle::dist_dir(), &format!("127.0.0.1:{port}"))?;
    println!("Practice Lens is served at http://{}/ (press Ctrl+C to stop)", running.address);
    running.wait();
    Ok(())
}
