//! The theme's stylesheet: `static/style.css` of the highest layer that has it,
//! published under a name made from its bytes (`assets/style.<16 hex digits of their
//! SHA-256>.css`). Hosts and browsers may keep it for a year (`render::cache`), and a
//! changed stylesheet reaches readers at once, under its new name.

use std::borrow::Cow;

use sha2::{Digest, Sha256};

use crate::model::url;

/// The stylesheet's name in a theme's `static/`.
pub const NAME: &str = "style.css";

/// The theme's stylesheet, read when the theme is loaded.
#[derive(Debug, Clone)]
pub struct Stylesheet {
    /// Its output path, made from its text.
    pub path: String,
    /// Its text: kept, so that the file written is the one its name was made from,
    /// even when the site's file changes during the build.
    pub text: Cow<'static, str>,
}

impl Stylesheet {
    /// The stylesheet of `text`, with its name.
    pub fn new(text: Cow<'static, str>) -> Stylesheet {
        let digest = Sha256::digest(text.as_bytes());
        let hex: String = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Stylesheet {
            path: url::stylesheet(&hex),
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_is_the_start_of_the_sha_256_of_the_text() {
        // `printf 'body{}' | sha256sum`: 7c98040a541657584690ae2a…
        let sheet = Stylesheet::new(Cow::Borrowed("body{}"));
        assert_eq!(sheet.path, "assets/style.7c98040a54165758.css");
        assert_ne!(Stylesheet::new(Cow::Borrowed("body{ }")).path, sheet.path);
    }
}
