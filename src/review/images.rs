//! Rule `image-alt`: every image of a published body described in words.

use std::path::Path;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::content::published;
use super::input::{Checked, Observation, events};

/// The attributes of the HTML tag that starts at `tag` (`<img …`), lowercase names,
/// values unquoted.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut attrs = Vec::new();
    let mut rest = tag.trim_start_matches('<');
    // Skip the element's name.
    rest = rest.trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return attrs;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = rest[end..].trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            if let Some(quote) = after.chars().next().filter(|c| *c == '"' || *c == '\'') {
                let inner = &after[1..];
                let close = inner.find(quote).unwrap_or(inner.len());
                value = inner[..close].to_string();
                rest = inner.get(close + 1..).unwrap_or_default();
            } else {
                let close = after
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(after.len());
                value = after[..close].to_string();
                rest = &after[close..];
            }
        }
        attrs.push((name, value));
    }
}

/// The `<img>` tags of raw HTML without a text alternative, each with the `src` it
/// shows. An empty `alt` passes only with `role="presentation"` (or `none`) or
/// `aria-hidden="true"`: the writer said in two ways that the image is decoration.
fn raw_images_without_alt(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut missing = Vec::new();
    for (at, _) in lower.match_indices("<img") {
        let end = lower[at..].find('>').map_or(lower.len(), |e| at + e + 1);
        let attrs = attributes(&html[at..end]);
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.trim().to_string())
        };
        let decorative = matches!(get("role").as_deref(), Some("presentation" | "none"))
            || get("aria-hidden").as_deref() == Some("true");
        let described = get("alt").is_some_and(|alt| !alt.is_empty());
        let declared_decoration = decorative && get("alt").is_some();
        if !described && !declared_decoration {
            missing.push(get("src").unwrap_or_default());
        }
    }
    missing
}

/// `image-alt`: every image of a published body has alternative text. In a crisis
/// statement an image carries facts (a chart of affected records, a screenshot of a
/// fake e-mail to watch for), so a markdown image with empty alt text (`![](x.png)`)
/// is a finding: markdown has no way to say "decorative". In raw HTML, an `<img>`
/// with `alt=""` and `role="presentation"` or `aria-hidden="true"` is decoration by
/// the writer's explicit choice and passes.
pub fn image_alt(checked: &Checked) -> Vec<Observation> {
    let mut found = Vec::new();
    let finding = |path: &Path, line: usize, src: &str| Observation {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message: if src.is_empty() {
            "an image has no alternative text".into()
        } else {
            format!("image `{src}` has no alternative text").into()
        },
        hint: "say what the image shows in its alt text (`![what it shows](file.png)`): readers \
               who cannot see it need the facts it carries"
            .into(),
    };
    for path in published(checked) {
        let Some(text) = checked.text(&path) else {
            continue;
        };
        // The image being read: where it starts, its source and its alt text so far.
        let mut open: Option<(usize, String, String)> = None;
        for (event, line) in events(text) {
            match event {
                Event::Start(Tag::Image { dest_url, .. }) => {
                    open = Some((line, dest_url.to_string(), String::new()));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, _, alt)) = &mut open {
                        alt.push_str(&t);
                    }
                }
                Event::End(TagEnd::Image) => {
                    if let Some((start, src, alt)) = open.take()
                        && alt.trim().is_empty()
                    {
                        found.push(finding(&path, start, &src));
                    }
                }
                Event::Html(html) | Event::InlineHtml(html) => {
                    for src in raw_images_without_alt(&html) {
                        found.push(finding(&path, line, &src));
                    }
                }
                _ => {}
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_images_need_alt_or_an_explicit_decoration() {
        assert_eq!(raw_images_without_alt(r#"<img src="a.png">"#), ["a.png"]);
        assert_eq!(
            raw_images_without_alt(r#"<IMG SRC='b.png' ALT="">"#),
            ["b.png"]
        );
        assert!(raw_images_without_alt(r#"<img src="c.png" alt="図1 影響範囲" />"#).is_empty());
        assert!(
            raw_images_without_alt(r#"<img alt="" role="presentation" src="line.png">"#).is_empty()
        );
        assert_eq!(
            raw_images_without_alt(r#"<img role=presentation src=d.png>"#),
            ["d.png"]
        );
    }
}
