//! The `validity` check: the record is within its validity period at the
//! injected instant.
//!
//! VC 2.0 `validFrom`/`validUntil` ([§4.9](https://www.w3.org/TR/vc-data-model-2.0/#validity-period));
//! VC 1.1 `issuanceDate` (required) and `expirationDate`. Dates are XSD
//! dateTime values compared as instants; a malformed date is a failure,
//! never "not expired".

use serde_json::Value;

use crate::datetime::{self, Instant};
use crate::report::{Check, CheckId, Outcome, Problem};

/// Runs the `validity` check at `now`.
pub fn run(document: &Value, now: Instant) -> Vec<Check> {
    let v1 = is_vc_1_1(document);
    let (from_name, until_name) = if v1 {
        ("issuanceDate", "expirationDate")
    } else {
        ("validFrom", "validUntil")
    };

    let from = match read(document, from_name) {
        Ok(from) => from,
        Err(check) => return vec![check],
    };
    let until = match read(document, until_name) {
        Ok(until) => until,
        Err(check) => return vec![check],
    };
    if v1 && from.is_none() {
        return vec![malformed(
            "issuanceDate",
            "the record has no issuanceDate, which VC 1.1 requires",
        )];
    }

    vec![judge(from, until, now)]
}

type Dated = Option<(Instant, String)>;

fn judge(from: Dated, until: Dated, now: Instant) -> Check {
    if let Some((start, text)) = &from {
        if now < *start {
            let message = format!(
                "The record is not valid yet: it becomes valid on {}.",
                day_of(text)
            );
            let problem =
                Problem::new("not_yet_valid", format!("valid from {text}")).w3c("RANGE_ERROR");
            return Check::with_problem(CheckId::Validity, Outcome::Fail, message, problem);
        }
    }
    if let Some((end, text)) = &until {
        if now > *end {
            let message = format!("The record expired on {}.", day_of(text));
            let problem = Problem::new("expired", format!("valid until {text}")).w3c("RANGE_ERROR");
            return Check::with_problem(CheckId::Validity, Outcome::Fail, message, problem);
        }
    }
    Check::pass(CheckId::Validity, current_message(&from, &until))
}

fn current_message(from: &Dated, until: &Dated) -> String {
    match (from, until) {
        (Some((_, start)), Some((_, end))) => {
            format!(
                "The record is current: valid from {} until {}.",
                day_of(start),
                day_of(end)
            )
        }
        (Some((_, start)), None) => format!(
            "The record is current: valid since {}, with no expiry date.",
            day_of(start)
        ),
        (None, Some((_, end))) => format!("The record is current: valid until {}.", day_of(end)),
        (None, None) => "The record states no validity period, so it does not expire.".into(),
    }
}

fn read(document: &Value, name: &'static str) -> Result<Dated, Check> {
    let Some(value) = document.get(name) else {
        return Ok(None);
    };
    let Some(text) = value.as_str() else {
        return Err(malformed(name, &format!("{name} is not a string")));
    };
    let zoned = name.starts_with("valid");
    if zoned && !datetime::has_time_zone(text) {
        let detail =
            format!("{name} {text:?} has no time zone, which VC 2.0 requires (xsd:dateTimeStamp)");
        return Err(malformed(name, &detail));
    }
    match datetime::parse(text) {
        Ok(instant) => Ok(Some((instant, text.to_owned()))),
        Err(error) => Err(malformed(
            name,
            &format!("{name} {text:?} is not a date and time: {error}"),
        )),
    }
}

fn malformed(name: &str, detail: &str) -> Check {
    let message = format!(
        "The record's {name} is not a valid date, so its validity period cannot be trusted."
    );
    let problem = Problem::new("malformed_date", detail).w3c("MALFORMED_VALUE_ERROR");
    Check::with_problem(CheckId::Validity, Outcome::Fail, message, problem)
}

fn is_vc_1_1(document: &Value) -> bool {
    crate::model::first_context(document) == Some("https://www.w3.org/2018/credentials/v1")
}

/// The date part of an XSD dateTime, for messages.
fn day_of(text: &str) -> &str {
    text.split('T').next().unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn outcome(document: Value, now: &str) -> (Outcome, Option<&'static str>) {
        let now = datetime::parse(now).unwrap_or(Instant::from_seconds(0));
        let checks = run(&document, now);
        let check = checks.into_iter().next();
        let code = check
            .as_ref()
            .and_then(|c| c.problem.as_ref())
            .map(|p| p.code);
        (check.map_or(Outcome::Skip, |c| c.outcome), code)
    }

    #[test]
    fn judges_the_period_as_instants() {
        let v2 = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "validFrom": "2024-01-01T00:00:00-08:00", "validUntil": "2025-01-01T00:00:00Z"});
        assert_eq!(
            outcome(v2.clone(), "2024-06-01T00:00:00Z"),
            (Outcome::Pass, None)
        );
        assert_eq!(
            outcome(v2.clone(), "2024-01-01T07:59:59Z"),
            (Outcome::Fail, Some("not_yet_valid"))
        );
        assert_eq!(
            outcome(v2, "2025-01-01T00:00:01Z"),
            (Outcome::Fail, Some("expired"))
        );
    }

    #[test]
    fn vc_1_1_needs_an_issuance_date() {
        let v1 = json!({"@context": ["https://www.w3.org/2018/credentials/v1"]});
        assert_eq!(
            outcome(v1, "2024-01-01T00:00:00Z"),
            (Outcome::Fail, Some("malformed_date"))
        );
        let dated = json!({"@context": ["https://www.w3.org/2018/credentials/v1"],
            "issuanceDate": "2020-01-01T00:00:00Z", "expirationDate": "2021-01-01T00:00:00Z"});
        assert_eq!(
            outcome(dated, "2022-01-01T00:00:00Z"),
            (Outcome::Fail, Some("expired"))
        );
    }

    #[test]
    fn vc_2_dates_need_a_time_zone() {
        let local = json!({"validFrom": "2024-01-01T00:00:00"});
        assert_eq!(
            outcome(local, "2025-01-01T00:00:00Z"),
            (Outcome::Fail, Some("malformed_date"))
        );
        let v1 = json!({"@context": ["https://www.w3.org/2018/credentials/v1"], "issuanceDate": "2024-01-01T00:00:00"});
        assert_eq!(outcome(v1, "2025-01-01T00:00:00Z"), (Outcome::Pass, None));
    }

    #[test]
    fn garbage_is_malformed_not_unexpired() {
        let garbage = json!({"validUntil": "soon-ish 2030-01-01T00:00:00Z"});
        assert_eq!(
            outcome(garbage, "2024-01-01T00:00:00Z"),
            (Outcome::Fail, Some("malformed_date"))
        );
    }
}
