// The user's list of trusted issuers: checked by the verifier itself when
// saved, kept in this browser's localStorage (this device only), and handed
// to verify() as `trustedIssuers`. Deciding whether an issuer is on the
// list is the core's job (the `trust` check); this file stores the text,
// and describes it and the entry's name for display.
import { verify } from "./pkg/index.js";

const KEY = "cler-verifier.trusted-issuers";
const MISUSE_PREFIX = /^(cler-verifier: )?option `trustedIssuers` is not valid: /;

/** The saved list as JSON text, or undefined when none is saved (or storage is off). */
export function savedList() {
  try {
    return localStorage.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks `text` with the verifier and saves it. Resolves to `{ saved: true }`,
 * or `{ saved: false, reason }` when the list is malformed or this browser
 * does not let the page store it: the reason is the verifier's own text, or
 * words of the page ({ key }, see page-words.js).
 */
export async function saveList(text) {
  const reason = await problemWith(text);
  if (reason) return { saved: false, reason };

  try {
    localStorage.setItem(KEY, text);
  } catch {
    return { saved: false, reason: { key: "page.trust.storageOff" } };
  }
  return { saved: true };
}

/** Removes the saved list from this device. */
export function forgetList() {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // Storage is off: nothing was saved, so nothing is left to forget.
  }
}

/**
 * A short description of a list the verifier accepted, as words ({ key,
 * values }, see page-words.js): its name and how many entries it has.
 */
export function describeList(text) {
  const entries = entriesOf(text);
  const count =
    entries.length === 1 ? { key: "page.trust.oneIssuer" } : { key: "page.trust.issuers", values: { count: entries.length } };
  const name = nameOf(text);
  return name ? { key: "page.trust.named", values: { name, count } } : count;
}

function nameOf(text) {
  try {
    const name = JSON.parse(text)?.name;
    return typeof name === "string" ? name : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the list calls `issuer`, for display once the verifier's `trust`
 * check has found it there: the name of its exact entry, else of the first
 * prefix entry that covers it; undefined when that entry has no name. The
 * record's own issuer name is never used here, since anyone can write it.
 */
export function listedName(text, issuer) {
  const rules = entriesOf(text);
  const exact = rules.find((rule) => !rule.prefix && rule.pattern === issuer);
  const covering = rules.find((rule) => rule.prefix && issuer.startsWith(rule.pattern));
  return (exact ?? covering)?.name;
}

/** The entries of a list the verifier accepted, as `{pattern, prefix, name}`. */
function entriesOf(text) {
  let list;
  try {
    list = JSON.parse(text);
  } catch {
    return [];
  }
  if (list?.registry) {
    return Object.entries(list.registry).map(([id, details]) => ({ pattern: id, prefix: false, name: details?.name }));
  }
  return (Array.isArray(list) ? list : list?.issuers ?? []).map(entry);
}

function entry(item) {
  if (typeof item === "string") {
    const prefix = item.endsWith("*");
    return { pattern: prefix ? item.slice(0, -1) : item, prefix };
  }
  const prefix = typeof item?.prefix === "string";
  return { pattern: prefix ? item.prefix : item?.id, prefix, name: item?.name };
}

/** Why the verifier rejects `text` as a list, or undefined when it accepts it. */
async function problemWith(text) {
  if (!text.trim()) return { key: "page.trust.empty" };
  try {
    await verify("{}", { offline: true, trustedIssuers: text });
    return undefined;
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return error.message.replace(MISUSE_PREFIX, "");
  }
}
