//! Readers of the parts of site.toml that are in force for a period: the contact
//! desks and the site-wide alerts.

use chrono::FixedOffset;
use toml::Spanned;

use super::raw::{RawAlert, RawContact};
use super::reader::Reader;
use super::sections::by_language;
use crate::base::time;
use crate::base::{Invalid, Lang};
use crate::model::config::{Alert, AlertTranslation, ContactDesk, ContactText, Period};
use crate::msg;

/// `[[contacts]]`, in the order declared.
pub(super) fn contacts(
    raw: Vec<RawContact>,
    main: &Lang,
    zone: FixedOffset,
    r: &mut Reader,
) -> Vec<ContactDesk> {
    let mut contacts = Vec::new();
    for raw_contact in raw {
        let translations = by_language(raw_contact.translations, main, r);
        let from = raw_contact.from.as_ref();
        let period = period("contacts", from, raw_contact.until.as_ref(), zone, r);
        let phone_line = raw_contact.phone.as_ref().map(|p| r.line(p.span()));
        contacts.push(ContactDesk {
            period,
            phone_line,
            text: ContactText {
                name: raw_contact.name,
                phone: raw_contact.phone.map(Spanned::into_inner),
                email: raw_contact.email,
                hours: raw_contact.hours,
            },
            translations,
        });
    }
    contacts
}

/// `[[alerts]]`, in the order declared: each with a warning, and links readers can
/// trust.
pub(super) fn alerts(
    raw: Vec<Spanned<RawAlert>>,
    main: &Lang,
    zone: FixedOffset,
    r: &mut Reader,
) -> Vec<Alert> {
    let mut alerts = Vec::new();
    for raw_alert in raw {
        let span = raw_alert.span();
        let raw_alert = raw_alert.into_inner();
        if raw_alert.text.trim().is_empty() {
            r.problem(span, msg!("config-alert-empty"));
        }
        let translated = raw_alert.translations.values().map(Spanned::get_ref);
        for text in translated.clone().filter_map(|t| t.text.as_ref()) {
            if text.get_ref().trim().is_empty() {
                r.problem(text.span(), msg!("config-alert-translation-empty"));
            }
        }
        let links = std::iter::once(raw_alert.link.as_ref())
            .chain(translated.map(|t| t.link.as_ref()))
            .flatten();
        for link in links {
            if let Err(m) = check_link(link.get_ref()) {
                r.problem(link.span(), m.0);
            }
        }
        let from = raw_alert.from.as_ref();
        let period = period("alerts", from, raw_alert.until.as_ref(), zone, r);
        alerts.push(Alert {
            text: raw_alert.text,
            link: raw_alert.link.map(Spanned::into_inner),
            period,
            translations: by_language(raw_alert.translations, main, r)
                .into_iter()
                .map(|(lang, t)| {
                    let text = AlertTranslation {
                        text: t.text.map(Spanned::into_inner),
                        link: t.link.map(Spanned::into_inner),
                    };
                    (lang, text)
                })
                .collect(),
        });
    }
    alerts
}

/// Reads `from` and `until` of an entry of `table`; `until` must not end before
/// `from` starts.
fn period(
    table: &str,
    from: Option<&Spanned<toml::Value>>,
    until: Option<&Spanned<toml::Value>>,
    zone: FixedOffset,
    r: &mut Reader,
) -> Period {
    let mut read = |value: Option<&Spanned<toml::Value>>, key: &str| {
        let value = value?;
        time::parse_when_value(value.get_ref(), zone)
            .map_err(|m| r.problem(value.span(), super::invalid(&format!("{table}.{key}"), m)))
            .ok()
    };
    let period = Period {
        from: read(from, "from"),
        until: read(until, "until"),
    };
    if let (Some(start), Some(end), Some(value)) = (period.from, period.until, until)
        && end.end(zone) <= start.start(zone)
    {
        r.problem(
            value.span(),
            msg!(
                "config-until-before-from",
                table,
                until = end.to_string(),
                from = start.to_string()
            ),
        );
    }
    period
}

/// A link in site.toml: an absolute web address, or a path inside the site written
/// from its root without a leading `/`, so the site still works under a sub-path.
///
/// A browser reads `\` as `/`, drops tabs and line breaks, and resolves `%2E%2E` as
/// `..`: `\\host\x`, `\/host/` and a tab before `//host/` all lead to another host,
/// so none of those spellings passes as a path inside the site.
fn check_link(link: &str) -> Result<(), Invalid> {
    if link.starts_with("https://") || link.starts_with("http://") {
        return Ok(());
    }
    if link.contains('\\') {
        return Err(Invalid::new(msg!("config-link-backslash", link)));
    }
    let hidden = link.chars().any(char::is_control)
        || link.starts_with(char::is_whitespace)
        || link.ends_with(char::is_whitespace)
        || encoded_bytes(link).any(|b| b"/\\.".contains(&b) || b.is_ascii_control());
    if hidden {
        return Err(Invalid::new(msg!("config-link-hidden", link)));
    }
    // `javascript:`, `data:`, `mailto:` …: anything before a `:` in the first path
    // segment is a scheme, and only web addresses are links readers can trust.
    let has_scheme = link
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    let inside = !link.is_empty()
        && !link.starts_with('/')
        && !has_scheme
        && !link.split('/').any(|segment| segment == "..");
    if inside {
        Ok(())
    } else {
        Err(Invalid::new(msg!("config-link-invalid", link)))
    }
}

/// The bytes `text` writes percent-encoded (`%2F` is `/`).
fn encoded_bytes(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.split('%').skip(1).filter_map(|after| {
        let hex = after.get(..2)?;
        u8::from_str_radix(hex, 16).ok()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_plain_paths_pass_as_inside_the_site() {
        let id = |link: &str| super::check_link(link).map_err(|e| e.0.id().to_string());
        for good in [
            "faq/",
            "announcements/first/",
            "files/a%20b.pdf",
            "%E3%81%82/",
            "https://example.jp/x",
        ] {
            assert_eq!(id(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("\\\\host\\x", "config-link-backslash"),
            ("\\/host/", "config-link-backslash"),
            ("a\\b/", "config-link-backslash"),
            ("//host/", "config-link-invalid"),
            ("%2F%2Fhost/", "config-link-hidden"),
            ("%2f%2fhost/", "config-link-hidden"),
            ("%5Chost/", "config-link-hidden"),
            ("%2E%2E/x/", "config-link-hidden"),
            ("\t//host/", "config-link-hidden"),
            ("a/\nb/", "config-link-hidden"),
            (" faq/", "config-link-hidden"),
            ("javascript:alert(1)", "config-link-invalid"),
            ("../x/", "config-link-invalid"),
        ] {
            assert_eq!(id(bad), Err(why.to_string()), "{bad:?}");
        }
    }
}
