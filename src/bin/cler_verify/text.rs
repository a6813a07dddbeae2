//! The short human summary printed per file.

use std::fmt::Write;

use cler_verifier::report::Child;
use cler_verifier::{Outcome, Report, Verdict};

/// A few lines per file: verdict, what it is, and every check not passed.
pub fn summary(file: &str, report: &Report) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{file}: {}", verdict_word(report.verdict));
    describe(&mut out, report, "  ");
    out
}

fn describe(out: &mut String, report: &Report, indent: &str) {
    let _ = writeln!(out, "{indent}{}", report.headline);
    if let Some(summary) = &report.credential {
        let what = summary.achievement.as_ref().and_then(|a| a.name.clone()).or_else(|| summary.name.clone());
        let issuer = summary.issuer.name.clone().or_else(|| summary.issuer.id.clone()).unwrap_or_default();
        let _ = writeln!(out, "{indent}{} \"{}\" from {issuer}", summary.family, what.unwrap_or_default());
    }
    for check in &report.checks {
        let mark = match check.outcome {
            Outcome::Pass => "ok  ",
            Outcome::Fail => "FAIL",
            Outcome::Warn => "note",
            Outcome::Unknown => "??  ",
            Outcome::Skip => "-   ",
        };
        let id = serde_json::to_value(check.id).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let _ = writeln!(out, "{indent}  {mark} {id}: {}", check.message);
    }
    for Child { pointer, report, .. } in &report.children {
        let _ = writeln!(out, "{indent}  {pointer}: {}", verdict_word(report.verdict));
        describe(out, report, &format!("{indent}    "));
    }
}

fn verdict_word(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Verified => "VERIFIED",
        Verdict::Invalid => "INVALID",
        Verdict::Incomplete => "INCOMPLETE",
    }
}
