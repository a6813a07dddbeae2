// The package's API over the generated bindings, shared by index.js
// (browsers and bundlers) and node.js. The module is started once, on first
// use or by an explicit init(); a failed start may be retried.
import startBindings, { verify as verifyBindings } from "./cler_verifier.js";

/** How long one lookup may take before it counts as unreachable. */
const LOOKUP_TIMEOUT_MS = 15_000;
/** The largest document a lookup may return. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** How long a fetched document is reused, so a CLR or a page of records fetches each DID document once. */
const CACHE_MS = 10 * 60 * 1000;
/** The most documents remembered per fetch function. */
const CACHE_ENTRIES = 256;

/** Fetched documents, per fetch function, for the life of the page. */
const caches = new WeakMap();

export function makeApi(defaultSource) {
  let ready;

  function init(source) {
    ready ??= startBindings({ module_or_path: source ?? defaultSource() }).then(
      () => undefined,
      (error) => {
        ready = undefined;
        throw error;
      },
    );
    return ready;
  }

  async function verify(input, options) {
    await init();
    return verifyBindings(input, withGuardedFetch(options));
  }

  return { init, verify };
}

/**
 * The caller's options with their fetch (or the global one) wrapped so that
 * a lookup that hangs or answers with a huge body fails in words instead of
 * stalling or exhausting memory. `lookupTimeoutMs` is read here.
 */
function withGuardedFetch(options) {
  if (options === null || typeof options !== "object") return options;
  const { lookupTimeoutMs = LOOKUP_TIMEOUT_MS, ...rest } = options;
  const fetchFn = "fetch" in rest ? rest.fetch : globalThis.fetch;
  if (typeof fetchFn !== "function" || rest.offline === true) return rest;
  return { ...rest, fetch: guarded(fetchFn, lookupTimeoutMs) };
}

function guarded(fetchFn, timeoutMs) {
  if (!caches.has(fetchFn)) caches.set(fetchFn, new Map());
  const cache = caches.get(fetchFn);
  return async (url) => {
    const kept = cache.get(url);
    if (kept && Date.now() - kept.at < CACHE_MS) return answer(kept);
    const fetched = await fetchGuarded(fetchFn, timeoutMs, url);
    if (fetched?.bytes && fetched.status >= 200 && fetched.status < 300) {
      if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value);
      cache.set(url, { ...fetched, at: Date.now() });
    }
    return fetched?.bytes ? answer(fetched) : fetched;
  };
}

/** A fresh response-like object over remembered bytes. */
function answer({ status, contentType, bytes }) {
  const headers = { get: (name) => (name.toLowerCase() === "content-type" ? contentType : null) };
  return { status, headers, arrayBuffer: async () => bytes.slice().buffer };
}

async function fetchGuarded(fetchFn, timeoutMs, url) {
  const controller = new AbortController();
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`));
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([fetchFn.call(globalThis, url, { signal: controller.signal }), timeout]);
    // Not a response at all: the verifier reports that in its own words.
    if (typeof response?.arrayBuffer !== "function") return response;
    const bytes = await Promise.race([boundedBody(response), timeout]);
    const contentType = response.headers?.get?.("content-type") ?? null;
    return { status: response.status, contentType, bytes };
  } finally {
    clearTimeout(timer);
  }
}

/** The body, refusing more than MAX_DOCUMENT_BYTES, streamed when possible. */
async function boundedBody(response) {
  const tooLarge = () => new Error(`the document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB`);
  const declared = Number(response.headers?.get?.("content-length"));
  if (declared > MAX_DOCUMENT_BYTES) throw tooLarge();
  const reader = response.body?.getReader?.();
  if (!reader) {
    const whole = new Uint8Array(await response.arrayBuffer());
    if (whole.length > MAX_DOCUMENT_BYTES) throw tooLarge();
    return whole;
  }
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > MAX_DOCUMENT_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}
