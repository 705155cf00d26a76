//! How a host should serve each output file: its Content-Type, and how long readers'
//! browsers and a CDN may keep a copy (Cache-Control). One policy, used by the
//! preview, the host files the build writes (`_headers`) and `crisis-site publish`.

/// The folder of files named by their content (`assets/style.1a2b3c4d5e6f7a8b.css`):
/// a changed file gets a new name, so a copy may be kept for ever.
pub const ASSETS: &str = crate::model::url::ASSETS;

/// How long copies of a file may be kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lifetime {
    /// Pages, feeds and data: they change with every update, and readers must see a
    /// new statement within a minute. A CDN may serve its copy for a day when the
    /// origin is down.
    Short,
    /// Attachments, images and other static files: rarely changed, but under a name
    /// that does not change with them.
    Hour,
    /// Files named by their content: never changed under the same name.
    Immutable,
}

/// The headers every file is served with, whatever its lifetime: a browser must not
/// guess another type than the Content-Type says (a text file read as a script).
pub const EVERY_FILE: &[(&str, &str)] = &[("X-Content-Type-Options", "nosniff")];

impl Lifetime {
    /// Every lifetime, shortest first.
    pub const ALL: [Lifetime; 3] = [Lifetime::Short, Lifetime::Hour, Lifetime::Immutable];

    /// The one folder that holds every file of this lifetime and no other, where
    /// there is one: `assets/` for [`Lifetime::Immutable`]. Pages and attachments are
    /// told apart by their extensions, which a host's rule by path (`_headers`)
    /// cannot say without a rule for every file.
    pub fn folder(self) -> Option<&'static str> {
        match self {
            Lifetime::Immutable => Some(ASSETS),
            Lifetime::Short | Lifetime::Hour => None,
        }
    }

    /// The lifetime of the file at `path` (from the output root, `/`-separated).
    pub fn of(path: &str) -> Lifetime {
        if let Some(lifetime) = Lifetime::ALL
            .into_iter()
            .find(|l| l.folder().is_some_and(|folder| path.starts_with(folder)))
        {
            return lifetime;
        }
        let name = path.rsplit('/').next().unwrap_or(path);
        let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match extension.as_deref() {
            None => Lifetime::Short,
            Some("html" | "xml" | "json" | "txt" | "svg" | "webmanifest") => Lifetime::Short,
            Some(_) => Lifetime::Hour,
        }
    }

    /// The Cache-Control header of this lifetime.
    pub fn cache_control(self) -> &'static str {
        match self {
            Lifetime::Short => "public, max-age=60, stale-if-error=86400",
            Lifetime::Hour => "public, max-age=3600",
            Lifetime::Immutable => "public, max-age=31536000, immutable",
        }
    }
}

/// The Content-Type of the file at `path`, with `charset=utf-8` for text (every text
/// the build writes is UTF-8).
pub fn content_type(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    // The host files are plain text, whatever their name suggests.
    if name == "_headers" || name == "_redirects" {
        return "text/plain; charset=utf-8".to_string();
    }
    let kind = mime_guess::from_path(path).first_or_octet_stream();
    if kind.type_() == "text" {
        format!("{kind}; charset=utf-8")
    } else {
        kind.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_short_assets_immutable_attachments_an_hour() {
        assert_eq!(Lifetime::of("index.html"), Lifetime::Short);
        assert_eq!(Lifetime::of("en/feed.xml"), Lifetime::Short);
        assert_eq!(Lifetime::of("api/v2/summary.json"), Lifetime::Short);
        assert_eq!(Lifetime::of("status.svg"), Lifetime::Short);
        assert_eq!(Lifetime::of("_headers"), Lifetime::Short);
        assert_eq!(
            Lifetime::of("assets/style.0123456789abcdef.css"),
            Lifetime::Immutable
        );
        assert_eq!(Lifetime::of("announcements/a/report.PDF"), Lifetime::Hour);
        assert_eq!(Lifetime::of("logo.png"), Lifetime::Hour);
    }

    #[test]
    fn text_is_utf_8() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("status.json"), "application/json");
        assert_eq!(content_type("_redirects"), "text/plain; charset=utf-8");
        assert_eq!(content_type("a/report.pdf"), "application/pdf");
    }
}
