// The report around a record: verdict and headline, the record, the
// checks, other credentials inside it and the addresses contacted. DOM from
// text only: the record is written by whoever sent it. `t` is a translator
// from i18n.js.

import { unfinished } from "./batches.js";
import { VERDICT_SYMBOLS, checkList, childSummary } from "./check-list.js";
import { el } from "./dom.js";
import { headline } from "./i18n.js";
import { recordName } from "./record-fields.js";
import { renderRecord } from "./record-view.js";

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
    compact || report.verdict === "verified" ? null : el("p", { class: "caution", text: t(cautionKey(report)) }),
    record,
    compact ? null : el("h3", { text: t("ui.checks") }),
    compact ? null : checkList(report.checks, t),
    ...(compact ? [] : otherChildren(report, t)),
    compact ? null : lookupList(report.lookups ?? [], t),
  ]);
  if (record && unfinished.has(record)) unfinished.set(article, unfinished.get(record));
  return article;
}

/** The warning under a verdict that is not "verified": input that held no record gets its own. */
export function cautionKey(report) {
  return holdsNoRecord(report) ? "ui.caution.unreadable" : `ui.caution.${report.verdict}`;
}

/** Whether the input held no record at all (its parse check failed). */
export function holdsNoRecord(report) {
  return report.checks.some((check) => check.id === "parse" && check.outcome === "fail");
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
