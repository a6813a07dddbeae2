// Reading the fields of a record for display: names in the reader's
// language, parties, dates, images (remote ones only on request),
// alignments, results, and credentials embedded as objects or JWTs.

import { el } from "./dom.js";
import { localized } from "./i18n.js";
import { printable } from "./printable.js";

/** An embedded credential as JSON: itself, or the payload of a VC-JWT (the signature is the report's business). */
export function readEmbedded(item) {
  if (item && typeof item === "object") {
    const enveloped = typeof item.id === "string" && item.id.match(/^data:application\/vc\+(?:ld\+)?jwt,(.*)$/);
    return enveloped ? jwtPayload(enveloped[1]) : item;
  }
  return typeof item === "string" ? jwtPayload(item.trim()) : undefined;
}

function jwtPayload(token) {
  try {
    const part = token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    const bytes = Uint8Array.from(atob(part), (char) => char.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    return payload.vc && typeof payload.vc === "object" ? payload.vc : payload;
  } catch {
    return undefined;
  }
}

/**
 * The badge's image: `data:` images are shown; a remote one only after the
 * reader presses "Show image", since loading it tells that host.
 */
export function image(value, name, t) {
  const source = typeof value === "string" ? value : value?.id;
  if (typeof source !== "string") return null;
  const alt = t("record.imageAlt", { name });
  if (/^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i.test(source)) {
    return el("img", { class: "record-image", src: source, alt });
  }
  let host;
  try {
    const url = new URL(source);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    host = url.host;
  } catch {
    return null;
  }
  const button = el("button", { type: "button", class: "show-image", text: t("record.showImage") });
  const holder = el("div", { class: "record-image-holder" }, [
    button,
    el("p", { class: "note", text: t("record.imageNote", { host }) }),
  ]);
  button.addEventListener("click", () => {
    holder.replaceChildren(el("img", { class: "record-image", src: source, alt, referrerpolicy: "no-referrer" }));
  });
  return holder;
}

export function alignments(list, t) {
  const items = many(list).filter((item) => item && typeof item === "object");
  if (items.length === 0) return null;
  return el("section", { class: "alignments" }, [
    el("h4", { text: t("record.alignments") }),
    el("ul", {}, items.map((item) => el("li", {
      text: [localized(item.targetName, t.language), text(item.targetCode), text(item.targetFramework), text(item.targetUrl)]
        .filter(Boolean)
        .join(" · "),
    }))),
  ]);
}

export function results(list, t) {
  const items = many(list).filter((item) => item && typeof item === "object");
  if (items.length === 0) return null;
  return el("section", { class: "results" }, [
    el("h4", { text: t("record.results") }),
    el("ul", {}, items.map((item) => el("li", {
      text: [text(item.value), text(item.status), text(item.achievedLevel), text(item.resultDescription)]
        .filter(Boolean)
        .join(" · "),
    }))),
  ]);
}

export function sentence(document, what, t) {
  const language = t.language;
  const issuer = partyOf(document.issuer, language);
  const subject = learnerOf(first(document.credentialSubject) ?? {}, language);
  const date = formatDate(document.validFrom ?? document.issuanceDate, t);
  return isolated(t("record.sentence"), {
    issuer: issuer?.name ?? issuer?.id ?? t("record.unnamedIssuer"),
    what,
    subject: subject?.name ?? subject?.id ?? t("record.unnamedRecipient"),
    when: date ? t("record.on", { date }) : "",
  });
}

/**
 * A template's words with each value in its own <bdi>, so a name written
 * right to left keeps its direction without reordering the words around it.
 */
function isolated(template, values) {
  return template.split(/(\{\w+\})/).map((part) => {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    return slot !== undefined && slot in values ? el("bdi", { text: values[slot] }) : part;
  });
}

export function facts(rows) {
  const present = rows.filter(([, value]) => value);
  if (present.length === 0) return null;
  return el("dl", { class: "facts" }, present.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
}

/** The name a person knows the record by: the achievement's, else the credential's. */
export function recordName(document, language) {
  const achievement = first(document?.credentialSubject)?.achievement;
  return localized(achievement?.name, language) ?? localized(document?.name, language) ?? text(document?.id) ?? "";
}

export function criteria(value, language) {
  if (!value || typeof value !== "object") return text(value);
  return localized(value.narrative, language) ?? text(value.id);
}

export function partyOf(value, language) {
  if (typeof value === "string") return { id: value };
  if (!value || typeof value !== "object") return undefined;
  return { id: text(value.id), name: localized(value.name, language) };
}

/** The learner: their name, else an unhashed identifier, else their id. */
export function learnerOf(subject, language) {
  const plain = many(subject.identifier).find((identifier) => identifier?.hashed === false || identifier?.hashed === "false");
  const name = localized(subject.name, language) ?? (plain?.identityType === "name" ? text(plain.identityHash) : undefined);
  return { id: text(subject.id) ?? text(plain?.identityHash), name };
}

export function partyLine(party) {
  if (!party) return undefined;
  if (party.name && party.id) return `${party.name} (${party.id})`;
  return party.name ?? party.id;
}

export function familyOf(document) {
  const known = ["ClrCredential", "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential", "VerifiablePresentation"];
  return known.find((type) => typesOf(document).includes(type)) ?? "VerifiableCredential";
}

export function typesOf(document) {
  return many(document?.type).filter((type) => typeof type === "string");
}

export function formatDate(value, t) {
  if (typeof value !== "string") return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(t.language, { dateStyle: "long", timeZone: "UTC" }).format(time);
}

export function text(value) {
  return typeof value === "string" || typeof value === "number" ? printable(String(value)) : undefined;
}

export function many(value) {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

export function first(value) {
  return Array.isArray(value) ? value[0] : value;
}
