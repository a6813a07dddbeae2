// The words the page uses for the report's stable identifiers.

/** Verdict → [symbol, short label, class]. Text, never colour alone. */
export const VERDICTS = {
  verified: ["✓", "Verified", "verified"],
  invalid: ["✗", "Not valid", "invalid"],
  incomplete: ["?", "Incomplete", "incomplete"],
};

/** Check outcome → label shown before the sentence. */
export const OUTCOMES = {
  pass: "Passed",
  fail: "Failed",
  warn: "Note",
  unknown: "Not checked",
  skip: "Not applicable",
};

/** Check id → what it is about, in plain words. */
export const CHECKS = {
  parse: "Reading the record",
  context: "Vocabulary",
  type: "Kind of credential",
  proof: "Signature",
  issuer_key: "Issuer's key",
  validity: "Dates",
  status: "Revocation",
  schema: "Structure",
  nested: "Credentials inside",
  endorsements: "Endorsements",
  recipient: "Recipient",
  trust: "Trusted issuer",
  refresh: "Newer version",
};

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

/** Credential family → what people call it. */
export const FAMILIES = {
  ClrCredential: "Comprehensive Learner Record (CLR 2.0)",
  OpenBadgeCredential: "Open Badge (3.0)",
  AchievementCredential: "Open Badge (3.0)",
  EndorsementCredential: "Endorsement",
  VerifiablePresentation: "Presentation of credentials",
  VerifiableCredential: "Verifiable credential",
};

/** Child relation → heading of the list of children. */
export const RELATIONS = {
  nested: "Achievements in this record",
  endorsement: "Endorsements",
  presented: "Credentials in this presentation",
  refreshed: "Newer version from the issuer",
};

/** Lookup outcome → label. */
export const LOOKUPS = {
  fetched: "fetched",
  failed: "failed",
  offline: "not contacted (offline)",
};

/** A label for a stable id this page does not know yet. */
export function label(table, id) {
  return table[id] ?? String(id).replaceAll("_", " ");
}
