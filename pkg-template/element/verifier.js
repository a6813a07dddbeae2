// verify() for the element: in one Web Worker shared by every element on
// the page, so the page stays responsive; on the main thread only when no
// worker can be started (no Worker, or a Content-Security-Policy that
// forbids it). A caller's fetch function cannot be sent to a worker: the
// worker asks, and the fetch runs here with the caller's function.

let worker;
let workerFailed = false;
let runs = 0;
const running = new Map();

/**
 * Verifies `input` with `options` (a `fetch` and `onProgress` among them
 * stay on this side); resolves to the report with its `document`.
 */
export function verifyOffThread(input, options = {}) {
  const { fetch: fetchFn, onProgress, ...plain } = options;
  const lookups = plain.offline !== true;
  const started = startWorker();
  if (!started) return verifyHere(input, { ...options, includeDocument: true });

  runs += 1;
  const id = runs;
  return new Promise((resolve, reject) => {
    running.set(id, { resolve, reject, fetchFn: fetchFn ?? globalThis.fetch, onProgress, input, options });
    try {
      started.postMessage({ type: "verify", id, input, options: plain, lookups });
    } catch (error) {
      // Something in the input or options cannot be copied to a worker.
      running.delete(id);
      verifyHere(input, { ...options, includeDocument: true }).then(resolve, reject);
    }
  });
}

async function verifyHere(input, options) {
  const { verify } = await import("../index.js");
  return verify(input, options);
}

function startWorker() {
  if (worker || workerFailed) return worker;
  try {
    worker = newWorker();
    worker.addEventListener("message", (event) => answer(event.data));
    worker.addEventListener("error", workerStopped);
  } catch {
    workerFailed = true;
  }
  return worker;
}

/**
 * The worker, started in the literal form bundlers such as Vite recognise
 * (they then bundle worker.js with what it imports); where the page
 * enforces Trusted Types that form throws, and a policy vouches for the URL.
 */
function newWorker() {
  try {
    return new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  } catch {
    return new Worker(trustedWorkerUrl(), { type: "module" });
  }
}

/** The worker's address as a Trusted Types policy vouches for it. */
function trustedWorkerUrl() {
  const url = new URL("./worker.js", import.meta.url);
  const policy = globalThis.trustedTypes.createPolicy("cler-verifier-worker", {
    createScriptURL: (given) => (given === url.href ? given : ""),
  });
  return policy.createScriptURL(url.href);
}

function answer(message) {
  const run = running.get(message?.id);
  if (!run) return;
  if (message.type === "progress") {
    run.onProgress?.({ done: message.done, total: message.total });
  } else if (message.type === "fetch") {
    fetchFor(run.fetchFn, message);
  } else if (message.type === "report") {
    running.delete(message.id);
    run.resolve(message.report);
  } else if (message.type === "failed") {
    running.delete(message.id);
    run.reject(new TypeError(message.message));
  }
}

/** Fetches one document for the worker and sends back its status, type and bytes. */
async function fetchFor(fetchFn, { call, url }) {
  try {
    if (typeof fetchFn !== "function") throw new Error("this environment has no fetch function");
    const response = await fetchFn.call(globalThis, url);
    if (response === null || response === undefined) {
      worker.postMessage({ type: "fetched", call, status: null });
      return;
    }
    const bytes = await response.arrayBuffer();
    const contentType = response.headers?.get?.("content-type") ?? null;
    worker.postMessage({ type: "fetched", call, status: response.status, contentType, bytes }, [bytes]);
  } catch (error) {
    worker.postMessage({ type: "fetched", call, error: error?.message ?? String(error) });
  }
}

/** The worker could not start or stopped: what it was doing is done here instead. */
function workerStopped() {
  worker = undefined;
  workerFailed = true;
  for (const [id, run] of running) {
    running.delete(id);
    verifyHere(run.input, { ...run.options, includeDocument: true }).then(run.resolve, run.reject);
  }
}
