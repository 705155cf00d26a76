//! Rule `page-weight`: each built page light enough to load under a traffic spike,
//! and without a script.

use std::path::PathBuf;

use super::input::{Checked, Observation};
use crate::msg;

/// A size in kilobytes, to a tenth: `12.3`.
fn kb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1024.0)
}

/// `page-weight`: each built page with the stylesheets it links stays within
/// `[check] page_weight_kb`, since crisis pages must load under a traffic spike; and
/// no page has a `<script>` element, which the theme never needs.
pub fn page_weight(checked: &Checked) -> Vec<Observation> {
    let site = checked.site;
    let built = checked.built;
    let budget = u64::from(site.config.check.page_weight_kb) * 1024;
    let mut found = Vec::new();
    for (path, page) in built.pages() {
        let html = built.size(path).unwrap_or(0);
        let css: u64 = page.stylesheets.iter().filter_map(|s| built.size(s)).sum();
        if html + css > budget {
            found.push(Observation {
                path: Some(PathBuf::from(path)),
                line: None,
                message: msg!(
                    "review-page-weight",
                    total = kb(html + css),
                    html = kb(html),
                    css = kb(css),
                    budget = site.config.check.page_weight_kb
                ),
                hint: msg!("review-page-weight-hint"),
            });
        }
        for &line in &page.scripts {
            found.push(Observation {
                path: Some(PathBuf::from(path)),
                line: Some(line),
                message: msg!("review-script"),
                hint: msg!("review-script-hint", theme = site.config.theme_name()),
            });
        }
    }
    found
}
