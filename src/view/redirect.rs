//! What a redirect page (`redirect.html`) shows: where it sends readers, and the
//! words saying so in every language of the site, since whoever follows an old link
//! may read any of them.

use serde::Serialize;

use super::context::PageContext;
use crate::base::text::url_encoded;
use crate::model::redirect::RedirectTarget;
use crate::theme::Key;

/// A redirect page, written at an old path.
#[derive(Debug, Serialize)]
pub struct RedirectView {
    /// Where readers are sent: for a page of the site, a link relative to the old
    /// path (so it works on any host, under any sub-path, and from disk); for a web
    /// address, the address.
    pub url: String,
    /// The target's absolute address, for `<link rel="canonical">`: a web address,
    /// or a page of the site when `base_url` is set; else `None`.
    pub canonical: Option<String>,
    /// The page's title, in the site's main language.
    pub title: String,
    /// The notice in every language of the site, the main one first.
    pub notices: Vec<RedirectNotice>,
}

/// The words of a redirect page in one language.
#[derive(Debug, Serialize)]
pub struct RedirectNotice {
    /// Their language code, for the `lang` attribute.
    pub lang: String,
    /// The theme's `redirect_text`: the page has moved.
    pub text: String,
    /// The theme's `redirect_link`: the words of the link to the target.
    pub link: String,
}

/// The redirect page at this page's path, sending readers to `target`, which
/// redirects have already been followed to.
pub fn redirect(cx: &PageContext, target: &RedirectTarget) -> RedirectView {
    let (url, canonical) = match target {
        RedirectTarget::Web(address) => (address.clone(), Some(address.clone())),
        RedirectTarget::Site { path: to, fragment } => {
            let encoded = url_encoded(&to.file);
            let fragment = fragment
                .as_ref()
                .map_or_else(String::new, |f| format!("#{f}"));
            (
                format!("{}{fragment}", cx.link(&encoded)),
                cx.absolute(&encoded),
            )
        }
    };
    let words = |lang| &cx.all_strings[lang];
    RedirectView {
        url,
        canonical,
        title: cx.strings.get(Key::REDIRECT_TITLE).to_string(),
        notices: cx
            .site
            .languages
            .iter()
            .map(|lang| RedirectNotice {
                lang: lang.to_string(),
                text: words(lang).get(Key::REDIRECT_TEXT).to_string(),
                link: words(lang).get(Key::REDIRECT_LINK).to_string(),
            })
            .collect(),
    }
}
