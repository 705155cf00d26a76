//! Where the site is published.

use crate::base::Invalid;
use crate::msg;

/// Where the site is published: an `http(s)` URL ending in `/`, against which output
/// paths are made absolute.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl(url::Url);

impl BaseUrl {
    /// Accepts an absolute `https://` or `http://` URL without query or fragment and
    /// without user info (`user:password@`, which every canonical link, the sitemap,
    /// the feeds and the JSON would publish); a missing final `/` is added, so
    /// `https://example.jp/incident` means the folder.
    pub fn parse(text: &str) -> Result<BaseUrl, Invalid> {
        let expected = || msg!("model-base-url-expected");
        let mut url = url::Url::parse(text).map_err(|e| {
            Invalid::new(msg!(
                "model-base-url-not-absolute",
                url = text,
                cause = e.to_string(),
                expected = expected()
            ))
        })?;
        if !matches!(url.scheme(), "https" | "http") || url.cannot_be_a_base() {
            return Err(Invalid::new(msg!(
                "model-base-url-not-web",
                url = text,
                expected = expected()
            )));
        }
        if !url.username().is_empty() || url.password().is_some() {
            // The message shows the address without what it must not repeat.
            let mut bare = url.clone();
            let _ = bare.set_username("");
            let _ = bare.set_password(None);
            let url = bare.as_str().replacen("://", "://…@", 1);
            return Err(Invalid::new(msg!(
                "model-base-url-user-info",
                url,
                expected = expected()
            )));
        }
        if url.query().is_some() || url.fragment().is_some() {
            return Err(Invalid::new(msg!(
                "model-base-url-query",
                url = text,
                expected = expected()
            )));
        }
        if !url.path().ends_with('/') {
            let folder = format!("{}/", url.path());
            url.set_path(&folder);
        }
        Ok(BaseUrl(url))
    }

    /// The absolute URL of an output path (from the output root, `/`-separated and
    /// already percent-encoded). A folder's `index.html` is left out: every static
    /// host serves it for the folder, and the shorter URL is the one people quote.
    pub fn url_of(&self, path: &str) -> String {
        let path = match path.strip_suffix("index.html") {
            Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
            _ => path,
        };
        self.0
            .join(path)
            .map_or_else(|_| format!("{}{path}", self.0), String::from)
    }

    /// The URL itself, ending in `/`.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl std::fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_base_url_is_a_folder_that_output_paths_join() {
        let base = BaseUrl::parse("https://example.jp/incident").unwrap();
        assert_eq!(base.as_str(), "https://example.jp/incident/");
        assert_eq!(base.url_of("index.html"), "https://example.jp/incident/");
        assert_eq!(
            base.url_of("en/announcements/a/index.html"),
            "https://example.jp/incident/en/announcements/a/"
        );
        assert_eq!(
            base.url_of("feed.xml"),
            "https://example.jp/incident/feed.xml"
        );
        assert_eq!(
            base.url_of("announcements/a/not-index.html"),
            "https://example.jp/incident/announcements/a/not-index.html"
        );
        for bad in [
            "example.jp",
            "ftp://example.jp/",
            "https://example.jp/?a=1",
            "/incident/",
            "https://user:pass@example.jp/",
            "https://user@example.jp/",
            "https://:pass@example.jp/",
        ] {
            assert!(BaseUrl::parse(bad).is_err(), "{bad} accepted");
        }
    }
}
