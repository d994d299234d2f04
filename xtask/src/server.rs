//! A small static file server for dist/, on loopback only, with correct MIME types
//! (`application/wasm` lets browsers compile while downloading).

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server};

/// A server running on a background thread.
pub struct Running {
    /// Where it listens.
    pub address: SocketAddr,
    thread: JoinHandle<()>,
}

impl Running {
    /// Blocks until the server stops (it runs until the process is interrupted).
    pub fn wait(self) {
        let _ = self.thread.join();
    }
}

/// Serves `root` at `address` (port 0 picks a free port).
pub fn start(root: &Path, address: &str) -> Result<Running, String> {
    let server = Server::http(address).map_err(|error| format!("cannot listen on {address}: {error}"))?;
    let address = server.server_addr().to_ip().ok_or_else(|| format!("{address} is not an IP address"))?;
    let root = root.to_path_buf();
    let thread = std::thread::spawn(move || {
        // Each answer on its own thread: a page closed or reloaded part way through a large
        // file (a .wasm module) must not hold up every request after it.
        for request in server.incoming_requests() {
            let root = root.clone();
            std::thread::spawn(move || {
                let response = respond(&root, request.url());
                let _ = request.respond(response);
            });
        }
    });
    Ok(Running { address, thread })
}

fn respond(root: &Path, url: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    let Some(path) = resolve(root, url) else {
        return text(404, "Not found");
    };
    match std::fs::read(&path) {
        Ok(bytes) => {
            let mut response =
                Response::from_data(bytes).with_header(header("Content-Type", content_type(&path)));
            response.add_header(header("Cache-Control", "no-store"));
            response.add_header(header("X-Content-Type-Options", "nosniff"));
            response
        }
        Err(_) => text(404, "Not found"),
    }
}

/// The file a URL path names inside `root`, refusing anything that would leave it.
fn resolve(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let mut resolved = root.to_path_buf();
    for component in Path::new(path.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => resolved.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    if resolved.is_dir() {
        resolved.push("index.html");
    }
    resolved.is_file().then_some(resolved)
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|extension| extension.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are plain ASCII")
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_string(body)
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}
