//! Names that work on every common host and file system: a site is copied between
//! Windows, macOS and Linux machines, zipped, and uploaded to hosts that fold case.
//! Windows refuses the device names (`con`, `nul`, `com1`, …, with any extension),
//! the characters `: * | ? < > " \`, and a name ending in a dot or a space; macOS and
//! Windows fold case, and macOS writes names in another Unicode normalization, so two
//! names that differ only in those become one file there.

use icu_normalizer::ComposingNormalizerBorrowed;

use crate::base::Message;
use crate::msg;

/// The device names of Windows, which no file or folder may be called there, with
/// any extension (`nul.txt` is `nul`).
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

/// Whether `name` (one path component) is a Windows device name: `con`, `prn`,
/// `aux`, `nul`, `com1`–`com9`, `lpt1`–`lpt9`, in any case and with any extension.
pub fn windows_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    let stem = stem.to_ascii_lowercase();
    if RESERVED.contains(&stem.as_str()) {
        return true;
    }
    let numbered = stem
        .strip_prefix("com")
        .or_else(|| stem.strip_prefix("lpt"));
    // Windows counts the superscript digits ¹ ² ³ as digits here too.
    numbered.is_some_and(|n| {
        let mut chars = n.chars();
        matches!(chars.next(), Some('1'..='9' | '¹' | '²' | '³')) && chars.next().is_none()
    })
}

/// The characters Windows refuses in a name, besides control characters.
const REFUSED_CHARACTERS: [char; 8] = [':', '*', '|', '?', '<', '>', '"', '\\'];

/// Why the name `part` (one path component) breaks on a common host or file system,
/// if it does.
pub fn unportable(part: &str) -> Option<Message> {
    if windows_reserved(part) {
        return Some(msg!("model-name-reserved", name = part));
    }
    if let Some(c) = part
        .chars()
        .find(|c| REFUSED_CHARACTERS.contains(c) || c.is_control())
    {
        let character = if c.is_control() {
            format!("U+{:04X}", u32::from(c))
        } else {
            c.to_string()
        };
        return Some(msg!("model-name-character", name = part, character));
    }
    if part.ends_with('.') || part.ends_with(' ') {
        return Some(msg!("model-name-trailing", name = part));
    }
    None
}

/// The form of `name` two names share when a file system that folds case and
/// normalizes Unicode (macOS, Windows) would take them for one: NFC, lowercase.
pub fn folded(name: &str) -> String {
    ComposingNormalizerBorrowed::new_nfc()
        .normalize(name)
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_device_names_are_known_with_any_case_and_extension() {
        for name in ["con", "NUL", "nul.txt", "Com1", "lpt9.pdf", "aux ", "com²"] {
            assert!(windows_reserved(name), "{name}");
        }
        for name in [
            "console",
            "com0",
            "com10",
            "lpt",
            "nullify.pdf",
            "report.con",
        ] {
            assert!(!windows_reserved(name), "{name}");
        }
    }

    #[test]
    fn names_that_break_elsewhere_are_told_and_others_pass() {
        let id = |name: &str| unportable(name).map(|m| m.id());
        assert_eq!(id("report.pdf"), None);
        assert_eq!(id("報告書 第1版.pdf"), None);
        assert_eq!(id("nul.pdf"), Some("model-name-reserved"));
        for name in [
            "a:b.pdf", "a*b", "a|b", "a?b", "a<b", "a>b", "a\"b", "a\\b", "a\u{7}b",
        ] {
            assert_eq!(id(name), Some("model-name-character"), "{name}");
        }
        assert_eq!(id("report."), Some("model-name-trailing"));
        assert_eq!(id("report "), Some("model-name-trailing"));
    }

    #[test]
    fn names_that_differ_only_in_case_or_normalization_fold_to_one() {
        assert_eq!(folded("Report.PDF"), folded("report.pdf"));
        // が as one character and as か with the voiced mark.
        assert_eq!(folded("\u{304c}.pdf"), folded("\u{304b}\u{3099}.pdf"));
        assert_ne!(folded("a.pdf"), folded("b.pdf"));
    }
}
