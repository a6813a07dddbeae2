// Runs verify() off the page's main thread, so a large CLR never freezes it.
// Messages from the element: {type: "verify", id, input, options, lookups}.
// Answers: {type: "progress", id, done, total}, {type: "fetch", id, call, url}
// (the element fetches, as a caller's fetch function cannot be sent here;
// it answers {type: "fetched", call, status, contentType, bytes} or
// {type: "fetched", call, error}), then {type: "report", id, report} or
// {type: "failed", id, message}.
import { verify } from "../index.js";

const pending = new Map();
let calls = 0;

self.addEventListener("message", (event) => {
  const message = event.data;
  if (message?.type === "verify") run(message);
  if (message?.type === "fetched") settle(message);
});

async function run({ id, input, options, lookups }) {
  const onProgress = ({ done, total }) => self.postMessage({ type: "progress", id, done, total });
  const chosen = { ...options, includeDocument: true, onProgress };
  if (lookups) chosen.fetch = (url) => fetchThroughPage(id, url);
  try {
    const report = await verify(input, chosen);
    self.postMessage({ type: "report", id, report });
  } catch (error) {
    self.postMessage({ type: "failed", id, message: error?.message ?? String(error) });
  }
}

/** A fetch-like function whose requests the element makes on the page. */
function fetchThroughPage(id, url) {
  calls += 1;
  const call = calls;
  return new Promise((resolve, reject) => {
    pending.set(call, { resolve, reject });
    self.postMessage({ type: "fetch", id, call, url: String(url) });
  });
}

function settle({ call, error, status, contentType, bytes }) {
  const waiting = pending.get(call);
  if (!waiting) return;
  pending.delete(call);
  if (error !== undefined) {
    waiting.reject(new Error(error));
    return;
  }
  if (status === null) {
    waiting.resolve(null);
    return;
  }
  const headers = { get: (name) => (String(name).toLowerCase() === "content-type" ? contentType : null) };
  waiting.resolve({ status, headers, arrayBuffer: async () => bytes });
}
