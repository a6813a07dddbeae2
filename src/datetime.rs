//! XSD `dateTime` values as instants, for `validFrom`, `validUntil`,
//! `issuanceDate`, `expirationDate` and `created`.
//!
//! Grammar from [XSD 1.1 Part 2 §3.3.7](https://www.w3.org/TR/xmlschema11-2/#dateTime):
//! `-?YYYY-MM-DDThh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`. A value without a time zone
//! is read as UTC, which is what VC 1.1 issuers mean in practice. Anything
//! else, including surrounding spaces, is rejected with a reason.

/// An instant: whole seconds since 1970-01-01T00:00:00Z plus nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant {
    /// Seconds since the Unix epoch (negative before 1970).
    pub seconds: i64,
    /// Nanoseconds within the second (fraction digits past 9 are dropped).
    pub nanos: u32,
}

/// Why a string is not an XSD `dateTime`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateTimeError {
    /// What was wrong, lower-case.
    pub reason: &'static str,
}

impl std::fmt::Display for DateTimeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.reason)
    }
}

impl Instant {
    /// The instant `seconds` after the epoch.
    pub fn from_seconds(seconds: i64) -> Self {
        Self { seconds, nanos: 0 }
    }
}

/// Parses an XSD `dateTime`; fails with the first reason found.
pub fn parse(text: &str) -> Result<Instant, DateTimeError> {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, bytes.get(1..).unwrap_or_default()),
        _ => (false, bytes),
    };
    let mut cursor = Cursor { bytes: rest, at: 0 };

    let year = cursor.year()?;
    let year = if negative { -year } else { year };
    cursor.expect(b'-', "expected '-' after the year")?;
    let month = cursor.number(2, 1, 12, "month must be two digits from 01 to 12")?;
    cursor.expect(b'-', "expected '-' after the month")?;
    let day = cursor.number(2, 1, 31, "day must be two digits from 01 to 31")?;
    cursor.expect(b'T', "expected 'T' between date and time")?;
    let hour = cursor.number(2, 0, 24, "hour must be two digits from 00 to 24")?;
    cursor.expect(b':', "expected ':' after the hour")?;
    let minute = cursor.number(2, 0, 59, "minute must be two digits from 00 to 59")?;
    cursor.expect(b':', "expected ':' after the minutes")?;
    let second = cursor.number(2, 0, 59, "second must be two digits from 00 to 59")?;
    let nanos = cursor.fraction()?;
    let offset = cursor.zone()?;
    cursor.end()?;

    check_day(year, month, day)?;
    check_midnight(hour, minute, second, nanos)?;
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset;
    Ok(Instant { seconds, nanos })
}

/// Whether an XSD dateTime carries a time zone (`Z` or `±hh:mm`), as
/// `xsd:dateTimeStamp` (VC 2.0 `validFrom`/`validUntil`) requires.
pub fn has_time_zone(text: &str) -> bool {
    if text.ends_with('Z') {
        return true;
    }
    let bytes = text.as_bytes();
    let at = |back: usize| {
        bytes
            .len()
            .checked_sub(back)
            .and_then(|i| bytes.get(i))
            .copied()
    };
    matches!(at(6), Some(b'+' | b'-')) && at(3) == Some(b':')
}

struct Cursor<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn expect(&mut self, wanted: u8, reason: &'static str) -> Result<(), DateTimeError> {
        if self.peek() != Some(wanted) {
            return Err(DateTimeError { reason });
        }
        self.at += 1;
        Ok(())
    }

    fn digits(&mut self) -> &[u8] {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.bytes.get(start..self.at).unwrap_or_default()
    }

    fn year(&mut self) -> Result<i64, DateTimeError> {
        let digits = self.digits();
        let reason = "year must have at least four digits, without a leading zero past four";
        if digits.len() < 4
            || digits.len() > 9
            || (digits.len() > 4 && digits.first() == Some(&b'0'))
        {
            return Err(DateTimeError { reason });
        }
        Ok(value_of(digits))
    }

    fn number(
        &mut self,
        width: usize,
        low: i64,
        high: i64,
        reason: &'static str,
    ) -> Result<i64, DateTimeError> {
        let digits = self.digits();
        let value = value_of(digits);
        if digits.len() != width || value < low || value > high {
            return Err(DateTimeError { reason });
        }
        Ok(value)
    }

    fn fraction(&mut self) -> Result<u32, DateTimeError> {
        if self.peek() != Some(b'.') {
            return Ok(0);
        }
        self.at += 1;
        let digits = self.digits();
        if digits.is_empty() {
            return Err(DateTimeError {
                reason: "expected digits after the decimal point",
            });
        }
        let nine: Vec<u8> = digits
            .iter()
            .copied()
            .chain(std::iter::repeat(b'0'))
            .take(9)
            .collect();
        Ok(u32::try_from(value_of(&nine)).unwrap_or(0))
    }

    fn zone(&mut self) -> Result<i64, DateTimeError> {
        let sign = match self.peek() {
            None => return Ok(0),
            Some(b'Z') => {
                self.at += 1;
                return Ok(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => {
                return Err(DateTimeError {
                    reason: "unexpected text after the time",
                })
            }
        };
        self.at += 1;
        let hours = self.number(2, 0, 14, "time zone hours must be two digits from 00 to 14")?;
        self.expect(b':', "expected ':' in the time zone")?;
        let minutes = self.number(2, 0, 59, "time zone minutes must be two digits")?;
        if hours == 14 && minutes != 0 {
            return Err(DateTimeError {
                reason: "time zone offset is beyond 14:00",
            });
        }
        Ok(sign * (hours * 3600 + minutes * 60))
    }

    fn end(&self) -> Result<(), DateTimeError> {
        if self.at != self.bytes.len() {
            return Err(DateTimeError {
                reason: "unexpected text after the date and time",
            });
        }
        Ok(())
    }
}

fn value_of(digits: &[u8]) -> i64 {
    digits
        .iter()
        .fold(0, |sum, d| sum * 10 + i64::from(d - b'0'))
}

fn check_day(year: i64, month: i64, day: i64) -> Result<(), DateTimeError> {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let last = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if day > last {
        return Err(DateTimeError {
            reason: "that day does not exist in that month",
        });
    }
    Ok(())
}

fn check_midnight(hour: i64, minute: i64, second: i64, nanos: u32) -> Result<(), DateTimeError> {
    if hour == 24 && (minute != 0 || second != 0 || nanos != 0) {
        return Err(DateTimeError {
            reason: "hour 24 is only allowed as 24:00:00",
        });
    }
    Ok(())
}

/// Days from 1970-01-01 to the given proleptic Gregorian date (Howard
/// Hinnant's civil-from-days inverse, written out from the arithmetic).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn reads_utc_and_offsets_as_the_same_instant() {
        let utc = parse("2022-11-10T15:38:00Z").unwrap();
        let pacific = parse("2022-11-10T07:38:00-08:00").unwrap();
        assert_eq!(utc, pacific);
        assert_eq!(utc.seconds, 1_668_094_680);
    }

    #[test]
    fn reads_the_epoch_fractions_and_far_years() {
        assert_eq!(parse("1970-01-01T00:00:00Z").unwrap().seconds, 0);
        assert_eq!(
            parse("2025-01-09T15:20:02.183Z").unwrap().nanos,
            183_000_000
        );
        assert_eq!(
            parse("9999-01-02T00:00:00Z").unwrap().seconds,
            253_370_851_200
        );
        assert_eq!(
            parse("2000-02-29T24:00:00Z").unwrap(),
            parse("2000-03-01T00:00:00Z").unwrap()
        );
    }

    #[test]
    fn rejects_garbage_with_a_reason() {
        for bad in [
            "",
            "2024-01-01",
            " 2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00Z trailing",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2024-01-01T25:00:00Z",
            "2024-01-01T00:00:00+15:00",
            "24-01-01T00:00:00Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T24:00:01Z",
        ] {
            assert!(parse(bad).is_err(), "{bad} should be rejected");
        }
    }
}
