// Turns a verification report into DOM, with text nodes only.
import { el } from "./dom.js";
import { ANSWERS, CHECKS, FAMILIES, LOOKUPS, OUTCOMES, RELATIONS, SYMBOLS, VERDICTS, label } from "./words.js";

/**
 * The whole report of one input: verdict, the answers the reader asked for,
 * what it says, checks, children, lookups. `listedName(issuerId)` gives the
 * reader's own name for a trusted issuer, when their list has one.
 */
export function renderReport(report, listedName = () => undefined) {
  return el("article", { class: "report", "aria-labelledby": "verdict-title" }, [
    banner(report),
    report.verdict === "verified" ? null : caution(report.verdict),
    answers(report, listedName),
    report.credential ? statement(report.credential, 2, issuerKnown(report)) : null,
    el("h2", { text: "Checks" }),
    checkList(report.checks),
    ...childGroups(report.children ?? [], 2),
    el("h2", { text: "Addresses contacted" }),
    lookupList(report.lookups ?? []),
    rawReport(report),
  ]);
}

/** A message shown instead of a report when the check could not run at all. */
export function renderFailure(error) {
  return el("div", { class: "banner failure", role: "alert" }, [
    el("p", { class: "verdict", text: "The check could not run." }),
    el("p", { text: error?.message ?? String(error) }),
  ]);
}

function banner(report) {
  const [symbol, words, kind] = VERDICTS[report.verdict] ?? ["?", report.verdict, "incomplete"];
  return el("div", { class: `banner ${kind}`, "data-verdict": report.verdict }, [
    el("p", { class: "verdict", id: "verdict-title" }, [
      el("span", { class: "symbol", "aria-hidden": "true", text: symbol }),
      ` ${words}`,
    ]),
    el("p", { class: "headline", text: report.headline }),
  ]);
}

/** The answers to what the reader asked (recipient, trusted issuer), next to the verdict. */
function answers(report, listedName) {
  const asked = report.checks.filter((check) => ANSWERS[check.id]);
  if (asked.length === 0) return null;
  const issuerId = report.credential?.issuer?.id;
  const issuer = (issuerId ? listedName(issuerId) : undefined) ?? issuerId ?? "on your list";
  return el("ul", { class: "answers", "aria-label": "Your questions" }, asked.map((check) => {
    const title = ANSWERS[check.id](check.outcome, issuer);
    return el("li", { class: `answer ${check.outcome}`, "data-answer": check.id, "data-outcome": check.outcome }, [
      el("span", { class: "symbol", "aria-hidden": "true", text: SYMBOLS[check.outcome] ?? "?" }),
      el("span", { class: "answer-title", text: title }),
      el("span", { class: "message", text: check.message }),
    ]);
  }));
}

function caution(verdict) {
  const text =
    verdict === "invalid"
      ? "Do not rely on what this record says: it failed a check."
      : "What this record says could not be fully confirmed.";
  return el("p", { class: "caution", text });
}

/** Whether the reader's own trusted list recognises the issuer. */
function issuerKnown(report) {
  return report.checks.some((check) => check.id === "trust" && check.outcome === "pass");
}

/**
 * "Who issued what to whom and when", then the details as a list. Names are
 * what the record states; unless the reader's list knows the issuer, say so.
 */
function statement(credential, level, known) {
  const issuer = partyName(credential.issuer, "an unnamed issuer");
  const subject = partyName(credential.subject, "an unnamed recipient");
  const what = credential.achievement?.name ?? credential.name ?? label(FAMILIES, credential.family);
  const when = credential.validFrom ? ` on ${formatDate(credential.validFrom)}` : "";
  return el("section", { class: "statement" }, [
    el(heading(level), { text: "What it says" }),
    el("p", { class: "sentence", text: `${issuer} issued “${what}” to ${subject}${when}.` }),
    known ? null : el("p", { class: "note", text: NAME_NOTE }),
    details(credential),
  ]);
}

const NAME_NOTE =
  "Names are as the record states them: the checks prove who signed it (the identifier under " +
  "“Issued by”), not that the name belongs to them. Add issuers you know to your trusted list " +
  "to have them recognised.";

function details(credential) {
  const rows = [
    ["Record", credential.name],
    ["Kind", FAMILIES[credential.family] ?? credential.family],
    ["Issued by", partyLine(credential.issuer)],
    ["Issued to", partyLine(credential.subject)],
    ["Achievement", credential.achievement?.name],
    ["Type of achievement", credential.achievement?.achievementType],
    ["Description", credential.achievement?.description],
    ["Criteria", credential.achievement?.criteria],
    ["Valid from", credential.validFrom && formatDate(credential.validFrom)],
    ["Valid until", credential.validUntil && formatDate(credential.validUntil)],
    ["Identifier", credential.id],
  ];
  const present = rows.filter(([, value]) => value);
  return el("dl", { class: "facts" }, present.flatMap(([term, value]) => [
    el("dt", { text: term }),
    el("dd", { text: value }),
  ]));
}

function checkList(checks) {
  return el("ul", { class: "checks" }, checks.map(checkItem));
}

function checkItem(check) {
  const about = label(CHECKS, check.id) + (check.target ? ` (${check.target})` : "");
  return el("li", { class: `check ${check.outcome}`, "data-check": check.id, "data-outcome": check.outcome }, [
    el("span", { class: "outcome", text: label(OUTCOMES, check.outcome) }),
    el("span", { class: "about", text: about }),
    el("span", { class: "message", text: check.message }),
    check.problem ? problemDetails(check.problem) : null,
  ]);
}

function problemDetails(problem) {
  const code = problem.w3c ? `${problem.code} (${problem.w3c})` : problem.code;
  return el("details", { class: "problem" }, [
    el("summary", { text: "Technical detail" }),
    el("p", {}, [el("code", { text: code }), `: ${problem.detail}`]),
  ]);
}

function childGroups(children, level) {
  const relations = [...new Set(children.map((child) => child.relation))];
  return relations.map((relation) => {
    const members = children.filter((child) => child.relation === relation);
    return el("section", { class: "children", "data-relation": relation }, [
      el(heading(level), { text: `${label(RELATIONS, relation)} (${members.length})` }),
      el("ol", {}, members.map((child) => el("li", {}, [childCard(child, level + 1)]))),
    ]);
  });
}

function childCard(child, level) {
  const report = child.report;
  const credential = report.credential;
  const title = credential?.achievement?.name ?? credential?.name ?? child.pointer;
  const [symbol, words, kind] = VERDICTS[report.verdict] ?? ["?", report.verdict, "incomplete"];
  return el("article", { class: `child ${kind}`, "data-verdict": report.verdict, "data-pointer": child.pointer }, [
    el(heading(level), { class: "child-title", text: title }),
    el("p", { class: "child-verdict" }, [
      el("span", { class: "badge" }, [el("span", { "aria-hidden": "true", text: symbol }), ` ${words}`]),
      el("span", { class: "child-headline", text: ` ${report.headline}` }),
    ]),
    credential ? el("p", { class: "child-who", text: whoLine(credential) }) : null,
    el("details", { class: "child-checks", open: report.verdict !== "verified" }, [
      el("summary", { text: `Checks for this credential (${report.checks.length})` }),
      checkList(report.checks),
      ...childGroups(report.children ?? [], level + 1),
    ]),
  ]);
}

function whoLine(credential) {
  const issuer = partyName(credential.issuer, "an unnamed issuer");
  const from = credential.validFrom ? `, ${formatDate(credential.validFrom)}` : "";
  return `Issued by ${issuer}${from}.`;
}

function lookupList(lookups) {
  if (lookups.length === 0) {
    return el("p", { class: "lookups-none", text: "None: everything was checked inside this page." });
  }
  return el("ul", { class: "lookups" }, lookups.map((lookup) =>
    el("li", { class: `lookup ${lookup.outcome}` }, [
      el("span", { class: "url", text: lookup.url }),
      el("span", { class: "purpose", text: ` ${lookup.purpose}: ${label(LOOKUPS, lookup.outcome)}` }),
      lookup.detail ? el("span", { class: "detail", text: ` (${lookup.detail})` }) : null,
    ])));
}

function rawReport(report) {
  return el("details", { class: "raw" }, [
    el("summary", { text: "The full report (JSON)" }),
    el("pre", { text: JSON.stringify(report, null, 2) }),
  ]);
}

function partyName(party, fallback) {
  return party?.name ?? party?.id ?? fallback;
}

function partyLine(party) {
  if (!party) return undefined;
  if (party.name && party.id) return `${party.name} (${party.id})`;
  return party.name ?? party.id;
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** A date as people read it (UTC), keeping the text as written when it does not parse. */
function formatDate(text) {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : `${DATE_FORMAT.format(time)} UTC`;
}

function heading(level) {
  return `h${Math.min(level, 6)}`;
}
