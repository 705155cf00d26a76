//! Redirect pages: site.toml's `[redirects]`, checked against every other path of the
//! output when the build is planned, and written as small pages at the old paths
//! that send readers on with `<meta http-equiv="refresh">` (no script) and a link.

use std::collections::HashMap;
use std::path::Path;

use super::file::Origin;
use super::job::Job;
use crate::base::{Message, Problem};
use crate::load::layout::SITE_TOML;
use crate::model::redirect::{Redirect, RedirectTarget};
use crate::model::{Site, url};
use crate::msg;
use crate::state::State;
use crate::theme::{Template, Theme};
use crate::view::PageContext;
use crate::view::redirect::redirect;

/// The redirect pages to write, each at its old path with where it finally leads,
/// after checking every redirect against `written`, every other file of the output:
/// its old path must be free, and its target must be written (directly, or through
/// other redirects, which are followed so that readers are sent on once). All
/// problems are reported together.
pub fn plan(site: &Site, written: &[(&str, Origin)]) -> Result<Vec<Job>, Vec<Problem>> {
    let redirects = &site.config.redirects;
    let by_path: HashMap<&str, Origin> = written.iter().copied().collect();
    let by_from: HashMap<&str, &Redirect> = redirects
        .iter()
        .map(|r| (r.from.file.as_str(), r))
        .collect();
    let mut problems = Vec::new();
    let mut resolved = Vec::new();
    for r in redirects {
        let mut messages = taken(r, &by_path, &site.root);
        match lead(r, &by_from, &by_path) {
            Ok(Some(to)) => resolved.push(Job::Redirect {
                from: r.from.file.clone(),
                to,
            }),
            Ok(None) => {}
            Err(message) => messages.push(message),
        }
        problems.extend(
            messages
                .into_iter()
                .map(|message| Problem::at(SITE_TOML, r.line, message)),
        );
    }
    if problems.is_empty() {
        Ok(resolved)
    } else {
        Err(problems)
    }
}

/// Why `r`'s old path cannot take a redirect page: it is in `assets/`, the build
/// writes a file there, or a file where the path needs a folder.
fn taken(r: &Redirect, by_path: &HashMap<&str, Origin>, root: &Path) -> Vec<Message> {
    let mut messages = Vec::new();
    if r.from.file.starts_with(url::ASSETS) {
        // Kept for a year (`cache`): a redirect page there could never be changed.
        messages.push(msg!(
            "render-redirect-assets",
            from = r.from.written.as_str(),
            folder = url::ASSETS
        ));
    }
    if let Some(content) = by_path.get(r.from.file.as_str()) {
        messages.push(msg!(
            "render-redirect-replaces",
            from = r.from.written.as_str(),
            other = content.describe(root),
            path = r.from.file.as_str()
        ));
    }
    for (end, _) in r.from.file.match_indices('/') {
        let folder = &r.from.file[..end];
        if let Some(content) = by_path.get(folder) {
            messages.push(msg!(
                "render-redirect-needs-folder",
                from = r.from.written.as_str(),
                folder,
                other = content.describe(root)
            ));
        }
    }
    messages
}

/// Where `r` finally leads, when that is a file the build writes or a web address.
/// `Ok(None)` when its target is missing behind another redirect, or it leads into a
/// loop it is not part of: those are the other redirects' problems, reported on their
/// own lines.
fn lead(
    r: &Redirect,
    by_from: &HashMap<&str, &Redirect>,
    by_path: &HashMap<&str, Origin>,
) -> Result<Option<RedirectTarget>, Message> {
    match follow(r, by_from) {
        Ok(RedirectTarget::Site { path, .. }) if !by_path.contains_key(path.file.as_str()) => {
            let own =
                matches!(&r.to, RedirectTarget::Site { path: own, .. } if own.file == path.file);
            if !own {
                return Ok(None);
            }
            Err(msg!(
                "render-redirect-no-target",
                to = path.written.as_str()
            ))
        }
        Ok(target) => Ok(Some(target)),
        Err(Loop::Through(chain)) => Err(msg!("render-redirect-loop", chain = chain.join(" -> "))),
        Err(Loop::Entered) => Ok(None),
    }
}

/// The redirect page at `from`, sending readers to `to`: in the main language, with
/// the notice in every language of the site.
pub fn render(
    site: &Site,
    state: &State,
    theme: &Theme,
    from: &str,
    to: &RedirectTarget,
) -> Result<String, Vec<Problem>> {
    let main = site.main_language();
    let cx = PageContext::new(site, theme, state, main, from.to_string());
    let mut context = tera::Context::new();
    context.insert("lang", main.as_str());
    context.insert_value("t", cx.strings.value.clone());
    context.insert("redirect", &redirect(&cx, to));
    theme.render(Template::Redirect, &context)
}

/// Why a redirect's chain has no end.
enum Loop {
    /// The redirect is in a loop, whose old paths are given in order, back to it.
    Through(Vec<String>),
    /// The redirect leads into a loop it is not part of, reported on the loop's lines.
    Entered,
}

/// Where `start` finally leads: its target, or the target of the redirect its target
/// is the old path of, and so on. A fragment is kept from the first redirect that
/// gives one: it names a part of the page the writer meant.
fn follow(start: &Redirect, by_from: &HashMap<&str, &Redirect>) -> Result<RedirectTarget, Loop> {
    let mut seen: Vec<&Redirect> = vec![start];
    let mut fragment: Option<String> = None;
    let mut to = &start.to;
    loop {
        let RedirectTarget::Site {
            path,
            fragment: this_fragment,
        } = to
        else {
            return Ok(to.clone());
        };
        if fragment.is_none() {
            fragment = this_fragment.clone();
        }
        let Some(next) = by_from.get(path.file.as_str()) else {
            return Ok(RedirectTarget::Site {
                path: path.clone(),
                fragment,
            });
        };
        // Old paths are unique (see `duplicates`), so they identify redirects.
        if next.from.file == start.from.file {
            let mut chain: Vec<String> = seen.iter().map(|r| r.from.written.clone()).collect();
            chain.push(start.from.written.clone());
            return Err(Loop::Through(chain));
        }
        if seen.iter().any(|r| r.from.file == next.from.file) {
            return Err(Loop::Entered);
        }
        seen.push(next);
        to = &next.to;
    }
}
