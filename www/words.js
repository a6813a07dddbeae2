// The page's own words: the answers to what the reader asked. Verdicts,
// outcomes, checks and the rest come from the element's message tables
// (pkg/element/messages/).

/** Check outcome → a symbol shown beside the words (never alone). */
export const SYMBOLS = { pass: "✓", fail: "✗", warn: "!", unknown: "?", skip: "–" };

/**
 * Checks the reader asks for → the short answer for an outcome. `issuer` is
 * the name the reader's own list gives the issuer (or its id), never the
 * name the record claims for itself.
 */
export const ANSWERS = {
  recipient: (outcome) =>
    ({
      pass: "Issued to this applicant",
      fail: "Issued to someone else",
    })[outcome] ?? "Cannot tell whether it was issued to this applicant",
  trust: (outcome, issuer) => (outcome === "pass" ? `Known issuer: ${issuer}` : "Not in your trusted list"),
};
