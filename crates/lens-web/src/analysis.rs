//! The analysis worker, seen from the page: created the first time a report or a file is
//! asked for, answering numbered requests, replaced when it fails, terminated with the element.
//!
//! Each element has its own worker (and so its own connection to its own database), so two
//! instances on one page never answer each other's requests. Requests and replies cross as
//! JSON text of `lens_analysis::protocol`'s enums; the worker script is `web/lens-worker.js`.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use lens_analysis::protocol::import::{ImportProgress, ImportReply, ImportRequest};
use lens_analysis::protocol::{AnalysisReply, AnalysisRequest};
use lens_ui::AnalysisUnavailable;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What a person is told when the worker cannot start or stops.
const UNAVAILABLE: &str = "The part of Practice Lens that makes reports and files did not start. Reload the page; if it happens again, tell your intranet team.";

/// Requests waiting for their reply, by number: each holds its promise's `resolve`.
type Pending = Rc<RefCell<BTreeMap<u64, js_sys::Function>>>;
/// Imports waiting for their reply, by number: each hears the worker's progress as JSON text.
type Listening = Rc<RefCell<BTreeMap<u64, Rc<dyn Fn(String)>>>>;

/// One running worker and the listeners that hear it.
struct Running {
    worker: web_sys::Worker,
    /// Set when the worker failed: the next request starts a new one. The listener that
    /// notices cannot drop itself, so dropping waits for the next request.
    failed: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

/// The element's analysis worker, started on first use.
pub struct AnalysisWorker {
    script_url: Option<String>,
    running: RefCell<Option<Running>>,
    pending: Pending,
    listening: Listening,
    last_id: Cell<u64>,
    /// Set once the element is removed: a request still on its way then starts no new worker.
    stopped: Cell<bool>,
}

impl AnalysisWorker {
    /// A worker that will run the script at `script_url` (none: the element did not say where,
    /// and every request is answered as unavailable).
    pub fn new(script_url: Option<String>) -> Self {
        Self {
            script_url,
            running: RefCell::new(None),
            stopped: Cell::new(false),
            pending: Rc::default(),
            listening: Rc::default(),
            last_id: Cell::new(0),
        }
    }

    /// Sends `request` and waits for its reply.
    pub async fn ask(&self, request: &AnalysisRequest) -> Result<AnalysisReply, AnalysisUnavailable> {
        let text = serde_json::to_string(request).map_err(|_| unavailable())?;
        let reply = self.send("request", &text, None, None).await?;
        serde_json::from_str(&reply).map_err(|_| unavailable())
    }

    /// Sends an import request with the files it names (the worker reads them, so the page
    /// never holds their text) and waits for its reply; `on_progress` hears each step.
    pub async fn import(
        &self,
        request: &ImportRequest,
        files: &[web_sys::File],
        on_progress: Rc<dyn Fn(ImportProgress)>,
    ) -> Result<ImportReply, AnalysisUnavailable> {
        let text = serde_json::to_string(request).map_err(|_| unavailable())?;
        let list = js_sys::Array::new();
        for file in files {
            list.push(file);
        }
        let heard: Rc<dyn Fn(String)> = Rc::new(move |progress: String| {
            if let Ok(progress) = serde_json::from_str(&progress) {
                on_progress(progress);
            }
        });
        let reply = self.send("importRequest", &text, Some(list), Some(heard)).await?;
        serde_json::from_str(&reply).map_err(|_| unavailable())
    }

    /// Posts one numbered message and waits for the reply's JSON text.
    async fn send(
        &self,
        field: &str,
        text: &str,
        files: Option<js_sys::Array>,
        listener: Option<Rc<dyn Fn(String)>>,
    ) -> Result<String, AnalysisUnavailable> {
        let id = self.last_id.get() + 1;
        self.last_id.set(id);
        let pending = self.pending.clone();
        let answered = js_sys::Promise::new(&mut |resolve, _reject| {
            pending.borrow_mut().insert(id, resolve);
        });
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"id".into(), &JsValue::from_f64(id as f64));
        let _ = js_sys::Reflect::set(&message, &field.into(), &JsValue::from_str(text));
        if let Some(files) = files {
            let _ = js_sys::Reflect::set(&message, &"files".into(), &files);
        }
        if let Some(listener) = listener {
            self.listening.borrow_mut().insert(id, listener);
        }
        let posted = self.with_worker(|worker| worker.post_message(&message).map_err(|_| unavailable()));
        if let Err(error) = posted {
            self.pending.borrow_mut().remove(&id);
            self.listening.borrow_mut().remove(&id);
            return Err(error);
        }
        let answer = JsFuture::from(answered).await;
        self.listening.borrow_mut().remove(&id);
        let answer = answer.map_err(|_| unavailable())?;
        let field =
            |name: &str| js_sys::Reflect::get(&answer, &name.into()).ok().and_then(|value| value.as_string());
        match (field("reply"), field("failure")) {
            (Some(reply), _) => Ok(reply),
            (None, Some(failure)) => {
                Err(AnalysisUnavailable { message: format!("{UNAVAILABLE} ({failure})") })
            }
            (None, None) => Err(unavailable()),
        }
    }

    /// Stops the worker, if it runs; any request still waiting is answered as unavailable.
    pub fn terminate(&self) {
        self.stopped.set(true);
        self.running.borrow_mut().take();
        fail_all(&self.pending, "the element was removed");
    }

    /// Runs `action` on a worker that is running, starting one if there is none or the last
    /// one failed.
    fn with_worker<T>(
        &self,
        action: impl FnOnce(&web_sys::Worker) -> Result<T, AnalysisUnavailable>,
    ) -> Result<T, AnalysisUnavailable> {
        if self.stopped.get() {
            return Err(AnalysisUnavailable {
                message: "Practice Lens was removed from the page.".to_owned(),
            });
        }
        let mut running = self.running.borrow_mut();
        if running.as_ref().is_some_and(|running| running.failed.get()) {
            running.take();
        }
        if running.is_none() {
            *running = Some(self.start()?);
        }
        match running.as_ref() {
            Some(running) => action(&running.worker),
            None => Err(unavailable()),
        }
    }

    fn start(&self) -> Result<Running, AnalysisUnavailable> {
        let url = self.script_url.as_deref().ok_or_else(unavailable)?;
        let options = web_sys::WorkerOptions::new();
        options.set_type(web_sys::WorkerType::Module);
        let worker = web_sys::Worker::new_with_options(url, &options).map_err(|_| unavailable())?;
        let failed = Rc::new(Cell::new(false));
        let on_message = {
            let (pending, failed, listening) = (self.pending.clone(), failed.clone(), self.listening.clone());
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
                let data = event.data();
                let id = js_sys::Reflect::get(&data, &"id".into()).ok().and_then(|id| id.as_f64());
                let progress =
                    js_sys::Reflect::get(&data, &"progress".into()).ok().and_then(|p| p.as_string());
                if let Some(progress) = progress {
                    let listener = id.and_then(|id| listening.borrow().get(&(id as u64)).cloned());
                    if let Some(listener) = listener {
                        listener(progress);
                    }
                    return;
                }
                if js_sys::Reflect::has(&data, &"failure".into()).unwrap_or(false) {
                    failed.set(true);
                }
                let resolve = id.and_then(|id| pending.borrow_mut().remove(&(id as u64)));
                if let Some(resolve) = resolve {
                    let _ = resolve.call1(&JsValue::NULL, &data);
                }
            })
        };
        let on_error = {
            let (pending, failed) = (self.pending.clone(), failed.clone());
            Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
                // A script that fails to load or throws at the top level: nothing will answer.
                event.prevent_default();
                failed.set(true);
                let detail = event
                    .dyn_ref::<web_sys::ErrorEvent>()
                    .map(|error| error.message())
                    .filter(|message| !message.is_empty())
                    .unwrap_or_else(|| "the worker script did not load".to_owned());
                fail_all(&pending, &detail);
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Running { worker, failed, _on_message: on_message, _on_error: on_error })
    }
}

/// Answers every waiting request with `failure`.
fn fail_all(pending: &Pending, failure: &str) {
    let waiting = std::mem::take(&mut *pending.borrow_mut());
    for resolve in waiting.into_values() {
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"failure".into(), &JsValue::from_str(failure));
        let _ = resolve.call1(&JsValue::NULL, &data);
    }
}

fn unavailable() -> AnalysisUnavailable {
    AnalysisUnavailable { message: UNAVAILABLE.to_owned() }
}
