// Shareable links without a server: the record travels in the link's
// fragment (never sent to any server), either as the address to fetch it
// from (#url=…) or packed into the link itself (#record=…: deflate-raw,
// then base64url). The page reads such a link on load and when the
// fragment changes; after a check it offers one for the record shown.
import { el } from "./dom.js";
import { say } from "./page-words.js";

/** Links longer than this are not offered: chat and mail programs cut them. */
export const MAX_LINK = 8000;

/** The most bytes a #record= link may unpack to. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * Calls `open(input, what)` for the record a #url= or #record= fragment
 * names (`what` as words: { key, values }), now and whenever the fragment
 * changes; `problem(key)` with the key of a sentence when the fragment is
 * malformed. Other fragments are left alone.
 */
export function startShareLinks({ open, problem }) {
  const read = async () => {
    const found = await fromFragment(location.hash);
    if (found?.problem) problem(found.problem);
    else if (found) open(found.input, found.what);
  };
  window.addEventListener("hashchange", read);
  read();
}

/**
 * What a fragment holds: `{ input, what }` to verify, `{ problem }` with
 * the key of a sentence when it is malformed, undefined when it is no
 * share link.
 */
export async function fromFragment(hash) {
  const fragment = hash.replace(/^#/, "");
  const [key, ...rest] = fragment.split("=");
  const value = rest.join("=");
  if (key === "url") return fromUrlValue(value);
  if (key === "record") return fromRecordValue(value);
  return undefined;
}

/**
 * A box with the link to this record and a "Copy link" button, or a sentence
 * saying why there is none. `input` is what was verified: an http(s)
 * address gives a #url= link, anything else (text, bytes, a File) #record=.
 */
export async function shareBox(input) {
  const box = el("div", { class: "share" });
  const link = await linkFor(input).catch(() => undefined);
  if (!link) {
    box.append(said(el("p", { class: "hint" }), "page.share.impossible"));
    return box;
  }
  if (link.length > MAX_LINK) {
    const values = { length: link.length, max: MAX_LINK };
    box.append(said(el("p", { class: "hint share-too-long" }), "page.share.tooLong", values));
    return box;
  }

  const label = said(el("label", { for: "share-link" }), "page.share.label");
  const field = el("input", { id: "share-link", type: "text", readonly: true, value: link });
  const button = said(el("button", { id: "share-copy", type: "button", class: "secondary" }), "page.share.copy");
  const message = el("p", { id: "share-message", class: "hint", role: "status" });
  button.addEventListener("click", () => copy(link, field, message));
  box.append(label, el("div", { class: "share-row" }, [field, button]), message);
  return box;
}

/** `element` showing the words of `key` (and kept in the picked language). */
function said(element, key, values) {
  say(element, key, values);
  return element;
}

/** The link for a record: #url= for an address, else #record= with the bytes packed. */
async function linkFor(input) {
  const page = location.href.replace(/#.*$/, "");
  const address = typeof input === "string" ? input.trim() : "";
  if (/^https?:\/\/\S+$/i.test(address)) return `${page}#url=${encodeURIComponent(address)}`;
  const bytes = await bytesOf(input);
  return `${page}#record=${toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")))}`;
}

async function copy(link, field, message) {
  try {
    await navigator.clipboard.writeText(link);
    say(message, "page.share.copied");
  } catch {
    field.select();
    say(message, "page.share.notCopied");
  }
}

function fromUrlValue(value) {
  let address;
  try {
    address = new URL(decodeURIComponent(value));
  } catch {
    return { problem: "page.link.notAddress" };
  }
  if (address.protocol !== "https:" && address.protocol !== "http:") {
    return { problem: "page.link.notHttp" };
  }
  return { input: address.href, what: { key: "page.what.url", values: { url: address.href } } };
}

async function fromRecordValue(value) {
  const packed = fromBase64Url(value);
  if (!packed || packed.length === 0) {
    return { problem: "page.link.damaged" };
  }
  const bytes = await pipe(packed, new DecompressionStream("deflate-raw"), MAX_RECORD_BYTES).catch((error) => error);
  if (bytes instanceof RangeError) {
    return { problem: "page.link.tooLarge" };
  }
  if (bytes instanceof Error) {
    return { problem: "page.link.cutShort" };
  }
  return { input: bytes, what: { key: "page.what.link" } };
}

/** Runs `bytes` through a compression stream; rejects past `limit` output bytes. */
async function pipe(bytes, stream, limit = Infinity) {
  const output = new Blob([bytes]).stream().pipeThrough(stream);
  const chunks = [];
  let total = 0;
  for await (const chunk of output) {
    total += chunk.length;
    if (total > limit) throw new RangeError("record too large");
    chunks.push(chunk);
  }
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
}

async function bytesOf(input) {
  if (typeof input === "string") return new TextEncoder().encode(input);
  if (input instanceof Blob) return new Uint8Array(await input.arrayBuffer());
  return input;
}

function toBase64Url(bytes) {
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes from base64url text (padding optional), or undefined when it is not. */
function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/=+$/, "").replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}
