//! Tidy checks over the whole repository: the architecture's invariants, checked by machine.
//!
//! Each check reads files as text; a failure names the file and the rule it breaks.

use std::path::{Path, PathBuf};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ sits in the repository root").to_path_buf()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Every file under `dir` (relative to the root) whose name ends with `extension`.
fn files(dir: &str, extension: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![repo_root().join(dir)];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if path.is_dir() && name != "target" && name != "node_modules" {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == extension) {
                found.push(path);
            }
        }
    }
    found.sort();
    assert!(!found.is_empty(), "no .{extension} files under {dir}");
    found
}

/// The names in a crate manifest's `[dependencies]` table (not dev- or build-dependencies).
fn dependencies(krate: &str) -> Vec<String> {
    let manifest: toml::Table = read(&repo_root().join("crates").join(krate).join("Cargo.toml"))
        .parse()
        .unwrap_or_else(|error| panic!("{krate}/Cargo.toml: {error}"));
    let mut names: Vec<String> = manifest
        .get("dependencies")
        .and_then(toml::Value::as_table)
        .map(|table| table.keys().cloned().collect())
        .unwrap_or_default();
    names.sort();
    names
}

/// Every Rust source file in the repository.
fn all_rust_files() -> Vec<PathBuf> {
    ["crates", "xtask", "tests"].into_iter().flat_map(|dir| files(dir, "rs")).collect()
}

const CRATES: [&str; 9] = [
    "lens-core",
    "lens-themes",
    "lens-store",
    "lens-analysis",
    "lens-idb",
    "lens-ui",
    "lens-web",
    "lens-worker",
    "lens-cli",
];

/// The pure crates: they run the same natively and in WebAssembly, with no IO, clock or browser.
const PURE_CRATES: [&str; 3] = ["lens-core", "lens-themes", "lens-analysis"];

/// Crates that reach the browser, an async runtime or randomness: no pure crate may depend on one.
const WEB_OR_ASYNC_CRATES: [&str; 14] = [
    "wasm-bindgen",
    "wasm-bindgen-futures",
    "js-sys",
    "web-sys",
    "gloo",
    "yew",
    "getrandom",
    "indexed_db_futures",
    "tokio",
    "async-std",
    "futures",
    "async-trait",
    "reqwest",
    "rand",
];

#[test]
fn pure_crates_know_nothing_of_the_browser_io_or_async() {
    for krate in PURE_CRATES {
        for name in &dependencies(krate) {
            assert!(
                !WEB_OR_ASYNC_CRATES.contains(&name.as_str()),
                "{krate} must stay pure, but depends on {name}"
            );
        }
    }
}

#[test]
fn pure_crates_read_no_clock_and_no_environment() {
    for krate in PURE_CRATES {
        for path in files(&format!("crates/{krate}/src"), "rs") {
            let text = read(&path);
            for banned in
                ["SystemTime::now", "Instant::now", "Utc::now", "Local::now", "std::env::", "std::fs::"]
            {
                assert!(
                    !text.contains(banned),
                    "{} uses {banned}: {krate} takes such inputs as arguments",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn dependencies_point_one_way() {
    // web → ui → store → core, web → idb → store, worker → analysis → themes → core,
    // cli → core, themes, store and analysis (for the codebook check the browser uses). The page's crates (ui, web) reach analysis only for its
    // messages; nothing depends on web or worker, and core depends on no other Practice Lens crate.
    let allowed: [(&str, &[&str]); 9] = [
        ("lens-core", &[]),
        ("lens-themes", &["lens-core"]),
        ("lens-store", &["lens-core"]),
        ("lens-analysis", &["lens-core", "lens-themes", "lens-store"]),
        ("lens-idb", &["lens-store"]),
        ("lens-ui", &["lens-core", "lens-store", "lens-analysis"]),
        ("lens-web", &["lens-core", "lens-store", "lens-ui", "lens-idb", "lens-analysis"]),
        ("lens-worker", &["lens-analysis", "lens-idb", "lens-store"]),
        ("lens-cli", &["lens-core", "lens-themes", "lens-store", "lens-analysis"]),
    ];
    for (krate, may_use) in allowed {
        for dep in dependencies(krate).iter().filter(|dep| dep.starts_with("lens-")) {
            assert!(may_use.contains(&dep.as_str()), "{krate} must not depend on {dep}");
        }
    }
}

#[test]
fn every_crate_has_its_place_in_the_dependency_rules() {
    let entries = std::fs::read_dir(repo_root().join("crates")).expect("crates/ is readable");
    for entry in entries {
        let name = entry.expect("crates/ entry").file_name().to_string_lossy().into_owned();
        assert!(
            CRATES.contains(&name.as_str()),
            "crates/{name} is not in tidy's list of crates: say which crates it may depend on"
        );
    }
}

#[test]
fn only_the_two_wasm_modules_export_to_javascript() {
    for krate in CRATES.iter().filter(|krate| !["lens-web", "lens-worker"].contains(*krate)) {
        for path in files(&format!("crates/{krate}/src"), "rs") {
            assert!(
                !read(&path).contains("#[wasm_bindgen"),
                "{} exports to JavaScript: only lens-web and lens-worker may",
                path.display()
            );
        }
    }
}

/// The code of a Rust file without its comments and the contents of its string literals, so that
/// a check on names is not set off by prose ("another tab or window").
fn code_only(text: &str) -> String {
    let mut code = String::new();
    for line in text.lines() {
        let (mut in_string, mut escaped) = (false, false);
        let mut previous = ' ';
        for c in line.chars() {
            if in_string {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == '"' {
                    in_string = false;
                    code.push(c);
                }
                continue;
            }
            if c == '/' && previous == '/' {
                code.pop();
                break;
            }
            if c == '"' {
                in_string = true;
            }
            code.push(c);
            previous = c;
        }
        code.push('\n');
    }
    code
}

#[test]
fn lens_ui_reaches_the_browser_only_through_its_ports() {
    for name in dependencies("lens-ui") {
        assert!(
            !["wasm-bindgen", "js-sys", "gloo", "indexed_db_futures"].contains(&name.as_str()),
            "lens-ui depends on {name}: browser calls belong behind the Platform port in lens-web"
        );
    }
    for path in files("crates/lens-ui/src", "rs") {
        let code = code_only(&read(&path));
        let names_the_browser = |name: &str| {
            code.match_indices(name).any(|(at, _)| {
                let before = code[..at].chars().next_back().unwrap_or(' ');
                let after = code[at + name.len()..].chars().next().unwrap_or(' ');
                let part_of_word = |c: char| c.is_alphanumeric() || c == '_';
                !part_of_word(before) && !part_of_word(after)
            })
        };
        for banned in ["window", "JsValue", "wasm_bindgen"] {
            assert!(
                !names_the_browser(banned),
                "{} names {banned}: lens-ui reaches the browser only through the Platform port",
                path.display()
            );
        }
    }
}

#[test]
fn the_code_check_ignores_comments_and_strings_only() {
    let code = code_only("let a = \"tab or window\"; // the window\nweb_sys::window()\n");
    assert_eq!(code, "let a = \"\"; \nweb_sys::window()\n");
}

#[test]
fn the_page_takes_only_messages_from_the_analysis_crate() {
    // Anything else of lens-analysis linked into the page's module would bring report
    // building, themes and CSV back into the first load.
    for krate in ["lens-ui", "lens-web"] {
        for path in files(&format!("crates/{krate}/src"), "rs") {
            let text = read(&path);
            for (at, _) in text.match_indices("lens_analysis::") {
                assert!(
                    text[at..].starts_with("lens_analysis::protocol"),
                    "{} uses lens_analysis beyond its protocol: ask the worker instead",
                    path.display()
                );
            }
        }
    }
}

#[test]
fn every_rust_file_opens_with_a_doc_line() {
    for path in all_rust_files() {
        let first = read(&path).lines().next().unwrap_or("").to_owned();
        assert!(first.starts_with("//!"), "{} must open with a `//!` line saying what it is", path.display());
    }
}

#[test]
fn no_mod_rs_files() {
    for path in all_rust_files() {
        assert!(
            path.file_name().is_none_or(|name| name != "mod.rs"),
            "{}: use foo.rs beside foo/",
            path.display()
        );
    }
}

#[test]
fn every_typed_date_uses_the_gov_uk_date_input() {
    // The browser's own picker shows mm/dd/yyyy under some locales; `components/form/date_input.rs`
    // is the one date pattern.
    for path in files("crates/lens-ui/src", "rs") {
        let text = read(&path);
        assert!(!text.contains("type=\"date\""), "{} uses the browser's date picker", path.display());
    }
}

#[test]
fn nothing_bypasses_the_strict_content_security_policy() {
    // Inline styles are blocked by style-src 'self'; raw HTML would bypass yew's escaping.
    for path in files("crates", "rs") {
        let text = read(&path);
        for banned in [
            "style=",
            "from_html_unchecked",
            "set_inner_html",
            "insert_adjacent_html",
            "js_sys::eval",
            "Function::new",
        ] {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
    for path in files("web", "js") {
        let text = read(&path);
        for banned in
            ["eval(", "new Function", "innerHTML", "insertAdjacentHTML", ".style.", "document.write"]
        {
            assert!(!text.contains(banned), "{} uses {banned}", path.display());
        }
    }
    for path in files("web", "html").into_iter().chain([repo_root().join("index.html")]) {
        let text = read(&path);
        assert!(!text.contains("<style"), "{} has an inline <style>", path.display());
        assert!(!text.contains(" style=\""), "{} has a style attribute", path.display());
        for line in text.lines().filter(|line| line.contains("<script")) {
            assert!(line.contains(" src="), "{} has an inline script: {line}", path.display());
        }
    }
}

#[test]
fn pages_load_nothing_from_another_origin() {
    let pages = files("web", "html").into_iter().chain([repo_root().join("index.html")]);
    for path in pages.chain(files("web", "css")).chain(files("web", "js")) {
        let text = read(&path);
        for scheme in ["http://", "https://", "//cdn", "@import url("] {
            assert!(
                !text.contains(scheme),
                "{} refers to {scheme}…: everything must be served from the page's own origin",
                path.display()
            );
        }
    }
}

#[test]
fn every_demo_page_is_linked_from_the_index_page() {
    let index = read(&repo_root().join("index.html"));
    for path in files("web/demo", "html") {
        let name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default();
        assert!(index.contains(&format!("href=\"demo/{name}\"")), "index.html does not link demo/{name}");
    }
}
