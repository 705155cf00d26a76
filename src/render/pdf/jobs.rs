//! The PDFs of a build: which announcement in which language gets one, each made
//! before the pages, which show their size.

use std::collections::HashMap;

use rayon::prelude::*;

use super::made::{MadePdf, MadePdfs};
use super::typeset::{Made, PdfSource};
use super::typesetter::Typesetter;
use crate::base::{Lang, Message, Problem};
use crate::model::{Site, url};
use crate::msg;
use crate::state::State;
use crate::theme::Theme;
use crate::view::PageContext;
use crate::view::announcement::announcement;
use crate::view::pdf::{layout, pdf_view};

/// The PDFs of a plan, made.
#[derive(Debug, Default)]
pub struct PdfJobs {
    made: HashMap<(Lang, usize), Result<MadePdf, Vec<Problem>>>,
    /// How many were typeset (the others were reused from the earlier build).
    pub typeset: usize,
    /// What the build should say of them: a PDF that could not be PDF/UA-1.
    pub warnings: Vec<Message>,
}

/// The PDF an announcement's page links to.
#[derive(Debug, Clone)]
pub struct PdfLink {
    /// Its path from the output root, URL-encoded (`url::pdf_of`).
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// Whether it is the writer's official PDF (`official_pdf`) rather than one the
    /// build made.
    pub official: bool,
}

impl PdfJobs {
    /// The PDFs of `site`: one for each announcement in each language it is in, but
    /// where its text names an `official_pdf`; none when site.toml's `[pdf] make`
    /// is false. `previous` holds the PDFs an earlier build made, reused where the
    /// key is the same.
    ///
    /// All are made here, in parallel, before any page: a page shows its PDF's size,
    /// and a page waiting on a PDF another thread makes could wait on itself (typst
    /// works on the same thread pool).
    pub fn new(
        site: &Site,
        state: &State,
        theme: &Theme,
        previous: MadePdfs,
    ) -> Result<PdfJobs, Vec<Problem>> {
        if !site.config.pdf.make {
            return Ok(PdfJobs::default());
        }
        let main = site.main_language();
        let mut wanted = Vec::new();
        for lang in &site.languages {
            for (i, a) in site.announcements.iter().enumerate() {
                // `[pdf] make` is true here: every text without an official PDF.
                if a.version(lang, main)
                    .is_some_and(|v| v.official_pdf.is_none())
                {
                    wanted.push((lang.clone(), i));
                }
            }
        }
        if wanted.is_empty() {
            return Ok(PdfJobs::default());
        }
        let typesetter = Typesetter::new(&theme.pdf, &site.config.pdf)?;
        let made: Vec<_> = pool().install(|| {
            wanted
                .into_par_iter()
                .map(|(lang, i)| {
                    let pdf = make(site, state, theme, &typesetter, &previous, &lang, i);
                    ((lang, i), pdf)
                })
                .collect()
        });
        let mut typeset = 0;
        let mut warnings = Vec::new();
        let made = made
            .into_iter()
            .map(|((lang, i), result)| {
                let pdf = result.map(|made| {
                    typeset += usize::from(made.typeset);
                    if let Some(error) = made.not_accessible {
                        let a = &site.announcements[i];
                        let path = url::pdf(&lang, main, &a.slug);
                        warnings.push(msg!("render-pdf-not-ua-warning", path, error));
                    }
                    made.pdf
                });
                ((lang, i), pdf)
            })
            .collect();
        Ok(PdfJobs {
            made,
            typeset,
            warnings,
        })
    }

    /// The PDFs made.
    pub fn made(&self) -> MadePdfs {
        let mut made = MadePdfs::default();
        for pdf in self.made.values().filter_map(|made| made.as_ref().ok()) {
            made.insert(pdf.clone());
        }
        made
    }

    /// How many PDFs the build has.
    pub fn len(&self) -> usize {
        self.made.len()
    }

    /// Whether the build has no PDF.
    pub fn is_empty(&self) -> bool {
        self.made.is_empty()
    }

    /// Whether the announcement at `index` gets a PDF made in `lang`.
    pub fn makes(&self, lang: &Lang, index: usize) -> bool {
        self.made.contains_key(&(lang.clone(), index))
    }

    /// The PDF of the announcement at `index` in `lang`, or its layout's problems.
    pub fn get(&self, lang: &Lang, index: usize) -> Option<&Result<MadePdf, Vec<Problem>>> {
        self.made.get(&(lang.clone(), index))
    }

    /// The PDF the page of the announcement at `index` in `lang` links to: its
    /// official PDF, or the one the build makes (made now, for its size).
    pub fn link(
        &self,
        site: &Site,
        lang: &Lang,
        index: usize,
    ) -> Result<Option<PdfLink>, Vec<Problem>> {
        let main = site.main_language();
        let a = &site.announcements[index];
        let Some(version) = a.version(lang, main) else {
            return Ok(None);
        };
        let Some(path) = url::pdf_of(site, lang, a) else {
            return Ok(None);
        };
        if let Some(name) = &version.official_pdf {
            let size = a
                .attachments
                .iter()
                .find(|f| f.name == name.value)
                .map_or(0, |f| f.size);
            return Ok(Some(PdfLink {
                path,
                size,
                official: true,
            }));
        }
        match self.get(lang, index) {
            None => Ok(None),
            Some(Ok(pdf)) => Ok(Some(PdfLink {
                path,
                size: pdf.bytes.len() as u64,
                official: false,
            })),
            Some(Err(problems)) => Err(problems.clone()),
        }
    }
}

/// The PDF of the announcement at `index` in `lang`: reused from `previous` where its
/// key is there, typeset otherwise.
fn make(
    site: &Site,
    state: &State,
    theme: &Theme,
    typesetter: &Typesetter,
    previous: &MadePdfs,
    lang: &Lang,
    index: usize,
) -> Result<Made, Vec<Problem>> {
    let a = &site.announcements[index];
    let path = url::pdf(lang, site.main_language(), &a.slug);
    let cx = PageContext::new(site, theme, state, lang, path);
    let page = announcement(&cx, index);
    let layout = layout(&a.channels.list());
    let view = pdf_view(&cx, index, page, &typesetter.families);
    let data = serde_json::to_vec(&view).expect("the PDF's view is plain data");
    let source = PdfSource {
        layout,
        data,
        ident: format!("{}/{lang}", a.slug),
    };
    typesetter.make(source, previous)
}

/// The threads PDFs are typeset on: typst lays out by recursion, deeper than the
/// default stack of a thread allows for a long or nested text, so these threads have
/// a large one (address space, only used as deep as a layout goes).
fn pool() -> &'static rayon::ThreadPool {
    static POOL: std::sync::OnceLock<rayon::ThreadPool> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("crisis-site-pdf-{i}"))
            .stack_size(256 << 20)
            .build()
            .expect("the PDF threads start")
    })
}
