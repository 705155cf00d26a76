//! Readers of the parts of site.toml the pre-publication review needs: `[check]` and
//! `[ir]`.

use toml::Spanned;

use super::raw::{RawCheck, RawIr, RawPdf};
use super::reader::Reader;
use crate::base::Lang;
use crate::load::hint;
use crate::model::config::{CheckSettings, IrIdentity, IrText, PdfSettings};
use crate::model::{Level, Rule};
use crate::msg;

/// `[check]`: rule levels by rule id, and the rules' limits.
pub(super) fn check(raw: Option<&RawCheck>, r: &mut Reader) -> CheckSettings {
    let mut check = CheckSettings::default();
    let Some(raw_check) = raw else {
        return check;
    };
    for (id, level) in &raw_check.levels {
        let Some(rule) = Rule::parse(id) else {
            let known: Vec<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
            let hint = hint::unknown_name(id, &known).expect("there are rules");
            r.problem(level.span(), msg!("config-rule-unknown", rule = id, hint));
            continue;
        };
        match Level::parse(level.get_ref()) {
            Ok(level) => {
                check.levels.insert(rule, level);
            }
            Err(why) => r.problem(
                level.span(),
                msg!("config-rule-level", rule = id, invalid = why.0),
            ),
        }
    }
    if let Some(days) = &raw_check.stale_after_days {
        if *days.get_ref() == 0 {
            r.problem(days.span(), msg!("config-stale-zero"));
        }
        check.stale_after_days = *days.get_ref();
    }
    if let Some(kb) = &raw_check.page_weight_kb {
        if *kb.get_ref() == 0 {
            r.problem(kb.span(), msg!("config-page-weight-zero"));
        }
        check.page_weight_kb = *kb.get_ref();
    }
    check
}

/// Reads `[ir]`: a securities code of four digits or capital letters starting with a
/// digit (`9999`, or since 2024 `130A`), and no empty strings.
pub(super) fn ir(raw: RawIr, main: &Lang, r: &mut Reader) -> IrIdentity {
    let mut read = |value: Option<Spanned<String>>, key: &str| {
        let value = value?;
        if value.get_ref().trim().is_empty() {
            r.problem(value.span(), msg!("config-ir-empty", key));
            return None;
        }
        Some(value)
    };
    let code = read(raw.securities_code, "securities_code");
    let text = IrText {
        exchange: read(raw.exchange, "exchange").map(Spanned::into_inner),
        contact: read(raw.contact, "contact").map(Spanned::into_inner),
        representative: read(raw.representative, "representative").map(Spanned::into_inner),
        phone: read(raw.phone, "phone").map(Spanned::into_inner),
    };
    let code = code.filter(|code| {
        let text = code.get_ref();
        let valid = text.len() == 4
            && text.starts_with(|c: char| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase());
        if !valid {
            r.problem(code.span(), msg!("config-securities-code", code = text));
        }
        valid
    });
    IrIdentity {
        securities_code: code.map(Spanned::into_inner),
        text,
        translations: super::sections::by_language(raw.translations, main, r),
    }
}

/// Reads `[pdf]`: whether the build makes PDFs, and the font they are set in, which
/// the theme checks once it knows its fonts.
pub(super) fn pdf(raw: RawPdf, r: &mut Reader) -> PdfSettings {
    let font = raw.font.filter(|font| {
        let blank = font.get_ref().trim().is_empty();
        if blank {
            r.problem(font.span(), msg!("config-pdf-font-empty"));
        }
        !blank
    });
    PdfSettings {
        make: raw.make.unwrap_or(true),
        font: font.map(|f| r.located(f)),
    }
}
