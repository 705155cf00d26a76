//! The host files: `_headers` and `_redirects`, which Netlify and Cloudflare Pages
//! read from the root of the folder they serve (and do not serve themselves). Their
//! paths are the output's, from its root, since those hosts serve the folder at the
//! root of its address; `base_url`'s path is not added.
//!
//! A site's own `static/_headers` or `static/_redirects` replaces the one made here
//! (`Plan::new` plans no job for it): a team that writes one knows its host better.

use super::cache::{EVERY_FILE, Lifetime};
use crate::base::text::url_encoded;
use crate::model::redirect::RedirectTarget;

/// `_headers`: a Cache-Control rule for each lifetime that one folder holds (the
/// files named by their content, kept for a year), then the headers of every file.
/// Every other file takes the host's own caching: a second Cache-Control rule matching
/// every path would be merged by those hosts with the first.
pub fn headers() -> String {
    let mut text = String::new();
    for lifetime in Lifetime::ALL {
        if let Some(folder) = lifetime.folder() {
            text.push_str(&format!(
                "/{folder}*\n  Cache-Control: {}\n",
                lifetime.cache_control()
            ));
        }
    }
    text.push_str("/*\n");
    for (name, value) in EVERY_FILE {
        text.push_str(&format!("  {name}: {value}\n"));
    }
    text
}

/// `_redirects`: one `/OLD /NEW 301` line for each redirect page, in site.toml's
/// order, each to where its redirects finally lead (as its page sends readers).
pub fn redirects<'a>(redirects: impl Iterator<Item = (&'a str, &'a RedirectTarget)>) -> String {
    let mut text = String::new();
    for (from, to) in redirects {
        let to = match to {
            RedirectTarget::Web(address) => address.clone(),
            RedirectTarget::Site { path, fragment } => {
                let fragment = fragment
                    .as_ref()
                    .map_or_else(String::new, |f| format!("#{}", url_encoded(f)));
                format!("{}{fragment}", address(&path.file))
            }
        };
        text.push_str(&format!("{} {to} 301\n", address(from)));
    }
    text
}

/// The path a request names the output file `file` by: from the root, encoded, a
/// folder's `index.html` left out (the address people quote and hosts match).
fn address(file: &str) -> String {
    let folder = match file.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => file,
    };
    format!("/{}", url_encoded(folder))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::redirect::Redirect;

    #[test]
    fn headers_keep_assets_for_a_year_and_forbid_sniffing_everywhere() {
        assert_eq!(
            headers(),
            "/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n\
             /*\n  X-Content-Type-Options: nosniff\n"
        );
    }

    #[test]
    fn redirects_name_old_and_new_addresses_encoded() {
        let parsed: Vec<Redirect> = [
            ("旧/", "/announcements/new/#原因 1"),
            ("old.html", "https://www.example.jp/ir"),
            ("/", "announcements/"),
        ]
        .iter()
        .enumerate()
        .map(|(line, (from, to))| Redirect::parse(from, to, line).unwrap())
        .collect();
        let text = redirects(parsed.iter().map(|r| (r.from.file.as_str(), &r.to)));
        assert_eq!(
            text,
            "/%E6%97%A7/ /announcements/new/#%E5%8E%9F%E5%9B%A0%201 301\n\
             /old.html https://www.example.jp/ir 301\n\
             / /announcements/ 301\n"
        );
    }
}
