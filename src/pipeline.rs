//! The pipeline every command runs, in order: load the site and its theme, plan its
//! files, make them, review them. `build` and `check` write each file as soon as it
//! is made ([`write`]); the preview and `publish` keep them in memory ([`render`]);
//! none of them has its own copy of a step.

use std::path::Path;

use crate::base::{Error, Message};
use crate::load::{self, Cache};
use crate::model::{Publish, Site, Sources};
use crate::output::Writer;
use crate::render::pdf::MadePdfs;
use crate::render::{OutputFile, Plan};
use crate::review::{self, Built, Examiner, Report, Scope};
use crate::theme::Theme;

/// A site loaded with its theme, ready to plan.
pub struct Prepared {
    /// The site as published under the run's [`Publish`].
    pub site: Site,
    /// Its theme, with the strings of the site's languages.
    pub theme: Theme,
    /// The texts of the content files it was loaded from.
    pub sources: Sources,
}

/// A site made into files in memory.
pub struct Rendered {
    /// The site, its theme and sources.
    pub prepared: Prepared,
    /// The plan the files were made from.
    pub plan: Plan,
    /// Every file of the output.
    pub files: Vec<OutputFile>,
}

/// Loads the site and its theme. Content problems are reported before the theme is
/// looked at, since the theme's strings are loaded for the languages the content
/// uses. Announcement files unchanged since `cache` saw them are not read again.
pub fn prepare(root: &Path, publish: &Publish, cache: &Cache) -> Result<Prepared, Error> {
    let loaded = load::load(root, publish, cache).map_err(Error::Invalid)?;
    let site = loaded.site;
    let theme = Theme::load(
        root,
        site.config.theme.as_ref(),
        &site.languages,
        &site.config.timezone_name,
    )
    .map_err(Error::Invalid)?;
    Ok(Prepared {
        site,
        theme,
        sources: loaded.sources,
    })
}

/// Every step but writing: the site as files in memory.
pub fn render(root: &Path, publish: &Publish, cache: &Cache) -> Result<Rendered, Error> {
    render_reusing(root, publish, cache, MadePdfs::default())
}

/// [`render`], reusing the PDFs of `previous` (an earlier output's,
/// `output::previous_pdfs`) where they were made from the same key.
pub fn render_reusing(
    root: &Path,
    publish: &Publish,
    cache: &Cache,
    previous: MadePdfs,
) -> Result<Rendered, Error> {
    let prepared = prepare(root, publish, cache)?;
    let plan = Plan::new(&prepared.site, &prepared.theme, previous).map_err(Error::Invalid)?;
    let files = plan
        .render_all(&prepared.site, &prepared.theme)
        .map_err(Error::Invalid)?;
    Ok(Rendered {
        prepared,
        plan,
        files,
    })
}

/// The pre-publication review of a site made into files in memory: all of it, or
/// (for `publish`) only the rules that can stop a release.
pub fn review(rendered: &Rendered, scope: Scope) -> Report {
    let prepared = &rendered.prepared;
    let examiner = Examiner::new(&prepared.site, &rendered.plan, scope);
    let built = Built::of(&rendered.files, &examiner);
    review_built(prepared, &rendered.plan, &built, scope)
}

fn review_built(prepared: &Prepared, plan: &Plan, built: &Built, scope: Scope) -> Report {
    review::review(
        &prepared.site,
        plan,
        &prepared.sources,
        &prepared.theme.strings,
        built,
        scope,
    )
}

/// A site made into files written into a staging folder beside its output, not yet
/// in place: [`Written::finish`] swaps it in; dropped, it is deleted.
pub struct Written {
    /// The site, its theme and sources.
    pub prepared: Prepared,
    /// The plan the files were made from.
    pub plan: Plan,
    /// What the review kept of each file, examined as it was written.
    pub built: Built,
    /// The scope the files were examined in.
    scope: Scope,
    writer: Writer,
}

impl Written {
    /// The pre-publication review of the files written, in the scope they were
    /// examined in.
    pub fn review(&self) -> Report {
        review_built(&self.prepared, &self.plan, &self.built, self.scope)
    }

    /// Puts the files in the output's place at once (`output::Writer::finish`).
    pub fn finish(self) -> Result<Option<Message>, Error> {
        self.writer.finish()
    }
}

/// Every step but the swap, for `build` and `check`: each file written into a staging
/// folder beside `out` as soon as it is made, and examined for the review (in
/// `scope`), so that no page's text is kept once written. Reuses the PDFs of
/// `previous` where they were made from the same key. Nothing of `out` is touched:
/// on any error the staging folder is deleted.
pub fn write(
    root: &Path,
    publish: &Publish,
    previous: MadePdfs,
    out: &Path,
    scope: Scope,
) -> Result<Written, Error> {
    let prepared = prepare(root, publish, &Cache::none())?;
    let (site, theme) = (&prepared.site, &prepared.theme);
    let plan = Plan::new(site, theme, previous).map_err(Error::Invalid)?;
    let writer = Writer::open(out)?;
    let examiner = Examiner::new(site, &plan, scope);
    let take = |file: OutputFile| -> Result<review::Examined, Error> {
        writer.write(&file)?;
        Ok(examiner.examine(&file))
    };
    let mut examined = Vec::with_capacity(plan.len());
    let mut problems = Vec::new();
    let [first, rest] = writer.halves(plan.len());
    for (range, last) in [(first, false), (rest, true)] {
        match plan.make_each(site, theme, range, take) {
            Ok(made) => examined.extend(made),
            Err(found) => problems.extend(found),
        }
        if !last {
            writer.halfway();
        }
    }
    if !problems.is_empty() {
        problems.sort();
        problems.dedup();
        return Err(Error::Invalid(problems));
    }
    let examined = examined.into_iter().collect::<Result<Vec<_>, Error>>()?;
    Ok(Written {
        built: Built::new(examined),
        prepared,
        plan,
        scope,
        writer,
    })
}
