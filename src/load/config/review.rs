//! Readers of the parts of site.toml the pre-publication review needs: `[check]` and
//! `[ir]`.

use toml::Spanned;

use super::raw::{RawCheck, RawIr};
use super::reader::Reader;
use crate::base::suggest::unknown_name_hint;
use crate::model::config::{CheckSettings, IrIdentity};
use crate::model::{Level, Rule};

/// `[check]`: rule levels by rule id, and the rules' limits.
pub(super) fn check(raw: Option<&RawCheck>, r: &mut Reader) -> CheckSettings {
    let mut check = CheckSettings::default();
    let Some(raw_check) = raw else {
        return check;
    };
    for (id, level) in &raw_check.levels {
        let Some(rule) = Rule::parse(id) else {
            let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            let hint = unknown_name_hint(id, &known, String::new);
            r.problem(
                level.span(),
                format!("`[check.levels]`: unknown rule `{id}`; {hint}"),
            );
            continue;
        };
        match Level::parse(level.get_ref()) {
            Ok(level) => {
                check.levels.insert(rule, level);
            }
            Err(message) => r.problem(level.span(), format!("`[check.levels]` `{id}`: {message}")),
        }
    }
    if let Some(days) = &raw_check.stale_after_days {
        if *days.get_ref() == 0 {
            r.problem(
                days.span(),
                "`[check] stale_after_days` is 0; expected a number of days, 1 or more",
            );
        }
        check.stale_after_days = *days.get_ref();
    }
    if let Some(kb) = &raw_check.page_weight_kb {
        if *kb.get_ref() == 0 {
            r.problem(
                kb.span(),
                "`[check] page_weight_kb` is 0; expected a budget in KB, 1 or more",
            );
        }
        check.page_weight_kb = *kb.get_ref();
    }
    check
}

/// Reads `[ir]`: a securities code of four digits or capital letters starting with a
/// digit (`9999`, or since 2024 `130A`), and no empty strings.
pub(super) fn ir(raw: RawIr, r: &mut Reader) -> IrIdentity {
    let mut read = |value: Option<Spanned<String>>, key: &str| {
        let value = value?;
        if value.get_ref().trim().is_empty() {
            r.problem(
                value.span(),
                format!("`[ir] {key}` is empty; expected a value, or leave the key out"),
            );
            return None;
        }
        Some(value)
    };
    let code = read(raw.securities_code, "securities_code");
    let exchange = read(raw.exchange, "exchange");
    let contact = read(raw.contact, "contact");
    let code = code.filter(|code| {
        let text = code.get_ref();
        let valid = text.len() == 4
            && text.starts_with(|c: char| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
        if !valid {
            r.problem(
                code.span(),
                format!(
                    "`[ir] securities_code` `{text}` is not a securities code; expected 4 \
                     digits or capital letters starting with a digit, such as \"9999\" or \"130A\""
                ),
            );
        }
        valid
    });
    IrIdentity {
        securities_code: code.map(Spanned::into_inner),
        exchange: exchange.map(Spanned::into_inner),
        contact: contact.map(Spanned::into_inner),
    }
}
