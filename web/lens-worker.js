// Practice Lens: the analysis worker. The page creates it the first time a report or a file is
// asked for (see ARCHITECTURE.md, "The analysis worker"). It loads its own WebAssembly module,
// answers each numbered request with a reply of the same number, and is terminated with the
// element that made it.
//
// Messages in:  {id, request}  where request is an AnalysisRequest as JSON text,
//               {id, importRequest, files}  an ImportRequest as JSON text and the File objects
//                               it names, which the worker reads itself.
// Messages out: {id, reply}    where reply is an AnalysisReply (or ImportReply) as JSON text,
//               {id, progress} an ImportProgress as JSON text, while an import works,
//               {id, failure}  when the module could not load or stopped; the page then
//                               replaces this worker with a new one.

const GLUE_URL = new URL("./lens_worker.js", import.meta.url);
const WASM_URL = new URL("./lens_worker_bg.wasm", import.meta.url);

const loading = import(GLUE_URL.href).then(async (glue) => {
  await glue.default({ module_or_path: WASM_URL });
  return glue;
});

// Every write to a database of this site, from any tab, page or worker but this one, is
// announced on this channel (lens_idb::CHANGES_CHANNEL): records decoded from it are read again.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel("practice-lens-changes").onmessage = async (event) => {
    try {
      (await loading).forget_records(String(event.data));
    } catch {
      // A worker whose module did not load has nothing to forget.
    }
  };
}

// Requests are answered one after another, in the order sent: a dashboard asked for while the
// records are being read for an earlier request then finds them decoded, instead of reading
// them a second time alongside.
let answering = Promise.resolve();
self.onmessage = (event) => {
  answering = answering.then(() => handle(event));
};

async function handle(event) {
  const { id, request, importRequest, files } = event.data;
  try {
    const glue = await loading;
    const reply =
      importRequest === undefined
        ? await glue.answer(request)
        : await glue.import_files(importRequest, files || [], (progress) => self.postMessage({ id, progress }));
    self.postMessage({ id, reply });
  } catch (error) {
    // A module that trapped cannot be trusted with another request.
    self.postMessage({ id, failure: String(error && error.message ? error.message : error) });
    self.close();
  }
}
