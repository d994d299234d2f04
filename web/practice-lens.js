// Practice Lens: the <practice-lens> custom element.
//
// Embedding contract (see ARCHITECTURE.md):
//   <script type="module" src="practice-lens.js"></script>
//   <practice-lens view="home" db-name="practice-lens" config='{"organisation":"…"}'></practice-lens>
// The app renders in an open shadow root with its own stylesheet. The .wasm file is found next
// to this script unless the element's `wasm-url` attribute names another. Events on the element:
// lens-ready, lens-saved, lens-error (each a CustomEvent with a `detail` object). Methods, version
// API_VERSION (README, "The element's methods"): importBundle(fileOrText), exportBundle(filter),
// exampleBundle(seed).

const GLUE_URL = new URL("./lens_web.js", import.meta.url);
const STYLESHEET_URL = new URL("./practice-lens.css", import.meta.url);
const DEFAULT_WASM_URL = new URL("./lens_web_bg.wasm", import.meta.url);
// The analysis worker (reports, themes, CSV): started by the app the first time it is needed.
const WORKER_URL = new URL("./lens-worker.js", import.meta.url);
const OBSERVED = ["view", "db-name", "config"];
// The version of the element's methods and of what they resolve to.
const API_VERSION = 1;

// One WebAssembly module per page, shared by every instance: the first element decides
// which .wasm is loaded.
let loadingModule = null;

function loadModule(wasmUrl) {
  if (!loadingModule) {
    loadingModule = import(GLUE_URL.href).then(async (glue) => {
      await glue.default({ module_or_path: wasmUrl });
      return glue;
    });
  }
  return loadingModule;
}

// Words for a person (and the intranet's administrator) when the module cannot start.
function explainLoadFailure(error) {
  const text = String(error && error.message ? error.message : error);
  if (error instanceof WebAssembly.CompileError && /unsafe-eval|Content Security Policy|CSP/i.test(text)) {
    return "This page's Content-Security-Policy does not allow WebAssembly. Ask the site administrator to add 'wasm-unsafe-eval' to script-src.";
  }
  return "Practice Lens could not start in this browser. Reload the page; if it happens again, tell your intranet team. (" + text + ")";
}

class PracticeLensElement extends HTMLElement {
  static get observedAttributes() {
    return OBSERVED;
  }

  constructor() {
    super();
    this._instance = null;
    this._mounting = false;
  }

  connectedCallback() {
    if (!this.shadowRoot) {
      const root = this.attachShadow({ mode: "open" });
      const stylesheet = document.createElement("link");
      stylesheet.rel = "stylesheet";
      stylesheet.href = STYLESHEET_URL.href;
      this._container = document.createElement("div");
      this._container.className = "lens-root";
      root.append(stylesheet, this._container);
    }
    if (!this._instance && !this._mounting) {
      this._mount();
    }
  }

  disconnectedCallback() {
    // Moving an element fires disconnect then connect: wait a microtask before destroying.
    queueMicrotask(() => {
      if (!this.isConnected) {
        this._destroy();
      }
    });
  }

  // The version of importBundle and exportBundle.
  get apiVersion() {
    return API_VERSION;
  }

  // Imports a bundle (a File, a Blob or its text): records that do not conflict are written in
  // one transaction; conflicts stay as they are on this device and are listed. Resolves to the
  // summary the import screen previews; rejects with an Error whose message says why.
  importBundle(fileOrText) {
    let file = fileOrText;
    if (typeof fileOrText === "string") {
      file = new File([fileOrText], "bundle.json", { type: "application/json" });
    } else if (fileOrText instanceof Blob && !(fileOrText instanceof File)) {
      file = new File([fileOrText], "bundle.json", { type: fileOrText.type || "application/json" });
    } else if (!(fileOrText instanceof File)) {
      return Promise.reject(new TypeError("importBundle takes a File, a Blob or the bundle's text"));
    }
    return this._ask((instance) => instance.import_bundle(file)).then((summary) => JSON.parse(summary));
  }

  // Resolves to a Blob of the bundle of the audits `filter` chooses ({search, status, template,
  // team, from, to}; every audit without one), their moderations and templates, reflections
  // never; logged as the device's last export. Rejects with an Error whose message says why.
  exportBundle(filter) {
    if (filter !== undefined && filter !== null && (typeof filter !== "object" || Array.isArray(filter))) {
      return Promise.reject(new TypeError("exportBundle takes a filter object such as { team: \"Assessment West\" }, or nothing for every audit"));
    }
    return this._ask((instance) => {
      const text = filter === undefined || filter === null ? undefined : JSON.stringify(filter);
      return instance.export_bundle(text);
    }).then((bundle) => new Blob([bundle], { type: "application/json" }));
  }

  // Resolves to a Blob of example data from the seeded generator (three months of a council's
  // audits and moderations, ending today); the same seed gives the same audits. Writes nothing.
  exampleBundle(seed) {
    return this._ask((instance) => instance.example_bundle(Number(seed))).then(
      (bundle) => new Blob([bundle], { type: "application/json" }),
    );
  }

  // Calls into the running module for a promise; its refusals become Errors.
  _ask(call) {
    if (!this._instance) {
      return Promise.reject(new Error("Practice Lens has not started yet: call it after the element's lens-ready event"));
    }
    let promise;
    try {
      promise = call(this._instance);
    } catch (error) {
      if (error instanceof TypeError) return Promise.reject(new TypeError("The filter could not be read: " + error.message));
      return Promise.reject(new Error("Practice Lens stopped working. Reload the page to carry on. (" + error + ")"));
    }
    return promise.catch((reason) => {
      throw reason instanceof Error ? reason : new Error(String(reason));
    });
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (this._instance && oldValue !== newValue) {
      this._call(() => this._instance.update(this._options()));
    }
  }

  _options() {
    return {
      view: this.getAttribute("view"),
      dbName: this.getAttribute("db-name"),
      config: this.getAttribute("config"),
      workerUrl: WORKER_URL.href,
    };
  }

  async _mount() {
    this._mounting = true;
    const wasmAttribute = this.getAttribute("wasm-url");
    const wasmUrl = wasmAttribute ? new URL(wasmAttribute, document.baseURI) : DEFAULT_WASM_URL;
    try {
      const glue = await loadModule(wasmUrl);
      if (this.isConnected && !this._instance) {
        this._instance = glue.mount(this._container, this, this._options());
      }
    } catch (error) {
      this._fail("load-failed", explainLoadFailure(error));
    } finally {
      this._mounting = false;
    }
  }

  _destroy() {
    if (this._instance) {
      const instance = this._instance;
      this._instance = null;
      this._call(() => {
        instance.destroy();
        instance.free();
      });
    }
  }

  // A call into a module that has stopped (after a panic) throws: report it, never rethrow
  // into the host page.
  _call(action) {
    try {
      action();
    } catch (error) {
      this._fail("crashed", "Practice Lens stopped working. Reload the page to carry on. (" + error + ")");
    }
  }

  _fail(code, message) {
    if (this._container && !this._container.querySelector(".lens-notification--error")) {
      const notice = document.createElement("div");
      notice.className = "lens-notification lens-notification--error";
      notice.setAttribute("role", "alert");
      const heading = document.createElement("h3");
      heading.className = "lens-heading-m";
      heading.textContent = "Practice Lens is not available";
      const body = document.createElement("p");
      body.className = "lens-body";
      body.textContent = message;
      notice.append(heading, body);
      this._container.replaceChildren(notice);
    }
    this.dispatchEvent(new CustomEvent("lens-error", { bubbles: true, detail: { code, message } }));
  }
}

// Registers under "practice-lens", or, if another script has taken that name, the first free
// "practice-lens-N". Pages that must cope with that create elements through `tagName`.
function register() {
  let name = "practice-lens";
  for (let suffix = 1; ; suffix += 1) {
    const existing = customElements.get(name);
    if (existing === PracticeLensElement) return name;
    if (!existing) break;
    if (existing.practiceLens) return name;
    name = "practice-lens-" + suffix;
  }
  const definition = class extends PracticeLensElement {};
  definition.practiceLens = true;
  customElements.define(name, definition);
  return name;
}

export const tagName = register();
export { PracticeLensElement };
