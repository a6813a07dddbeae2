// The page's own words: the answers to what the reader asked. Verdicts,
// outcomes, checks and the rest come from the element's message tables
// (pkg/element/messages/).

/**
 * Checks the reader asks for → the short answer for an outcome, as the key
 * and values of its words (the page.answer.* messages). `issuer` is the
 * name the reader's own list gives the issuer (or its id), never the name
 * the record claims for itself.
 */
export const ANSWERS = {
  recipient: (outcome) => ({
    key:
      { pass: "page.answer.recipient.pass", fail: "page.answer.recipient.fail" }[outcome] ??
      "page.answer.recipient.unknown",
  }),
  trust: (outcome, issuer) =>
    outcome === "pass" ? { key: "page.answer.trust.pass", values: { issuer } } : { key: "page.answer.trust.other" },
};
