//! Text files as writers save them: UTF-8 is read, with or without a byte-order
//! mark; a file saved as Shift_JIS, EUC-JP or UTF-16 (what older Japanese editors
//! and Excel's "Unicode text" write) is recognised and named, so the writer is told
//! to save it as UTF-8 instead of "stream did not contain valid UTF-8".

use encoding_rs::{EUC_JP, SHIFT_JIS, UTF_16BE, UTF_16LE};

use super::message::Message;
use super::problem::Located;
use super::text::line_of;
use crate::msg;

/// The text of a file's `bytes`, or what it was saved as instead of UTF-8, at the
/// line of the first character that is not UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, Located<Message>> {
    let bytes = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        // Windows editors write a mark at the start of UTF-8; it says nothing.
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let line = line_of(&String::from_utf8_lossy(&bytes[..valid]), valid);
            let encoding = saved_as(&bytes);
            Err(Located::new(
                if encoding.starts_with("UTF-16") {
                    1
                } else {
                    line
                },
                match encoding {
                    "" => msg!("encoding-not-utf8"),
                    name => msg!("encoding-saved-as", encoding = name),
                },
            ))
        }
    }
}

/// The encoding `bytes` decode in without error, among those Japanese text is
/// saved in, or "" when none.
fn saved_as(bytes: &[u8]) -> &'static str {
    match bytes {
        [0xff, 0xfe, ..] => return "UTF-16",
        [0xfe, 0xff, ..] => return "UTF-16",
        _ => {}
    }
    // UTF-16 without a mark: every other byte of ASCII text is zero.
    let zeros_at = |parity: usize| {
        bytes
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
            * 4
            >= bytes.len()
    };
    if bytes.len() >= 4 && (zeros_at(0) || zeros_at(1)) {
        let utf16 = if zeros_at(1) { UTF_16LE } else { UTF_16BE };
        if utf16
            .decode_without_bom_handling_and_without_replacement(bytes)
            .is_some()
        {
            return "UTF-16";
        }
    }
    // EUC-JP's two-byte characters read as Shift_JIS's one-byte half-width kana, which
    // text hardly uses: of the encodings the bytes fit, the one with fewer wins.
    let half_width_kana = |text: &str| {
        text.chars()
            .filter(|c| ('\u{ff61}'..='\u{ff9f}').contains(c))
            .count()
    };
    [(SHIFT_JIS, "Shift_JIS"), (EUC_JP, "EUC-JP")]
        .into_iter()
        .filter_map(|(encoding, name)| {
            let text = encoding.decode_without_bom_handling_and_without_replacement(bytes)?;
            Some((half_width_kana(&text), name))
        })
        .min_by_key(|(kana, _)| *kana)
        .map_or("", |(_, name)| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::MessageLang;

    fn refused(bytes: &[u8]) -> (usize, String) {
        let err = decode(bytes.to_vec()).unwrap_err();
        (err.line, err.value.text(MessageLang::En))
    }

    #[test]
    fn utf8_with_or_without_a_mark_is_read() {
        assert_eq!(decode("題名".as_bytes().to_vec()).unwrap(), "題名");
        assert_eq!(decode(b"\xef\xbb\xbftitle".to_vec()).unwrap(), "title");
    }

    #[test]
    fn japanese_encodings_are_named() {
        let text = "+++\ntitle = \"システム障害について\"\n+++\n";
        let (sjis, _, _) = SHIFT_JIS.encode(text);
        assert_eq!(refused(&sjis).0, 2);
        assert!(
            refused(&sjis).1.contains("Shift_JIS"),
            "{:?}",
            refused(&sjis)
        );
        let (euc, _, _) = EUC_JP.encode(text);
        assert!(refused(&euc).1.contains("EUC-JP"));
        let mut utf16: Vec<u8> = vec![0xff, 0xfe];
        utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(refused(&utf16), (1, refused(&utf16).1));
        assert!(refused(&utf16).1.contains("UTF-16"));
        let bare: Vec<u8> = "title"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        // "title" is ASCII, which is UTF-8 too; a mark-less UTF-16 file with Japanese:
        let mut japanese = bare.clone();
        japanese.extend("障害".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert!(refused(&japanese).1.contains("UTF-16"));
    }
}
