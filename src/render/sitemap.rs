//! What crawlers read: `robots.txt`, and `sitemap.xml` listing every page with its
//! last change and its other languages, so a new statement is found quickly.
//!
//! A sitemap needs absolute addresses, so it is written only with `base_url`. A site
//! in standby gets no sitemap, and a robots.txt that keeps every crawler out.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::job::Listed;
use crate::model::{BaseUrl, Site, url};

/// The sitemaps protocol's namespace.
const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
/// The namespace of `xhtml:link`, which names a page's other languages.
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// robots.txt: everything allowed, and where the sitemap is; in standby, nothing.
pub fn robots(site: &Site) -> String {
    let mut robots = String::from("User-agent: *\n");
    if site.config.standby {
        robots.push_str("Disallow: /\n");
    } else {
        robots.push_str("Allow: /\n");
    }
    if let Some(base) = sitemap_base(site) {
        robots.push_str(&format!("\nSitemap: {}\n", base.url_of(url::SITEMAP)));
    }
    robots
}

/// The address the sitemap is published under, or `None` when no sitemap is written:
/// without `base_url`, or in standby.
pub fn sitemap_base(site: &Site) -> Option<&BaseUrl> {
    match &site.config.base_url {
        Some(base) if !site.config.standby => Some(base),
        _ => None,
    }
}

/// sitemap.xml, listing `pages` under `base`.
pub fn sitemap(base: &BaseUrl, pages: &[Listed]) -> String {
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
