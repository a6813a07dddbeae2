//! The JSON Canonicalization Scheme ([RFC 8785]): the one text a JSON value
//! serialises to, as ECMAScript's `JSON.stringify` would write it with
//! object members sorted by their UTF-16 code units.
//!
//! [RFC 8785]: https://www.rfc-editor.org/rfc/rfc8785

use std::fmt::Write;

use serde_json::{Map, Number, Value};

use super::error::CanonError;

/// The largest integer magnitude below which every integer is exactly an
/// IEEE 754 double (2^53).
const EXACT_INTEGER_LIMIT: i128 = 1 << 53;

/// The canonical JSON text of `value` ([RFC 8785 §3.2]).
///
/// Fails with [`CanonError::NumberOutOfRange`] for an integer that an IEEE
/// 754 double cannot hold exactly: JCS (and the ECMAScript signer it models)
/// would silently round it, so two different documents would share one
/// signature.
///
/// [RFC 8785 §3.2]: https://www.rfc-editor.org/rfc/rfc8785#section-3.2
pub fn jcs(value: &Value) -> Result<String, CanonError> {
    let mut text = String::new();
    write_value(value, &mut text)?;
    Ok(text)
}

fn write_value(value: &Value, text: &mut String) -> Result<(), CanonError> {
    match value {
        Value::Null => text.push_str("null"),
        Value::Bool(true) => text.push_str("true"),
        Value::Bool(false) => text.push_str("false"),
        Value::Number(number) => text.push_str(&number_text(double(number)?)),
        Value::String(string) => write_string(string, text),
        Value::Array(items) => write_array(items, text)?,
        Value::Object(members) => write_object(members, text)?,
    }
    Ok(())
}

fn write_array(items: &[Value], text: &mut String) -> Result<(), CanonError> {
    text.push('[');
    for (position, item) in items.iter().enumerate() {
        if position > 0 {
            text.push(',');
        }
        write_value(item, text)?;
    }
    text.push(']');
    Ok(())
}

/// Members sorted by the UTF-16 code units of their names
/// ([RFC 8785 §3.2.3](https://www.rfc-editor.org/rfc/rfc8785#section-3.2.3)).
fn write_object(members: &Map<String, Value>, text: &mut String) -> Result<(), CanonError> {
    let mut sorted: Vec<(&String, &Value)> = members.iter().collect();
    sorted.sort_by(|(a, _), (b, _)| a.encode_utf16().cmp(b.encode_utf16()));

    text.push('{');
    for (position, (name, value)) in sorted.into_iter().enumerate() {
        if position > 0 {
            text.push(',');
        }
        write_string(name, text);
        text.push(':');
        write_value(value, text)?;
    }
    text.push('}');
    Ok(())
}

/// A string as `JSON.stringify` writes it
/// ([RFC 8785 §3.2.2.2](https://www.rfc-editor.org/rfc/rfc8785#section-3.2.2.2)):
/// only `"`, `\` and control characters are escaped, the five with short
/// forms by them, the rest as `\u00xx` in lower-case hex.
fn write_string(string: &str, text: &mut String) {
    text.push('"');
    for character in string.chars() {
        match character {
            '"' => text.push_str("\\\""),
            '\\' => text.push_str("\\\\"),
            '\u{8}' => text.push_str("\\b"),
            '\t' => text.push_str("\\t"),
            '\n' => text.push_str("\\n"),
            '\u{c}' => text.push_str("\\f"),
            '\r' => text.push_str("\\r"),
            control if control < ' ' => {
                // Writing to a String cannot fail.
                let _ = write!(text, "\\u{:04x}", u32::from(control));
            }
            other => text.push(other),
        }
    }
    text.push('"');
}

/// The number as the double a JSON parser in ECMAScript would hold.
fn double(number: &Number) -> Result<f64, CanonError> {
    let out_of_range = || CanonError::NumberOutOfRange {
        number: number.to_string(),
    };

    let integer = number
        .as_i64()
        .map(i128::from)
        .or_else(|| number.as_u64().map(i128::from));
    match integer {
        Some(integer) if integer.abs() > EXACT_INTEGER_LIMIT => Err(out_of_range()),
        #[allow(clippy::cast_precision_loss, reason = "exact: |integer| <= 2^53")]
        Some(integer) => Ok(integer as f64),
        None => number
            .as_f64()
            .filter(|double| double.is_finite())
            .ok_or_else(out_of_range),
    }
}

/// ECMAScript `Number::toString` of a finite double
/// ([ECMA-262 §6.1.6.1.20](https://tc39.es/ecma262/#sec-numeric-types-number-tostring)),
/// which RFC 8785 §3.2.2.3 adopts.
fn number_text(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    if value < 0.0 {
        return format!("-{}", number_text(-value));
    }

    let (digits, point) = shortest_digits(value);
    place_point(&digits, point)
}

/// The shortest decimal digits that round-trip to `value`, closest to it
/// when several are equally short and even when two are equally close
/// (ECMA-262 step 5), and `n`: the value is `0.digits × 10^n`.
///
/// Rust's `{:e}` gives the shortest closest digits but resolves an exact
/// tie upwards, so a tie is detected and resolved to the even neighbour.
fn shortest_digits(value: f64) -> (String, i32) {
    let (digits, n) = scientific_digits(&format!("{value:e}"));
    let odd = digits.bytes().last().is_some_and(|last| last % 2 == 1);
    if !odd {
        return (digits, n);
    }

    match even_tie_neighbour(value, &digits, n) {
        Some(even) => (even, n),
        None => (digits, n),
    }
}

/// Digits and `n` of Rust's scientific notation (`d.ddde±x`).
fn scientific_digits(scientific: &str) -> (String, i32) {
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((scientific, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i32 = exponent.parse().unwrap_or(0);
    (digits, exponent + 1)
}

/// When `value` lies exactly halfway between two decimals of `digits`'
/// length that both round-trip, the one whose last digit is even.
fn even_tie_neighbour(value: f64, digits: &str, n: i32) -> Option<String> {
    // 800 significant digits exceed the longest exact expansion of a double.
    let (exact, _) = scientific_digits(&format!("{value:.800e}"));
    let exact = exact.trim_end_matches('0');
    let (below, half) = exact.split_at_checked(digits.len())?;
    if half != "5" {
        return None;
    }

    let above = increment(below)?;
    let even = if below.ends_with(['0', '2', '4', '6', '8']) {
        below.to_owned()
    } else {
        above
    };
    let round_trips = format!("0.{even}e{n}")
        .parse::<f64>()
        .is_ok_and(|back| back == value);
    round_trips.then_some(even)
}

/// The decimal digit string plus one in its last place, if no digit is
/// added by the carry.
fn increment(digits: &str) -> Option<String> {
    let mut bytes = digits.as_bytes().to_vec();
    for byte in bytes.iter_mut().rev() {
        if *byte == b'9' {
            *byte = b'0';
        } else {
            *byte += 1;
            return String::from_utf8(bytes).ok();
        }
    }
    None
}

/// Steps 6–10 of `Number::toString`: `k` digits and decimal exponent `n`.
fn place_point(digits: &str, n: i32) -> String {
    let k = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    let zeros = |count: i32| "0".repeat(usize::try_from(count).unwrap_or(0));

    if k <= n && n <= 21 {
        return format!("{digits}{}", zeros(n - k));
    }
    if 0 < n && n <= 21 {
        let (whole, fraction) = digits.split_at(usize::try_from(n).unwrap_or(0));
        return format!("{whole}.{fraction}");
    }
    if -6 < n && n <= 0 {
        return format!("0.{}{digits}", zeros(-n));
    }
    exponential(digits, n - 1)
}

fn exponential(digits: &str, exponent: i32) -> String {
    let sign = if exponent < 0 { '-' } else { '+' };
    let magnitude = exponent.unsigned_abs();
    let mut characters = digits.chars();
    let first = characters.next().unwrap_or('0');
    let rest = characters.as_str();
    if rest.is_empty() {
        format!("{first}e{sign}{magnitude}")
    } else {
        format!("{first}.{rest}e{sign}{magnitude}")
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    reason = "test"
)]
mod tests {
    use super::*;
    use serde_json::json;

    /// RFC 8785 Appendix B: IEEE 754 bit patterns and their JCS text.
    const APPENDIX_B: &[(u64, &str)] = &[
        (0x0000000000000000, "0"),
        (0x8000000000000000, "0"),
        (0x0000000000000001, "5e-324"),
        (0x8000000000000001, "-5e-324"),
        (0x7fefffffffffffff, "1.7976931348623157e+308"),
        (0xffefffffffffffff, "-1.7976931348623157e+308"),
        (0x4340000000000000, "9007199254740992"),
        (0xc340000000000000, "-9007199254740992"),
        (0x4430000000000000, "295147905179352830000"),
        (0x44b52d02c7e14af5, "9.999999999999997e+22"),
        (0x44b52d02c7e14af6, "1e+23"),
        (0x44b52d02c7e14af7, "1.0000000000000001e+23"),
        (0x444b1ae4d6e2ef4e, "999999999999999700000"),
        (0x444b1ae4d6e2ef4f, "999999999999999900000"),
        (0x444b1ae4d6e2ef50, "1e+21"),
        (0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"),
        (0x3eb0c6f7a0b5ed8d, "0.000001"),
        (0x41b3de4355555553, "333333333.3333332"),
        (0x41b3de4355555554, "333333333.33333325"),
        (0x41b3de4355555555, "333333333.3333333"),
        (0x41b3de4355555556, "333333333.3333334"),
        (0x41b3de4355555557, "333333333.33333343"),
        (0xbecbf647612f3696, "-0.0000033333333333333333"),
        (0x43143ff3c1cb0959, "1424953923781206.2"),
    ];

    #[test]
    fn numbers_follow_ecmascript() {
        for (bits, expected) in APPENDIX_B {
            assert_eq!(number_text(f64::from_bits(*bits)), *expected, "{bits:#x}");
        }
    }

    #[test]
    fn numbers_from_json_text() {
        let value: Value =
            serde_json::from_str("[1.0, -0.0, 1e2, 0.1, 1E-7, 123e18, 4.5e-6]").unwrap();
        assert_eq!(
            jcs(&value).unwrap(),
            "[1,0,100,0.1,1e-7,123000000000000000000,0.0000045]"
        );
    }

    #[test]
    fn number_extremes_and_notation_switches() {
        let value: Value = serde_json::from_str(
            "[5e-324, -5e-324, 1.7976931348623157e308, 1e20, 1e21, 1e-6, 1e-7, -1.5, 9007199254740991, 2.2250738585072014e-308]",
        )
        .unwrap();
        assert_eq!(
            jcs(&value).unwrap(),
            "[5e-324,-5e-324,1.7976931348623157e+308,100000000000000000000,1e+21,0.000001,1e-7,-1.5,9007199254740991,2.2250738585072014e-308]"
        );
    }

    #[test]
    fn line_separators_and_non_bmp_characters_are_not_escaped() {
        let value = json!("\u{2028}\u{2029}\u{10ffff}");
        assert_eq!(jcs(&value).unwrap(), "\"\u{2028}\u{2029}\u{10ffff}\"");
    }

    #[test]
    fn integers_beyond_2_pow_53_are_refused() {
        assert_eq!(
            jcs(&json!(9007199254740992_i64)).unwrap(),
            "9007199254740992"
        );
        assert_eq!(
            jcs(&json!(-9007199254740992_i64)).unwrap(),
            "-9007199254740992"
        );
        assert!(matches!(
            jcs(&json!(9007199254740993_u64)),
            Err(CanonError::NumberOutOfRange { .. })
        ));
        assert!(jcs(&json!(u64::MAX)).is_err());
        assert!(jcs(&json!(i64::MIN)).is_err());
    }

    #[test]
    fn strings_escape_only_what_json_stringify_escapes() {
        let value = json!("\u{0}\u{8}\t\n\u{b}\u{c}\r\"\\/\u{1f}\u{7f}é€😀");
        let expected = "\"\\u0000\\b\\t\\n\\u000b\\f\\r\\\"\\\\/\\u001f\u{7f}é€😀\"";
        assert_eq!(jcs(&value).unwrap(), expected);
    }

    #[test]
    fn members_sort_by_utf16_code_units() {
        // RFC 8785 §3.2.3: U+1F600 sorts before U+FB33 in UTF-16.
        let value = json!({
            "\u{20ac}": "Euro Sign", "\r": "Carriage Return", "\u{fb33}": "Hebrew Letter Dalet With Dagesh",
            "1": "One", "\u{1f600}": "Emoji: Grinning Face", "\u{80}": "Control", "\u{f6}": "Latin Small Letter O With Diaeresis"
        });
        let names: Vec<String> = {
            let text = jcs(&value).unwrap();
            let parsed: Map<String, Value> = serde_json::from_str(&text).unwrap();
            parsed.keys().cloned().collect()
        };
        let expected = [
            "\r",
            "1",
            "\u{80}",
            "\u{f6}",
            "\u{20ac}",
            "\u{1f600}",
            "\u{fb33}",
        ];
        assert_eq!(names, expected);
    }

    #[test]
    fn rfc_8785_example_structure() {
        let value: Value = serde_json::from_str(
            r#"{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
                "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
                "literals": [null, true, false]}"#,
        )
        .unwrap();
        let expected = r#"{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}"#;
        assert_eq!(jcs(&value).unwrap(), expected);
    }
}
