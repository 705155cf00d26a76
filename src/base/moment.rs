//! A date-time as a writer types it: with its offset, or a local time read in the
//! site's zone once site.toml has said which (front matter, `--now`); and the form
//! crisis-site reads of a date written by hand, for the messages that say what to
//! type.

use chrono::{DateTime, Days, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Timelike};

use super::message::Message;
use super::problem::Invalid;
use super::text::half_width;
use crate::msg;

/// A date-time as a writer gives it: with its offset, or a local time that is read in
/// the site's zone (`Moment::in_zone`) once site.toml has said which zone that is.
/// Front matter is read this way, and so is `--now`, which is parsed before site.toml
/// is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A date-time with its offset.
    At(DateTime<FixedOffset>),
    /// A date-time without an offset, to be read in the site's zone.
    Local(NaiveDateTime),
}

impl Moment {
    /// Reads an RFC 3339 date-time, or one without offset (`2023-06-06T17:00`,
    /// `2023-06-06 17:00`, with or without seconds).
    pub fn parse(text: &str) -> Result<Moment, Invalid> {
        let text = text.trim();
        if let Ok(at) = DateTime::parse_from_rfc3339(text) {
            return Ok(Moment::At(at));
        }
        let local = [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(text, format).ok());
        let expected = || msg!("time-expected");
        match local {
            // Every zone is within a day of UTC: a local time a day away from the ends
            // of the calendar is a moment in any of them.
            Some(naive)
                if naive.checked_sub_days(Days::new(1)).is_some()
                    && naive.checked_add_days(Days::new(1)).is_some() =>
            {
                Ok(Moment::Local(naive))
            }
            Some(_) => Err(Invalid::new(msg!(
                "time-not-local",
                text,
                expected = expected()
            ))),
            None if text.len() == 10 && NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok() => Err(
                Invalid::new(msg!("time-no-time", text, expected = expected())),
            ),
            None => Err(Invalid::new(match as_written(text) {
                Some(written) => msg!("time-write-as", text, written),
                None => msg!("time-not-date-time", text, expected = expected()),
            })),
        }
    }

    /// The moment itself: one without offset read as local time in `zone`.
    pub fn in_zone(self, zone: FixedOffset) -> DateTime<FixedOffset> {
        match self {
            Moment::At(at) => at,
            Moment::Local(naive) => zone
                .from_local_datetime(&naive)
                .single()
                .expect("a local time a day from the ends of the calendar is in every zone"),
        }
    }
}

/// Reads `--now`, typed on the command line, as [`Moment::parse`] reads it; a value it
/// cannot read is told what to type instead, from what was typed where it can be: the
/// day given, or the form of a date written by hand (`2023/06/09 15:00`).
pub fn parse_now(text: &str) -> Result<Moment, Message> {
    Moment::parse(text).map_err(|_| {
        let typed = as_written(text);
        let written = typed.as_deref().unwrap_or(text).trim();
        let day = written
            .get(..10)
            .filter(|day| NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok())
            .unwrap_or("2023-06-09");
        let local = match written.get(10..11) {
            Some("T") if typed.is_some() => written.to_string(),
            _ => format!("{day}T15:00"),
        };
        let fixed = format!("{}:00+09:00", &local[..16]);
        msg!("now-invalid", text = text.trim(), local, fixed)
    })
}

impl From<DateTime<FixedOffset>> for Moment {
    fn from(at: DateTime<FixedOffset>) -> Moment {
        Moment::At(at)
    }
}

/// The form crisis-site reads of a date or date-time written the way people write
/// them by hand (`２０２３/6/9 15:00`, `2023年6月9日 15時`), if it is one: full-width
/// digits, slashes and 年月日時分 become `2023-06-09T15:00`. For messages: the writer
/// is told what to type, and the tool does not guess a date into a statement.
pub fn as_written(text: &str) -> Option<String> {
    let plain: String = half_width(text)
        .chars()
        .map(|c| match c {
            '/' | '.' | '年' | '月' => '-',
            '時' => ':',
            '日' | '分' | 'T' => ' ',
            other => other,
        })
        .collect();
    let plain = plain.split_whitespace().collect::<Vec<_>>();
    let (day, time) = match plain.as_slice() {
        [day] => (*day, None),
        [day, time] => (*day, Some(time.trim_end_matches(':'))),
        _ => return None,
    };
    let day = NaiveDate::parse_from_str(day.trim_end_matches('-'), "%Y-%m-%d").ok()?;
    let written = match time {
        None => day.format("%Y-%m-%d").to_string(),
        Some(time) => {
            let time = if time.contains(':') {
                time.to_string()
            } else {
                format!("{time}:00")
            };
            let at = chrono::NaiveTime::parse_from_str(&time, "%H:%M")
                .or_else(|_| chrono::NaiveTime::parse_from_str(&time, "%H:%M:%S"))
                .ok()?;
            let form = if at.second() == 0 {
                "%Y-%m-%dT%H:%M"
            } else {
                "%Y-%m-%dT%H:%M:%S"
            };
            day.and_time(at).format(form).to_string()
        }
    };
    (written != text).then_some(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jst() -> FixedOffset {
        FixedOffset::east_opt(9 * 3600).unwrap()
    }

    #[test]
    fn moments_without_offset_wait_for_the_zone() {
        let local = Moment::parse("2026-11-23T12:00").unwrap();
        assert_eq!(local, Moment::parse(" 2026-11-23 12:00:00 ").unwrap());
        assert_eq!(
            local.in_zone(jst()).to_rfc3339(),
            "2026-11-23T12:00:00+09:00"
        );
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(local.in_zone(utc).to_rfc3339(), "2026-11-23T12:00:00+00:00");
        let fixed = Moment::parse("2026-11-23T12:00:00+09:00").unwrap();
        assert_eq!(fixed.in_zone(utc).to_rfc3339(), "2026-11-23T12:00:00+09:00");
    }

    #[test]
    fn a_now_it_cannot_read_is_told_what_to_type() {
        let said = |text: &str| parse_now(text).unwrap_err().to_string();
        assert_eq!(
            said("2023/06/09 15:30"),
            "--now: `2023/06/09 15:30` is not a date and time; type e.g. `2023-06-09T15:30` (read in site.toml's timezone) or `2023-06-09T15:30:00+09:00`"
        );
        assert!(said("2026-11-23").contains("`2026-11-23T15:00`"));
        assert!(said("tomorrow").contains("`2023-06-09T15:00`"));
        assert!(parse_now("2026-11-23T12:00").is_ok());
    }
}
