//! The `type` check: the record declares the types its family requires.
//!
//! OB 3.0 §9.1 step 1 and the 1EdTech validator's type probe: `type` must
//! contain `VerifiableCredential` and, for a badge, `OpenBadgeCredential` or
//! its alias `AchievementCredential`.

use serde_json::Value;

use crate::model::{types_of, Family};
use crate::report::{Check, CheckId, Outcome, Problem};

/// Runs the `type` check.
pub fn run(document: &Value, family: Family) -> Vec<Check> {
    let types = types_of(document);
    if !types.iter().any(|t| t == "VerifiableCredential") {
        let message = "The record does not declare itself a Verifiable Credential.";
        let problem = Problem::new("not_a_credential", format!("type is {types:?}"))
            .w3c("MALFORMED_VALUE_ERROR");
        return vec![Check::with_problem(
            CheckId::Type,
            Outcome::Fail,
            message,
            problem,
        )];
    }

    let check = match family {
        Family::OpenBadge | Family::Clr | Family::Endorsement | Family::StatusList => {
            pass(family, &types)
        }
        _ => generic_note(),
    };
    vec![check]
}

/// Names the type as declared: `AchievementCredential` is the alias of
/// `OpenBadgeCredential`, and the reader should see which one is written.
fn pass(family: Family, types: &[String]) -> Check {
    let alias = family == Family::OpenBadge && !types.iter().any(|t| t == "OpenBadgeCredential");
    let declared = if alias {
        "AchievementCredential (an Open Badge)"
    } else {
        family.name()
    };
    Check::pass(CheckId::Type, format!("The record is typed as {declared}."))
}

fn generic_note() -> Check {
    let message = "This is a Verifiable Credential but not an Open Badge or CLR, so only the general checks apply.";
    let problem = Problem::new(
        "not_ob_or_clr",
        "type has neither OpenBadgeCredential, AchievementCredential nor ClrCredential",
    );
    Check::with_problem(CheckId::Type, Outcome::Warn, message, problem)
}
