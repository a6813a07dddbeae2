// Shareable links without a server: the record travels in the link's
// fragment (never sent to any server), either as the address to fetch it
// from (#url=…) or packed into the link itself (#record=…: deflate-raw,
// then base64url). The page reads such a link on load and when the
// fragment changes; after a check it offers one for the record shown.
import { el } from "./dom.js";

/** Links longer than this are not offered: chat and mail programs cut them. */
export const MAX_LINK = 8000;

/** The most bytes a #record= link may unpack to. */
const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * Calls `open(input, name)` for the record a #url= or #record= fragment
 * names, now and whenever the fragment changes; `problem(sentence)` when
 * the fragment is malformed. Other fragments are left alone.
 */
export function startShareLinks({ open, problem }) {
  const read = async () => {
    const found = await fromFragment(location.hash);
    if (found?.problem) problem(found.problem);
    else if (found) open(found.input, found.name);
  };
  window.addEventListener("hashchange", read);
  read();
}

/**
 * What a fragment holds: `{ input, name }` to verify, `{ problem }`
 * with a sentence when it is malformed, undefined when it is no share link.
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
    box.append(el("p", { class: "hint", text: "This record cannot be put into a link." }));
    return box;
  }
  if (link.length > MAX_LINK) {
    const words = `This record is too large for a link (${link.length} characters; links stay under ${MAX_LINK}). Share the file instead.`;
    box.append(el("p", { class: "hint share-too-long", text: words }));
    return box;
  }

  const label = el("label", { for: "share-link", text: "Link to this check (the record travels in the link, not through a server)" });
  const field = el("input", { id: "share-link", type: "text", readonly: true, value: link });
  const button = el("button", { id: "share-copy", type: "button", class: "secondary", text: "Copy link" });
  const said = el("p", { id: "share-message", class: "hint", role: "status" });
  button.addEventListener("click", () => copy(link, field, said));
  box.append(label, el("div", { class: "share-row" }, [field, button]), said);
  return box;
}

/** The link for a record: #url= for an address, else #record= with the bytes packed. */
async function linkFor(input) {
  const page = location.href.replace(/#.*$/, "");
  const address = typeof input === "string" ? input.trim() : "";
  if (/^https?:\/\/\S+$/i.test(address)) return `${page}#url=${encodeURIComponent(address)}`;
  const bytes = await bytesOf(input);
  return `${page}#record=${toBase64Url(await pipe(bytes, new CompressionStream("deflate-raw")))}`;
}

async function copy(link, field, said) {
  try {
    await navigator.clipboard.writeText(link);
    said.textContent = "Link copied. Whoever opens it sees this check, done in their own browser.";
  } catch {
    field.select();
    said.textContent = "The browser did not allow copying; the link is selected above, copy it from there.";
  }
}

function fromUrlValue(value) {
  let address;
  try {
    address = new URL(decodeURIComponent(value));
  } catch {
    return { problem: "The link's #url= part is not a web address, so there is nothing to check." };
  }
  if (address.protocol !== "https:" && address.protocol !== "http:") {
    return { problem: "The link's #url= part is not an http or https address, so there is nothing to check." };
  }
  return { input: address.href, name: `the record at ${address.href}` };
}

async function fromRecordValue(value) {
  const packed = fromBase64Url(value);
  if (!packed || packed.length === 0) {
    return { problem: "The link's #record= part is damaged (it is not base64url text); ask for the link again." };
  }
  const bytes = await pipe(packed, new DecompressionStream("deflate-raw"), MAX_RECORD_BYTES).catch(() => undefined);
  if (!bytes) {
    return { problem: "The link's #record= part could not be unpacked (it may have been cut short); ask for the link again." };
  }
  return { input: bytes, name: "the record in the link" };
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
