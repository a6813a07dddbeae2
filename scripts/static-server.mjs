// A small static file server for the demo page, bound to 127.0.0.1 only.
//
//   node scripts/static-server.mjs [--root www] [--port 8080] [--mount /pkg=pkg]
//
// Also imported by the page tests: startServer({ root, mounts, port }).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Serves `root` (and each `mounts` prefix → folder) on 127.0.0.1:`port`
 * (0: any free port). Resolves to { url, close }.
 */
export async function startServer({ root, mounts = {}, port = 0 }) {
  const folders = Object.entries(mounts)
    .map(([prefix, folder]) => [prefix.replace(/\/$/, ""), resolve(folder)])
    .concat([["", resolve(root)]]);
  const server = createServer((request, response) => answer(folders, request, response));
  await new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", done);
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  const close = () => new Promise((done) => server.close(done));
  return { url, close };
}

async function answer(folders, request, response) {
  const file = await locate(folders, request.url ?? "/");
  if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "method not allowed");
  if (!file) return send(response, 404, "not found");

  const body = await readFile(file);
  response.writeHead(200, {
    "content-type": TYPES[extname(file)] ?? "application/octet-stream",
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
  });
  response.end(request.method === "HEAD" ? undefined : body);
}

/** The file a URL path names inside one of the folders, never outside them. */
async function locate(folders, url) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  for (const [prefix, folder] of folders) {
    if (prefix && path !== prefix && !path.startsWith(`${prefix}/`)) continue;
    const inside = resolve(join(folder, path.slice(prefix.length)));
    if (inside !== folder && !inside.startsWith(folder + sep)) return undefined;
    const found = await existing(inside);
    if (found) return found;
  }
  return undefined;
}

async function existing(path) {
  const info = await stat(path).catch(() => undefined);
  if (info?.isFile()) return path;
  if (info?.isDirectory()) return existing(join(path, "index.html"));
  return undefined;
}

function send(response, status, text) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}

function option(name, fallback) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const mount = option("--mount");
  const mounts = mount ? Object.fromEntries([mount.split("=")]) : {};
  const { url } = await startServer({
    root: option("--root", "www"),
    mounts,
    port: Number(option("--port", "8080")),
  });
  console.log(`Serving the demo page at ${url} (Ctrl+C to stop)`);
}
