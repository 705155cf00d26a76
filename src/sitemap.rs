//! What crawlers read: `robots.txt`, and `sitemap.xml` listing every page with its
//! last change and its other languages, so a new statement is found quickly.
//!
//! A sitemap needs absolute addresses, so it is written only with `base_url`. A site
//! in standby gets no sitemap, and a robots.txt that keeps every crawler out.

use chrono::{DateTime, FixedOffset};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use crate::config::BaseUrl;
use crate::render::{Content, OutputFile};
use crate::site::Site;

/// The sitemaps protocol's namespace.
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// The namespace of `xhtml:link`, which names a page's other languages.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// A page as the sitemap lists it.
#[derive(Debug, Clone)]
pub struct Listed {
    /// Its output path.
    pub path: String,
    /// When its content last changed, if known.
    pub changed: Option<DateTime<FixedOffset>>,
    /// Its path in every language it exists in, its own included, with the language.
    pub versions: Vec<(String, String)>,
}

/// robots.txt always, and sitemap.xml when `base_url` is set and the site is live.
pub fn files(site: &Site, pages: &[Listed]) -> Vec<OutputFile> {
    let config = &site.config;
    let sitemap = sitemap_base(site);
    let mut robots = String::from("User-agent: *\n");
    if config.standby {
        robots.push_str("Disallow: /\n");
    } else {
        robots.push_str("Allow: /\n");
    }
    let mut files = Vec::new();
    if let Some(base) = sitemap {
        robots.push_str(&format!("\nSitemap: {}\n", base.url_of(SITEMAP)));
        files.push(OutputFile {
            path: SITEMAP.to_string(),
            content: Content::Text(sitemap_xml(base, pages)),
        });
    }
    files.push(OutputFile {
        path: ROBOTS.to_string(),
        content: Content::Text(robots),
    });
    files
}

/// The paths of [`files`], in the same order, without making them.
pub fn paths(site: &Site) -> Vec<String> {
    let sitemap = sitemap_base(site).map(|_| SITEMAP.to_string());
    sitemap.into_iter().chain([ROBOTS.to_string()]).collect()
}

const SITEMAP: &str = "sitemap.xml";
const ROBOTS: &str = "robots.txt";

/// The address the sitemap is published under, or `None` when no sitemap is written:
/// without `base_url`, or in standby.
fn sitemap_base(site: &Site) -> Option<&crate::config::BaseUrl> {
    match &site.config.base_url {
        Some(base) if !site.config.standby => Some(base),
        _ => None,
    }
}

fn sitemap_xml(base: &BaseUrl, pages: &[Listed]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    let written: std::io::Result<()> = (|| {
        writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        writer
            .create_element("urlset")
            .with_attributes([("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)])
            .write_inner_content(|w| {
                for page in pages {
                    w.create_element("url").write_inner_content(|w| {
                        let loc = base.url_of(&page.path);
                        w.create_element("loc")
                            .write_text_content(BytesText::new(&loc))?;
                        if let Some(changed) = page.changed {
                            w.create_element("lastmod")
                                .write_text_content(BytesText::new(&changed.to_rfc3339()))?;
                        }
                        if page.versions.len() > 1 {
                            for (lang, path) in &page.versions {
                                w.create_element("xhtml:link")
                                    .with_attributes([
                                        ("rel", "alternate"),
                                        ("hreflang", lang.as_str()),
                                        ("href", base.url_of(path).as_str()),
                                    ])
                                    .write_empty()?;
                            }
                        }
                        Ok(())
                    })?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    written.expect("writing XML to memory cannot fail");
    let mut xml = String::from_utf8(writer.into_inner()).expect("quick-xml writes UTF-8");
    xml.push('\n');
    xml
}
