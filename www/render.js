// Turns a verification report into DOM, with text nodes only. The record,
// the checks and the words are the <cler-verifier> element's (one view, one
// set of message tables); this page adds the answers to what the reader
// asked, the other children and the lookups.
import { el } from "./dom.js";
import { rendered } from "./pkg/element/batches.js";
import { OUTCOME_SYMBOLS, VERDICT_SYMBOLS, checkList } from "./pkg/element/check-list.js";
import { cautionKey } from "./pkg/element/report-view.js";
import { renderRecord } from "./pkg/element/record-view.js";
import { checkSentence, headline } from "./pkg/element/i18n.js";
import { ANSWERS } from "./words.js";

export { rendered };

/**
 * The whole report of one input: verdict, the answers the reader asked for,
 * the record, checks, other children, lookups. `listedName(issuerId)` gives
 * the reader's own name for a trusted issuer; `t` is the words (i18n.js);
 * `index` tells apart the reports of several files.
 */
export function renderReport(report, listedName, t, index = 0) {
  const titleId = `verdict-title-${index}`;
  const record = renderRecord(report, t);
  const article = el("article", { class: "report", "aria-labelledby": titleId }, [
    banner(report, t, titleId),
    report.verdict === "verified" ? null : el("p", { class: "caution", text: t(cautionKey(report)) }),
    answers(report, listedName, t),
    record,
    el("h2", { text: t("ui.checks") }),
    checkList(report.checks, t),
    ...childGroups(report, t),
    el("h2", { text: t("ui.lookups") }),
    lookupList(report.lookups ?? [], t),
    rawReport(report, t),
  ]);
  if (record) rendered(record).then(() => article.setAttribute("data-rendered", ""));
  else article.setAttribute("data-rendered", "");
  return article;
}

/** A message shown instead of a report when the check could not run at all. */
export function renderFailure(error, t) {
  return el("div", { class: "banner failure", role: "alert" }, [
    el("p", { class: "verdict", text: t("ui.couldNotRun") }),
    el("p", { text: error?.message ?? String(error) }),
  ]);
}

function banner(report, t, titleId) {
  return el("div", { class: `banner ${report.verdict}`, "data-verdict": report.verdict }, [
    el("p", { class: "verdict", id: titleId }, [
      el("span", { class: "symbol", "aria-hidden": "true", text: VERDICT_SYMBOLS[report.verdict] ?? "?" }),
      ` ${t(`verdict.${report.verdict}`)}`,
    ]),
    el("p", { class: "headline", text: headline(report, t) }),
  ]);
}

/** The answers to what the reader asked (recipient, trusted issuer), next to the verdict. */
function answers(report, listedName, t) {
  const asked = report.checks.filter((check) => ANSWERS[check.id]);
  if (asked.length === 0) return null;
  const issuerId = report.credential?.issuer?.id;
  const issuer = (issuerId ? listedName(issuerId) : undefined) ?? issuerId ?? t("page.answer.onYourList");
  return el("ul", { class: "answers", "aria-label": t("page.answers") }, asked.map((check) => {
    const answer = ANSWERS[check.id](check.outcome, issuer);
    const title = t(answer.key, answer.values);
    return el("li", { class: `answer ${check.outcome}`, "data-answer": check.id, "data-outcome": check.outcome }, [
      el("span", { class: "symbol", "aria-hidden": "true", text: OUTCOME_SYMBOLS[check.outcome] ?? "?" }),
      el("span", { class: "answer-title", text: title }),
      el("span", { class: "message", text: checkSentence(check, t) }),
    ]);
  }));
}

/** Children the record view does not show (a CLR's nested ones are in its transcript). */
function childGroups(report, t) {
  const inTranscript = (child) => child.relation === "nested" && report.document;
  const children = (report.children ?? []).filter((child) => !inTranscript(child));
  const relations = [...new Set(children.map((child) => child.relation))];
  return relations.map((relation) => {
    const members = children.filter((child) => child.relation === relation);
    return el("section", { class: "children", "data-relation": relation }, [
      el("h2", { text: `${t(`relation.${relation}`)} (${members.length})` }),
      el("ol", {}, members.map((child) => el("li", {}, [childCard(child, t)]))),
    ]);
  });
}

function childCard(child, t) {
  const report = child.report;
  const title = report.credential?.achievement?.name ?? report.credential?.name ?? child.pointer;
  return el("article", { class: `child ${report.verdict}`, "data-verdict": report.verdict, "data-pointer": child.pointer }, [
    el("h3", { class: "child-title", text: title }),
    el("p", { class: "child-verdict" }, [
      el("span", { class: "badge" }, [
        el("span", { "aria-hidden": "true", text: VERDICT_SYMBOLS[report.verdict] ?? "?" }),
        ` ${t(`verdict.${report.verdict}`)}`,
      ]),
      el("span", { class: "child-headline", text: ` ${headline(report, t)}` }),
    ]),
    el("details", { class: "child-checks", open: report.verdict !== "verified" }, [
      el("summary", { text: t("ui.childChecks", { count: report.checks.length }) }),
      checkList(report.checks, t),
    ]),
  ]);
}

function lookupList(lookups, t) {
  if (lookups.length === 0) return el("p", { class: "lookups-none", text: t("ui.lookupsNone") });
  return el("ul", { class: "lookups" }, lookups.map((lookup) =>
    el("li", { class: `lookup ${lookup.outcome}` }, [
      el("span", { class: "url", text: lookup.url }),
      el("span", { class: "purpose", text: ` ${lookup.purpose}: ${t(`lookup.${lookup.outcome}`)}` }),
      lookup.detail ? el("span", { class: "detail", text: ` (${lookup.detail})` }) : null,
    ])));
}

function rawReport(report, t) {
  const { document, ...shown } = report;
  return el("details", { class: "raw" }, [
    el("summary", { text: t("ui.rawReport") }),
    el("pre", { text: JSON.stringify(shown, null, 2) }),
  ]);
}
