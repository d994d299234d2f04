// Practice Lens: the analysis worker. The page creates it the first time a report or a file is
// asked for (see ARCHITECTURE.md, "The analysis worker"). It loads its own WebAssembly module,
// answers each numbered request with a reply of the same number, and is terminated with the
// element that made it.
//
// Messages in:  {id, request}  where request is an AnalysisRequest as JSON text.
// Messages out: {id, reply}    where reply is an AnalysisReply as JSON text,
//               {id, failure}  when the module could not load or stopped; the page then
//                               replaces this worker with a new one.

const GLUE_URL = new URL("./lens_worker.js", import.meta.url);
const WASM_URL = new URL("./lens_worker_bg.wasm", import.meta.url);

const loading = import(GLUE_URL.href).then(async (glue) => {
  await glue.default({ module_or_path: WASM_URL });
  return glue;
});

self.onmessage = async (event) => {
  const { id, request } = event.data;
  try {
    const glue = await loading;
    const reply = await glue.answer(request);
    self.postMessage({ id, reply });
  } catch (error) {
    // A module that trapped cannot be trusted with another request.
    self.postMessage({ id, failure: String(error && error.message ? error.message : error) });
    self.close();
  }
};
