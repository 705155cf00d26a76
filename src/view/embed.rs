//! What other sites embed: the one-line banner (`banner.html`) that the corporate home
//! page includes or frames, and the status badge (`status.svg`) it shows as an image.
//! Both are rebuilt with every build, so they always say the site's current status.

use serde::Serialize;

use super::context::{DateView, Label, PageContext};
use crate::base::text::xml_chars;
use crate::model::url;
use crate::theme::Key;

/// The banner: what happened, where the response stands and when the site last
/// changed, as one link to the site's home page.
#[derive(Debug, Serialize)]
pub struct BannerView {
    /// The site's title in the banner's language: it names the incident.
    pub title: String,
    /// The incident's status: `id` for its colour, `label` for its words.
    pub status: Label,
    /// The newest publication or amendment of a published announcement, or `None`
    /// while nothing is published.
    pub last_updated: Option<DateView>,
    /// The home page in the banner's language. Absolute with `base_url`, since the
    /// banner is shown on another site; without it, relative to `banner.html`, which
    /// resolves only where the banner is framed (an `<iframe>`), not included.
    pub url: String,
}

/// The badge, drawn like the status badges of CI services: a grey label on the left
/// ("状況"), the status in its colour on the right ("復旧対応中"). Every length is
/// computed here, from the text, so the template only places numbers.
#[derive(Debug, Serialize)]
pub struct BadgeView {
    /// What the badge says in a sentence, with the site's title, for `<title>` and
    /// `aria-label`: an image's text must not depend on reading its parts.
    pub description: String,
    /// The left part: the theme's `badge_label`.
    pub label: BadgePart,
    /// The right part: the status's words.
    pub status: BadgePart,
    /// The status's id (`investigating`, ...), for its colour.
    pub status_id: &'static str,
    /// The whole badge's width in pixels.
    pub width: u32,
    /// Its height in pixels.
    pub height: u32,
    /// The font size the widths were estimated for, in pixels.
    pub font_size: u32,
    /// Where the text's baseline is, from the top, in pixels.
    pub baseline: u32,
}

/// One coloured part of the badge, with its text.
#[derive(Debug, Serialize)]
pub struct BadgePart {
    /// The words.
    pub text: String,
    /// Where the part starts, from the left, in pixels.
    pub x: u32,
    /// Its width, padding included.
    pub width: u32,
    /// The middle of the part, where the text is centred.
    pub text_x: u32,
    /// The estimated width of the text alone: given to `textLength`, so that a font
    /// wider or narrower than estimated is fitted to it rather than overflowing.
    pub text_width: u32,
}

/// The badge's font size, height, text baseline and the space on each side of a
/// part's text, in pixels.
const FONT_SIZE: u32 = 12;
const HEIGHT: u32 = 20;
const BASELINE: u32 = 14;
const PADDING: u32 = 6;

impl BadgePart {
    fn new(text: String, x: u32) -> BadgePart {
        let text_width = text_width(&text, FONT_SIZE);
        let width = text_width + 2 * PADDING;
        BadgePart {
            text,
            x,
            width,
            text_x: x + width / 2,
            text_width,
        }
    }
}

/// An estimate of how wide `text` is at `font_size` pixels, rounded up: wide characters
/// (CJK, kana, full-width forms: East Asian Width W and F, as `unicode-width` knows
/// them) are 1 em, the rest about 0.6 em (sans-serif Latin letters and digits average
/// a little less). An SVG image cannot measure its text when it is drawn, and a badge
/// must not depend on a web font.
pub fn text_width(text: &str, font_size: u32) -> u32 {
    use unicode_width::UnicodeWidthChar as _;
    let tenths: u32 = text
        .chars()
        .map(|c| if c.width() == Some(2) { 10 } else { 6 })
        .sum();
    (tenths * font_size).div_ceil(10)
}

/// The banner in this page's language (the page being `banner.html`).
pub fn banner(cx: &PageContext) -> BannerView {
    let home = url::home(cx.lang, cx.main());
    let status = cx.state.status;
    BannerView {
        title: cx.site.config.title_in(cx.lang).to_string(),
        status: cx.label(Key::status(status), status.id()),
        last_updated: cx.site.last_updated.map(|d| cx.date(&d)),
        url: cx.absolute(&home).unwrap_or_else(|| cx.link(&home)),
    }
}

/// The badge in this page's language (the page being `status.svg`).
pub fn badge(cx: &PageContext) -> BadgeView {
    let status = cx.label(Key::status(cx.state.status), cx.state.status.id());
    let description = cx.strings.fill(
        Key::BADGE_DESCRIPTION,
        &[
            ("{title}", cx.site.config.title_in(cx.lang)),
            ("{status}", &status.label),
        ],
    );
    let label = BadgePart::new(cx.strings.get(Key::BADGE_LABEL).to_string(), 0);
    let status_part = BadgePart::new(status.label, label.width);
    BadgeView {
        // status.svg is XML: a control character in the site's title would make
        // the browser show no badge at all.
        description: xml_chars(&description),
        width: label.width + status_part.width,
        label,
        status: status_part,
        status_id: status.id,
        height: HEIGHT,
        font_size: FONT_SIZE,
        baseline: BASELINE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_count_a_full_em() {
        assert_eq!(text_width("状況", 12), 24);
        assert_eq!(text_width("復旧対応中", 10), 50);
        assert_eq!(text_width("Recovering", 10), 60);
        // Full-width punctuation and kana are wide; a rounding error never narrows.
        assert_eq!(text_width("（カ）", 10), 30);
        assert_eq!(text_width("a", 12), 8);
        assert_eq!(text_width("", 12), 0);
    }
}
