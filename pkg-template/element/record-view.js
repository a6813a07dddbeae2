// The record as a person reads it: an Open Badge as a card, a CLR as a
// transcript, each nested credential with its own verdict; and the report
// (verdict, headline, checks) around it. DOM from text only: the record is
// written by whoever sent it. `t` is a translator from i18n.js.
import { el } from "./dom.js";
import { checkSentence, headline, localized } from "./i18n.js";

/** Verdict → symbol shown beside its words (never colour alone). */
const VERDICT_SYMBOLS = { verified: "✓", invalid: "✗", incomplete: "?" };
/** Check outcome → symbol shown beside its words. */
const OUTCOME_SYMBOLS = { pass: "✓", fail: "✗", warn: "!", unknown: "?", skip: "–" };
/** Transcript entries built per task: a long CLR is shown in steps, so the page never stalls. */
const BATCH = 15;
/** A rendered report → the promise of its last entries being in place. */
const unfinished = new WeakMap();

/**
 * The whole report: verdict and headline, the record (from the report's
 * `document` when present), the checks, other children and lookups.
 * `layout` "compact" keeps the verdict, headline and the record's one line.
 */
export function renderReport(report, t, { layout = "full" } = {}) {
  const compact = layout === "compact";
  const record = compact ? oneLine(report, t) : renderRecord(report, t);
  const article = el("article", { class: `report ${layout}`, "data-verdict": report.verdict }, [
    verdictBanner(report, t),
    compact || report.verdict === "verified" ? null : el("p", { class: "caution", text: t(`ui.caution.${report.verdict}`) }),
    record,
    compact ? null : el("h3", { text: t("ui.checks") }),
    compact ? null : checkList(report.checks, t),
    ...(compact ? [] : otherChildren(report, t)),
    compact ? null : lookupList(report.lookups ?? [], t),
  ]);
  if (record && unfinished.has(record)) unfinished.set(article, unfinished.get(record));
  return article;
}

/** Resolves once everything of a view from renderReport or renderRecord is in place. */
export function rendered(view) {
  return unfinished.get(view) ?? Promise.resolve();
}

/** Runs `jobs` BATCH at a time, one batch per task; resolves after the last. */
function inBatches(jobs) {
  const step = () => jobs.splice(0, BATCH).forEach((job) => job());
  step();
  return new Promise((resolve) => {
    const next = () => {
      if (jobs.length === 0) return resolve();
      step();
      return setTimeout(next, 0);
    };
    setTimeout(next, 0);
  });
}

/** The words a screen reader announces for a report. */
export function announcement(report, t) {
  return t("ui.announce", { verdict: t(`verdict.${report.verdict}`), headline: headline(report, t) });
}

/** A message shown instead of a report when the check could not run at all. */
export function renderFailure(message, t) {
  return el("div", { class: "failure", part: "verdict", role: "alert", "data-verdict": "error" }, [
    el("p", { class: "verdict", text: t("ui.couldNotRun") }),
    el("p", { part: "headline", text: message }),
  ]);
}

function verdictBanner(report, t) {
  return el("div", { class: `banner ${report.verdict}`, part: "verdict", "data-verdict": report.verdict }, [
    el("p", { class: "verdict" }, [
      el("span", { class: "symbol", "aria-hidden": "true", text: VERDICT_SYMBOLS[report.verdict] ?? "?" }),
      ` ${t(`verdict.${report.verdict}`)}`,
    ]),
    el("p", { class: "headline", part: "headline", text: headline(report, t) }),
  ]);
}

function oneLine(report, t) {
  const document = report.document;
  const name = document ? recordName(document, t.language) : report.credential?.name;
  return name ? el("p", { class: "record one-line", part: "record", text: name }) : null;
}

/** The checks of one report as a list; each sentence in the reader's language. */
export function checkList(checks, t) {
  return el("ul", { class: "checks", part: "checks" }, checks.map((check) => checkItem(check, t)));
}

function checkItem(check, t) {
  const about = t(`check.${check.id}`) + (check.target ? ` (${check.target})` : "");
  const sentence = checkSentence(check, t);
  return el("li", { class: `check ${check.outcome}`, part: "check", "data-check": check.id, "data-outcome": check.outcome }, [
    el("span", { class: "outcome" }, [
      el("span", { "aria-hidden": "true", text: `${OUTCOME_SYMBOLS[check.outcome] ?? "?"} ` }),
      t(`outcome.${check.outcome}`),
    ]),
    el("span", { class: "about", text: ` ${about}: ` }),
    el("span", { class: "message", text: sentence }),
    check.problem || sentence !== check.message ? technical(check, t) : null,
  ]);
}

/** The code, the detail and (in other languages) the verifier's English sentence. */
function technical(check, t) {
  const problem = check.problem;
  return el("details", { class: "problem" }, [
    el("summary", { text: t("ui.technical") }),
    t.language === "en" ? null : el("p", { lang: "en" }, [`${t("ui.inEnglish")}: `, check.message]),
    problem ? el("p", {}, [el("code", { text: problem.w3c ? `${problem.code} (${problem.w3c})` : problem.code }), `: ${problem.detail}`]) : null,
  ]);
}

/** Endorsements, presented and refreshed credentials (nested ones are in the transcript). */
function otherChildren(report, t) {
  const shownInTranscript = (child) => child.relation === "nested" && report.document;
  const others = (report.children ?? []).filter((child) => !shownInTranscript(child));
  const relations = [...new Set(others.map((child) => child.relation))];
  return relations.map((relation) => {
    const members = others.filter((child) => child.relation === relation);
    return el("section", { class: "children", "data-relation": relation }, [
      el("h3", { text: `${t(`relation.${relation}`)} (${members.length})` }),
      el("ul", {}, members.map((child) => el("li", {}, [childSummary(child.report, child.report.credential?.name ?? child.pointer, t)]))),
    ]);
  });
}

/** One nested credential's verdict, with its checks folded away (open when not verified). */
function childSummary(report, title, t) {
  return el("div", { class: `child ${report.verdict}`, "data-verdict": report.verdict }, [
    el("p", { class: "child-title" }, [
      el("span", { class: "badge" }, [
        el("span", { "aria-hidden": "true", text: `${VERDICT_SYMBOLS[report.verdict] ?? "?"} ` }),
        t(`verdict.${report.verdict}`),
      ]),
      ` ${title}`,
    ]),
    foldedChecks(report, t),
  ]);
}

/**
 * A nested credential's checks, folded away when it is verified. A folded
 * list is built when first opened: a CLR of a hundred credentials would
 * otherwise hold the page for a thousand list items nobody looked at.
 */
function foldedChecks(report, t) {
  const open = report.verdict !== "verified";
  const details = el("details", { class: "child-checks", open }, [
    el("summary", { text: t("ui.childChecks", { count: report.checks.length }) }),
    open ? checkList(report.checks, t) : null,
  ]);
  if (!open) {
    details.addEventListener("toggle", () => details.append(checkList(report.checks, t)), { once: true });
  }
  return details;
}

function lookupList(lookups, t) {
  const title = el("h3", { text: t("ui.lookups") });
  if (lookups.length === 0) return el("section", { class: "lookups" }, [title, el("p", { text: t("ui.lookupsNone") })]);
  return el("section", { class: "lookups" }, [
    title,
    el("ul", {}, lookups.map((lookup) =>
      el("li", { class: `lookup ${lookup.outcome}` }, [
        el("span", { class: "url", text: lookup.url }),
        ` ${lookup.purpose}: ${t(`lookup.${lookup.outcome}`)}`,
        lookup.detail ? ` (${lookup.detail})` : null,
      ]))),
  ]);
}

/**
 * The record itself: a CLR as a transcript, a badge as a card, a
 * presentation or other credential as its facts. Uses `report.document`
 * (the option `includeDocument`); without it, the report's summary.
 */
export function renderRecord(report, t) {
  const document = report.document;
  if (!document || typeof document !== "object") return summaryCard(report.credential, t);
  const types = typesOf(document);
  if (types.includes("ClrCredential")) return transcript(document, report, t);
  return badgeCard(document, t);
}

function summaryCard(summary, t) {
  if (!summary) return null;
  return el("section", { class: "record card", part: "record" }, [
    el("h3", { text: summary.achievement?.name ?? summary.name ?? t(`family.${summary.family}`) }),
    facts([
      [t("record.issuedBy"), partyLine(summary.issuer)],
      [t("record.issuedTo"), partyLine(summary.subject)],
      [t("record.validFrom"), formatDate(summary.validFrom, t)],
    ]),
  ]);
}

/** An Open Badge (or any credential) as a card: image, name, what, who, when. */
function badgeCard(document, t) {
  const language = t.language;
  const subject = first(document.credentialSubject) ?? {};
  const achievement = subject.achievement ?? {};
  const name = recordName(document, language);
  return el("section", { class: "record card", part: "record" }, [
    image(achievement.image ?? document.image, name, t),
    el("h3", { class: "record-name", text: name }),
    el("p", { class: "sentence", text: sentence(document, name, t) }),
    el("p", { class: "note", text: t("record.nameNote") }),
    facts([
      [t("record.kind"), t(`family.${familyOf(document)}`)],
      [t("record.achievementType"), text(achievement.achievementType)],
      [t("record.description"), localized(achievement.description ?? document.description, language)],
      [t("record.criteria"), criteria(achievement.criteria, language)],
      [t("record.issuedBy"), partyLine(partyOf(document.issuer, language))],
      [t("record.issuedTo"), partyLine(learnerOf(subject, language))],
      [t("record.validFrom"), formatDate(document.validFrom ?? document.issuanceDate, t)],
      [t("record.validUntil"), formatDate(document.validUntil ?? document.expirationDate, t)],
      [t("record.identifier"), text(document.id)],
    ]),
    alignments(achievement.alignment, t),
    results(subject.result, t),
  ]);
}

/**
 * A CLR as a transcript: its achievements grouped by the parent named in
 * its associations (`isParentOf` / `isChildOf`), each with its results and
 * the verdict of the nested credential that carries it.
 */
function transcript(document, report, t) {
  const language = t.language;
  const subject = first(document.credentialSubject) ?? {};
  const items = many(subject.verifiableCredential).map((item, index, all) => {
    const credential = readEmbedded(item);
    const pointer = `/credentialSubject/verifiableCredential${Array.isArray(subject.verifiableCredential) ? `/${index}` : ""}`;
    const child = (report.children ?? []).find((candidate) => candidate.pointer === pointer);
    return { credential, child, index, total: all.length };
  });
  const parentOf = parents(many(subject.association));
  const groups = new Map();
  for (const item of items) {
    const achievementId = first(item.credential?.credentialSubject)?.achievement?.id;
    const parent = parentOf.get(achievementId);
    const key = parent ?? "";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(item);
  }
  const nameOfAchievement = achievementNames(items, language);
  const name = recordName(document, language);
  const jobs = [];
  const section = el("section", { class: "record transcript", part: "record" }, [
    el("h3", { class: "record-name", text: name }),
    el("p", { class: "sentence", text: sentence(document, name, t) }),
    el("p", { class: "note", text: t("record.nameNote") }),
    facts([
      [t("record.kind"), t(`family.${familyOf(document)}`)],
      [t("record.issuedBy"), partyLine(partyOf(document.issuer, language))],
      [t("record.issuedTo"), partyLine(learnerOf(subject, language))],
      [t("record.validFrom"), formatDate(document.validFrom ?? document.issuanceDate, t)],
    ]),
    ...[...groups].map(([parent, members]) =>
      el("section", { class: "group", "data-group": parent }, [
        el("h4", { text: parent ? t("record.group", { name: nameOfAchievement.get(parent) ?? parent }) : t("record.ungrouped") }),
        later(el("ol", { class: "entries" }), members, (member) => el("li", {}, [entry(member, t)]), jobs),
      ])),
  ]);
  unfinished.set(section, inBatches(jobs));
  return section;
}

/** `list`, with one job per item that appends what `build` makes of it. */
function later(list, items, build, jobs) {
  jobs.push(...items.map((item) => () => list.append(build(item))));
  return list;
}

/** One line of the transcript: the achievement, its results and its credential's verdict. */
function entry({ credential, child }, t) {
  const language = t.language;
  const subject = first(credential?.credentialSubject) ?? {};
  const title = credential ? recordName(credential, language) : "?";
  const report = child?.report;
  return el("article", { class: "entry", "data-pointer": child?.pointer, "data-verdict": report?.verdict }, [
    report ? childSummary(report, title, t) : el("p", { class: "child-title", text: title }),
    facts([
      [t("record.description"), localized(subject.achievement?.description, language)],
      [t("record.validFrom"), formatDate(credential?.validFrom ?? credential?.issuanceDate, t)],
    ]),
    results(subject.result, t),
  ]);
}

/** Achievement id → its parent's id, from CLR associations. */
function parents(associations) {
  const parentOf = new Map();
  for (const association of associations) {
    const { associationType: kind, sourceId, targetId } = association ?? {};
    if (kind === "isParentOf") parentOf.set(targetId, sourceId);
    if (kind === "isChildOf") parentOf.set(sourceId, targetId);
  }
  return parentOf;
}

function achievementNames(items, language) {
  const names = new Map();
  for (const { credential } of items) {
    const achievement = first(credential?.credentialSubject)?.achievement;
    if (achievement?.id) names.set(achievement.id, localized(achievement.name, language) ?? achievement.id);
  }
  return names;
}

/** An embedded credential as JSON: itself, or the payload of a VC-JWT (the signature is the report's business). */
function readEmbedded(item) {
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
function image(value, name, t) {
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

function alignments(list, t) {
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

function results(list, t) {
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

function sentence(document, what, t) {
  const language = t.language;
  const issuer = partyOf(document.issuer, language);
  const subject = learnerOf(first(document.credentialSubject) ?? {}, language);
  const date = formatDate(document.validFrom ?? document.issuanceDate, t);
  return t("record.sentence", {
    issuer: issuer?.name ?? issuer?.id ?? t("record.unnamedIssuer"),
    what,
    subject: subject?.name ?? subject?.id ?? t("record.unnamedRecipient"),
    when: date ? t("record.on", { date }) : "",
  });
}

function facts(rows) {
  const present = rows.filter(([, value]) => value);
  if (present.length === 0) return null;
  return el("dl", { class: "facts" }, present.flatMap(([term, value]) => [el("dt", { text: term }), el("dd", { text: value })]));
}

/** The name a person knows the record by: the achievement's, else the credential's. */
export function recordName(document, language) {
  const achievement = first(document?.credentialSubject)?.achievement;
  return localized(achievement?.name, language) ?? localized(document?.name, language) ?? text(document?.id) ?? "";
}

function criteria(value, language) {
  if (!value || typeof value !== "object") return text(value);
  return localized(value.narrative, language) ?? text(value.id);
}

function partyOf(value, language) {
  if (typeof value === "string") return { id: value };
  if (!value || typeof value !== "object") return undefined;
  return { id: text(value.id), name: localized(value.name, language) };
}

/** The learner: their name, else an unhashed identifier, else their id. */
function learnerOf(subject, language) {
  const plain = many(subject.identifier).find((identifier) => identifier?.hashed === false || identifier?.hashed === "false");
  const name = localized(subject.name, language) ?? (plain?.identityType === "name" ? text(plain.identityHash) : undefined);
  return { id: text(subject.id) ?? text(plain?.identityHash), name };
}

function partyLine(party) {
  if (!party) return undefined;
  if (party.name && party.id) return `${party.name} (${party.id})`;
  return party.name ?? party.id;
}

function familyOf(document) {
  const known = ["ClrCredential", "OpenBadgeCredential", "AchievementCredential", "EndorsementCredential", "VerifiablePresentation"];
  return known.find((type) => typesOf(document).includes(type)) ?? "VerifiableCredential";
}

function typesOf(document) {
  return many(document?.type).filter((type) => typeof type === "string");
}

function formatDate(value, t) {
  if (typeof value !== "string") return undefined;
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  return new Intl.DateTimeFormat(t.language, { dateStyle: "long", timeZone: "UTC" }).format(time);
}

function text(value) {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

function many(value) {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function first(value) {
  return Array.isArray(value) ? value[0] : value;
}
