// The checks of a report as a list, and a nested credential's verdict with
// its checks folded away; every sentence in the reader's language, every
// state with words and a symbol (never colour alone).

import { el } from "./dom.js";
import { checkSentence } from "./i18n.js";

/** Verdict → symbol shown beside its words (never colour alone). */
export const VERDICT_SYMBOLS = { verified: "✓", invalid: "✗", incomplete: "?" };

/** Check outcome → symbol shown beside its words. */
export const OUTCOME_SYMBOLS = { pass: "✓", fail: "✗", warn: "!", unknown: "?", skip: "–" };

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
    el("span", { class: "about", text: ` ${about}${t("ui.colon")}` }),
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

/** One nested credential's verdict, with its checks folded away (open when not verified). */
export function childSummary(report, title, t) {
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
