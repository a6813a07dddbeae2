//! The public result shape: a [`Report`] per credential, made of [`Check`]s.
//!
//! A report is plain data. It serialises to the same JSON from the CLI
//! (`--json`) and from JavaScript, so its field names are part of the API.

use serde::Serialize;

/// The overall answer for one credential, as described in DESIGN.md §1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Every required check passed; warnings are allowed.
    Verified,
    /// At least one check found that the record is not genuine or not valid.
    Invalid,
    /// Nothing failed, but something required could not be checked.
    Incomplete,
}

/// The outcome of one check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The check ran and found nothing wrong.
    Pass,
    /// The check found that the record is not genuine or not valid.
    Fail,
    /// The check passed with a reservation the reader should know about.
    Warn,
    /// The check could not be completed (for example offline).
    Unknown,
    /// The check does not apply to this record.
    Skip,
}

/// The stable identifiers of the checks; part of the public API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckId {
    /// The input could be read as a credential.
    Parse,
    /// The JSON-LD contexts are known and every term is defined.
    Context,
    /// The credential has the types its family requires.
    Type,
    /// The cryptographic proof verifies.
    Proof,
    /// The signing key belongs to the issuer.
    IssuerKey,
    /// The credential is within its validity period.
    Validity,
    /// The credential is not revoked or suspended.
    Status,
    /// The credential has the structure its schema requires.
    Schema,
    /// Every credential nested in a CLR verifies.
    Nested,
    /// Every endorsement verifies.
    Endorsements,
    /// The credential was issued to the expected recipient.
    Recipient,
    /// The issuer's refresh service was asked for a newer version.
    Refresh,
    /// The issuer is in the caller's list of trusted issuers.
    Trust,
}

/// A machine-readable description of what went wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Stable snake_case code of this project, for example `undefined_term`.
    pub code: &'static str,
    /// The W3C problem type this maps to, for example
    /// `CRYPTOGRAPHIC_SECURITY_ERROR`, when one fits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub w3c: Option<&'static str>,
    /// Technical detail for developers (the check's message is for everyone).
    pub detail: String,
}

/// One check with its outcome and a plain-language sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    /// Which check this is.
    pub id: CheckId,
    /// What it found.
    pub outcome: Outcome,
    /// One sentence a non-technical reader understands.
    pub message: String,
    /// What part of the credential this entry is about, when a check runs
    /// more than once (for example `proof[1]` or a status entry).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// Present whenever the outcome is not `pass`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<Problem>,
}

impl Check {
    /// A passing check.
    pub fn pass(id: CheckId, message: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Pass,
            message: message.into(),
            target: None,
            problem: None,
        }
    }

    /// A check that does not apply, with the reason in the message.
    pub fn skip(id: CheckId, message: impl Into<String>) -> Self {
        Self {
            id,
            outcome: Outcome::Skip,
            message: message.into(),
            target: None,
            problem: None,
        }
    }

    /// A check with a problem: `fail`, `warn` or `unknown`.
    pub fn with_problem(
        id: CheckId,
        outcome: Outcome,
        message: impl Into<String>,
        problem: Problem,
    ) -> Self {
        Self {
            id,
            outcome,
            message: message.into(),
            target: None,
            problem: Some(problem),
        }
    }

    /// The same check, about one part of the credential.
    pub fn on(mut self, target: impl Into<String>) -> Self {
        self.target = Some(target.into());
        self
    }
}

impl Problem {
    /// A problem with a project code and no W3C type.
    pub fn new(code: &'static str, detail: impl Into<String>) -> Self {
        Self {
            code,
            w3c: None,
            detail: detail.into(),
        }
    }

    /// The same problem, mapped to a W3C problem type.
    pub fn w3c(mut self, kind: &'static str) -> Self {
        self.w3c = Some(kind);
        self
    }
}

/// A person or organisation named in a credential.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Party {
    /// The identifier (a DID or URL), when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The display name, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// What the credential says, for display. Untrusted until the verdict says
/// otherwise; the page renders it as text only.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The credential's `id`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The credential's `type` values.
    pub types: Vec<String>,
    /// `OpenBadgeCredential`, `ClrCredential`, `EndorsementCredential`,
    /// `VerifiablePresentation` or `VerifiableCredential`.
    pub family: String,
    /// The credential's own name, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Who issued it.
    pub issuer: Party,
    /// Who it was issued to.
    pub subject: Party,
    /// The achievement it records (OB 3.0), when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement: Option<AchievementSummary>,
    /// `validFrom` or `issuanceDate`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_from: Option<String>,
    /// `validUntil` or `expirationDate`, as written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<String>,
}

impl Summary {
    /// Makes every text printable (see [`Report::make_printable`]).
    fn make_printable(&mut self) {
        use crate::printable::make_printable as fix;
        let achievement = self.achievement.as_mut();
        let texts = [
            &mut self.id,
            &mut self.name,
            &mut self.valid_from,
            &mut self.valid_until,
        ]
        .into_iter()
        .chain([&mut self.issuer.id, &mut self.issuer.name])
        .chain([&mut self.subject.id, &mut self.subject.name])
        .flatten();
        texts.for_each(fix);
        self.types.iter_mut().for_each(fix);
        if let Some(achievement) = achievement {
            let fields = [
                &mut achievement.id,
                &mut achievement.name,
                &mut achievement.description,
                &mut achievement.criteria,
                &mut achievement.achievement_type,
            ];
            fields.into_iter().flatten().for_each(fix);
        }
    }
}

/// The achievement of an OB 3.0 credential, for display.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AchievementSummary {
    /// The achievement's `id`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its criteria narrative, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<String>,
    /// Its `achievementType`, when present.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub achievement_type: Option<String>,
}

/// How a child credential relates to its parent.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A credential nested in a CLR (`credentialSubject.verifiableCredential`).
    Nested,
    /// An endorsement credential embedded in the parent.
    Endorsement,
    /// A credential carried by a Verifiable Presentation.
    Presented,
    /// The newer version the issuer's refresh service returned.
    Refreshed,
}

/// A credential found inside another, with its own report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Child {
    /// JSON pointer (RFC 6901) to the child inside the parent.
    pub pointer: String,
    /// How it relates to the parent.
    pub relation: Relation,
    /// Its own full report.
    pub report: Report,
}

/// What happened to one outside lookup (DID document, key, status list).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LookupOutcome {
    /// The document was fetched.
    Fetched,
    /// The fetch failed; `detail` says why.
    Failed,
    /// Lookups are switched off, so nothing was contacted.
    Offline,
}

/// One URL the verifier needed; every URL contacted is listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Lookup {
    /// The URL.
    pub url: String,
    /// Why it was needed, for example `did document` or `status list`.
    pub purpose: String,
    /// What happened.
    pub outcome: LookupOutcome,
    /// The reason, when the lookup failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// The verification report for one credential or presentation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The overall answer.
    pub verdict: Verdict,
    /// One sentence that sums up the verdict for a non-technical reader.
    pub headline: String,
    /// The form the record came in: `json`, `jwt`, `png`, `svg`; `embedded`
    /// for a record inside another; `link` when a link could not be opened.
    pub source: String,
    /// The address the record was fetched from, when the input was a link.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// What the credential says, when it could be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credential: Option<Summary>,
    /// Every check that ran, in order.
    pub checks: Vec<Check>,
    /// Credentials inside this one, each with its own report.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Child>,
    /// Every URL this verification needed (top-level report only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub lookups: Vec<Lookup>,
    /// The credential or presentation as it was read (JSON, also when it
    /// came in a JWT or a baked image); only with `include_document`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<serde_json::Value>,
}

impl Report {
    /// A report whose verdict follows from its checks (see [`verdict_of`]).
    pub fn from_checks(
        source: impl Into<String>,
        summary: Option<Summary>,
        checks: Vec<Check>,
    ) -> Self {
        let verdict = verdict_of(&checks);
        Self {
            verdict,
            headline: headline_of(verdict, &checks),
            source: source.into(),
            url: None,
            credential: summary,
            checks,
            children: Vec::new(),
            lookups: Vec::new(),
            document: None,
        }
    }

    /// Makes every text of this report and its children printable: control
    /// characters a record slipped into a name or id are shown as
    /// `[U+XXXX]`, and very long values are cut (see [`crate::printable`]).
    pub fn make_printable(&mut self) {
        use crate::printable::make_printable as fix;
        fix(&mut self.headline);
        for check in &mut self.checks {
            fix(&mut check.message);
            check.target.iter_mut().for_each(fix);
            if let Some(problem) = &mut check.problem {
                fix(&mut problem.detail);
            }
        }
        self.credential.iter_mut().for_each(Summary::make_printable);
        for lookup in &mut self.lookups {
            fix(&mut lookup.url);
            lookup.detail.iter_mut().for_each(fix);
        }
        for child in &mut self.children {
            fix(&mut child.pointer);
            child.report.make_printable();
        }
    }

    /// Recomputes the verdict and headline after checks were added.
    pub fn settle(&mut self) {
        self.verdict = verdict_of(&self.checks);
        self.headline = headline_of(self.verdict, &self.checks);
    }

    /// The checks with the given id.
    pub fn checks_for(&self, id: CheckId) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(move |check| check.id == id)
    }
}

/// Combines outcomes: any `fail` makes the verdict `invalid`; otherwise any
/// `unknown` makes it `incomplete`; otherwise it is `verified`.
pub fn verdict_of(checks: &[Check]) -> Verdict {
    if checks.iter().any(|check| check.outcome == Outcome::Fail) {
        return Verdict::Invalid;
    }
    if checks.iter().any(|check| check.outcome == Outcome::Unknown) {
        return Verdict::Incomplete;
    }
    Verdict::Verified
}

fn headline_of(verdict: Verdict, checks: &[Check]) -> String {
    let first = |outcome| checks.iter().find(|check| check.outcome == outcome);
    match verdict {
        Verdict::Verified => match first(Outcome::Warn) {
            Some(check) => format!("Verified, with a note: {}", check.message),
            None => "Verified: this record is genuine, current and unchanged.".into(),
        },
        Verdict::Invalid => match first(Outcome::Fail) {
            Some(check) => format!("Not valid: {}", check.message),
            None => "Not valid.".into(),
        },
        Verdict::Incomplete => match first(Outcome::Unknown) {
            Some(check) => format!("Could not be fully checked: {}", check.message),
            None => "Could not be fully checked.".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(outcome: Outcome) -> Check {
        let problem = Problem::new("example", "detail");
        Check::with_problem(CheckId::Proof, outcome, "Example.", problem)
    }

    #[test]
    fn a_failure_outweighs_an_unknown() {
        let checks = [
            check(Outcome::Unknown),
            check(Outcome::Fail),
            check(Outcome::Pass),
        ];
        assert_eq!(verdict_of(&checks), Verdict::Invalid);
    }

    #[test]
    fn an_unknown_makes_it_incomplete() {
        let checks = [
            check(Outcome::Pass),
            check(Outcome::Warn),
            check(Outcome::Unknown),
        ];
        assert_eq!(verdict_of(&checks), Verdict::Incomplete);
    }

    #[test]
    fn warnings_and_skips_still_verify() {
        let checks = [
            check(Outcome::Pass),
            check(Outcome::Warn),
            check(Outcome::Skip),
        ];
        assert_eq!(verdict_of(&checks), Verdict::Verified);
    }

    #[test]
    fn serialises_with_stable_names() {
        let report = Report::from_checks("json", None, vec![check(Outcome::Fail)]);
        let json = serde_json::to_value(&report).unwrap_or_default();
        assert_eq!(json["verdict"], "invalid");
        assert_eq!(json["checks"][0]["id"], "proof");
        assert_eq!(json["checks"][0]["problem"]["code"], "example");
    }
}
