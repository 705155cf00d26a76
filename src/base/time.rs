//! Date-times as the writers give them and as the readers see them.
//!
//! Writers may give a date-time either as a TOML date-time (`date = 2023-06-06T17:00:00+09:00`)
//! or as a string; without an offset it is read in the site's time zone. Readers see
//! every time in the site's time zone, formatted by the theme's strings for their
//! language.

use chrono::format::{Item, StrftimeItems};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone};

pub use super::moment::{Moment, as_written, parse_now};
use super::problem::Invalid;
use crate::msg;

/// Reads a date-time from a TOML value (native date-time or string).
pub fn parse_value(
    value: &toml::Value,
    zone: FixedOffset,
) -> Result<DateTime<FixedOffset>, Invalid> {
    match value {
        toml::Value::Datetime(dt) => parse(&dt.to_string(), zone),
        toml::Value::String(text) => parse(text, zone),
        other => Err(Invalid::new(msg!(
            "time-wrong-type",
            found = other.type_str(),
            expected = msg!("time-expected")
        ))),
    }
}

/// Reads an RFC 3339 date-time; one without offset is taken as local time in `zone`.
pub fn parse(text: &str, zone: FixedOffset) -> Result<DateTime<FixedOffset>, Invalid> {
    let at = Moment::parse(text)?.in_zone(zone);
    within_years(text, at.with_timezone(&zone).year())?;
    Ok(at)
}

/// Refuses a moment outside the years 1 to 9999 in the site's zone: pages, feeds and
/// JSON write years with four digits (`+10000-01-01` is no date a reader or a feed
/// reader knows).
fn within_years(text: &str, year: i32) -> Result<(), Invalid> {
    if (1..=9999).contains(&year) {
        Ok(())
    } else {
        Err(Invalid::new(msg!("time-year-range", text)))
    }
}

/// A moment given as precisely as the writer knows it: a whole day, or a date-time.
///
/// Restoration dates, timeline events and the opening days of a contact desk are often
/// known only to the day; inventing a time of day for them would state more than the
/// company knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// A calendar day in the site's zone.
    Day(NaiveDate),
    /// A date-time.
    At(DateTime<FixedOffset>),
}

impl When {
    /// When the moment begins: a day begins at midnight in `zone`. Orders moments and
    /// judges `from` limits.
    pub fn start(&self, zone: FixedOffset) -> DateTime<FixedOffset> {
        match self {
            When::Day(day) => midnight(*day, zone),
            When::At(at) => *at,
        }
    }

    /// When the moment is over: a day ends at the next midnight in `zone`, so an
    /// `until` day still counts in full.
    pub fn end(&self, zone: FixedOffset) -> DateTime<FixedOffset> {
        match self {
            When::Day(day) => midnight(day.succ_opt().unwrap_or(*day), zone),
            When::At(at) => *at,
        }
    }
}

impl std::fmt::Display for When {
    /// As front matter writes it: `2023-06-06` or `2023-06-06T17:00:00+09:00`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            When::Day(day) => write!(f, "{day}"),
            When::At(at) => f.write_str(&front_matter_value(at)),
        }
    }
}

fn midnight(day: NaiveDate, zone: FixedOffset) -> DateTime<FixedOffset> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|naive| zone.from_local_datetime(&naive).single())
        .expect("midnight exists in a fixed offset")
}

/// Reads a date or a date-time from a TOML value (native or string).
pub fn parse_when_value(value: &toml::Value, zone: FixedOffset) -> Result<When, Invalid> {
    let text = match value {
        toml::Value::Datetime(dt) => dt.to_string(),
        toml::Value::String(text) => text.trim().to_string(),
        other => {
            return Err(Invalid::new(msg!(
                "time-wrong-type",
                found = other.type_str(),
                expected = msg!("time-expected-when")
            )));
        }
    };
    if let Ok(day) = NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        within_years(&text, day.year())?;
        return Ok(When::Day(day));
    }
    parse(&text, zone).map(When::At).map_err(|_| {
        Invalid::new(match as_written(&text) {
            Some(written) => msg!("time-write-as", text = text.clone(), written),
            None => msg!(
                "time-not-when",
                text = text.clone(),
                expected = msg!("time-expected-when")
            ),
        })
    })
}

/// Reads a UTC offset such as `+09:00` (the form of site.toml's `timezone`).
pub fn parse_offset(text: &str) -> Result<FixedOffset, Invalid> {
    text.parse::<FixedOffset>()
        .map_err(|_| Invalid::new(msg!("time-not-offset", text)))
}

/// A date-time as crisis-site writes it into front matter and site.toml: RFC 3339 to
/// the second, with the offset of its zone (`2023-06-06T17:00:00+09:00`).
pub fn front_matter_value(at: &DateTime<FixedOffset>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
}

/// A strftime pattern checked once, so that formatting a date can never fail.
#[derive(Debug, Clone)]
pub struct Pattern(Vec<Item<'static>>);

impl Pattern {
    /// Checks a chrono strftime pattern, e.g. `%Y年%-m月%-d日 %H:%M`.
    pub fn parse(pattern: &str) -> Result<Pattern, Invalid> {
        StrftimeItems::new(pattern)
            .parse_to_owned()
            .map(Pattern)
            .map_err(|_| Invalid::new(msg!("time-bad-pattern", pattern)))
    }

    /// Formats `at`, seen in `zone`.
    pub fn format(&self, at: &DateTime<FixedOffset>, zone: FixedOffset) -> String {
        at.with_timezone(&zone)
            .format_with_items(self.0.iter())
            .to_string()
    }

    /// Checks a pattern for days: one that names only date fields, since a day has no
    /// time of day to show.
    pub fn parse_day(pattern: &str) -> Result<Pattern, Invalid> {
        let checked = Pattern::parse(pattern)?;
        let sample = NaiveDate::from_ymd_opt(2023, 6, 6).expect("a valid date");
        let mut out = String::new();
        std::fmt::Write::write_fmt(
            &mut out,
            format_args!("{}", sample.format_with_items(checked.0.iter())),
        )
        .map(|()| checked)
        .map_err(|_| Invalid::new(msg!("time-pattern-not-day", pattern)))
    }

    /// Formats a day with a pattern checked by [`Pattern::parse_day`].
    pub fn format_day(&self, day: NaiveDate) -> String {
        let mut out = String::new();
        match std::fmt::Write::write_fmt(
            &mut out,
            format_args!("{}", day.format_with_items(self.0.iter())),
        ) {
            Ok(()) => out,
            Err(_) => day.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    #[test]
    fn offset_wins_over_the_site_zone() {
        let dt = parse("2023-06-06T08:00:00Z", jst()).unwrap();
        assert_eq!(dt.to_rfc3339(), "2023-06-06T08:00:00+00:00");
    }

    #[test]
    fn local_times_are_read_in_the_site_zone() {
        let dt = parse("2023-06-06T17:00:00", jst()).unwrap();
        assert_eq!(dt.to_rfc3339(), "2023-06-06T17:00:00+09:00");
        let dt = parse("2023-06-06 17:00", jst()).unwrap();
        assert_eq!(dt.to_rfc3339(), "2023-06-06T17:00:00+09:00");
    }

    #[test]
    fn a_moment_past_the_year_9999_in_the_site_zone_is_refused() {
        let late = parse("9999-12-31T23:00:00-05:00", jst()).unwrap_err();
        assert_eq!(
            late.message().to_string(),
            "`9999-12-31T23:00:00-05:00` is after the year 9999 in the site's timezone \
             (or before the year 1); expected a date with a four-digit year"
        );
        assert!(parse("9999-12-31T10:00:00+09:00", jst()).is_ok());
        let day = parse_when_value(&toml::Value::String("0000-01-01".into()), jst());
        assert!(day.is_err());
    }

    #[test]
    fn dates_without_time_and_garbage_are_refused() {
        assert!(
            parse("2023-06-06", jst())
                .unwrap_err()
                .message()
                .to_string()
                .contains("no time of day")
        );
        assert!(
            parse("June 6", jst())
                .unwrap_err()
                .message()
                .to_string()
                .contains("is not a date-time")
        );
        assert!(parse("2023-13-06T17:00:00", jst()).is_err());
    }

    #[test]
    fn whens_are_days_or_moments() {
        let day = parse_when_value(&toml::Value::String("2023-06-06".into()), jst()).unwrap();
        assert_eq!(day.start(jst()).to_rfc3339(), "2023-06-06T00:00:00+09:00");
        assert_eq!(day.end(jst()).to_rfc3339(), "2023-06-07T00:00:00+09:00");
        let at = parse_when_value(&toml::Value::String("2023-06-06T17:00".into()), jst()).unwrap();
        assert_eq!(at.end(jst()).to_rfc3339(), "2023-06-06T17:00:00+09:00");
        let err = parse_when_value(&toml::Value::String("6月6日".into()), jst()).unwrap_err();
        assert!(
            err.message()
                .to_string()
                .starts_with("`6月6日` is not a date or a date-time; expected a date")
        );
        assert!(parse_when_value(&toml::Value::Integer(3), jst()).is_err());
    }

    #[test]
    fn patterns_format_in_the_site_zone() {
        let pattern = Pattern::parse("%Y年%-m月%-d日 %H:%M").unwrap();
        let dt = parse("2023-06-06T08:00:00Z", jst()).unwrap();
        assert_eq!(pattern.format(&dt, jst()), "2023年6月6日 17:00");
        assert!(Pattern::parse("%Q").is_err());
        let day = Pattern::parse_day("%Y年%-m月%-d日").unwrap();
        assert_eq!(
            day.format_day(NaiveDate::from_ymd_opt(2023, 6, 6).unwrap()),
            "2023年6月6日"
        );
        assert!(Pattern::parse_day("%Y-%m-%d %H:%M").is_err());
    }
}
