//! The preview's rebuild after a one-file edit: what a writer waits for between saving
//! an announcement and seeing it. It runs the preview's own rebuild
//! (`crisis_site::MemoryBuild`, with the parsed-content cache kept between rebuilds,
//! drafts and embargoed announcements shown), then asks it for the edited page, as the
//! reloading browser does (the edit is shown), then makes every other file, as the
//! rebuild does before it reports (the rebuild is done). The edit rewrites the same
//! file the way a writer does, alternating two versions of its text.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use crisis_site::BaseUrl;
use crisis_site::Cache;
use crisis_site::Publish;
use crisis_site::{MemoryBuild, Served};

/// Times `edits` rebuilds of `site`, each after rewriting its first announcement, and
/// prints the fastest, the median and the slowest.
pub fn run(site: &Path, edits: usize) -> anyhow::Result<()> {
    if edits == 0 {
        bail!("--edits must be at least 1");
    }
    let file = first_announcement(site)?;
    let original =
        fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
    // Put the file back however the run ends, so the corpus stays the corpus.
    let _restore = Restore {
        file: file.clone(),
        text: original.clone(),
    };
    let publish = Publish {
        drafts: true,
        future: true,
        now: chrono::Local::now().fixed_offset().into(),
        base_url: Some(BaseUrl::parse("http://127.0.0.1:1111/").expect("a valid address")),
        preview: true,
    };
    let cache = Cache::keeping();
    let page = format!(
        "announcements/{}/index.html",
        file.file_stem()
            .and_then(|s| s.to_str())
            .context("a corpus file name")?
    );
    // The preview builds once when it starts; edits come after, each reusing the PDFs
    // of the build before it, as the preview does.
    let first = MemoryBuild::new(site, &publish, &cache, Default::default())
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let mut pdfs = first.pdfs();

    // Shown: the edited page made; made: every file, when the terminal reports.
    let mut shown: Vec<Duration> = Vec::with_capacity(edits);
    let mut made: Vec<Duration> = Vec::with_capacity(edits);
    for edit in 0..edits {
        let text = if edit % 2 == 0 {
            original.replacen("+++\n\n", &format!("+++\n\n追記 {edit}。\n\n"), 1)
        } else {
            original.clone()
        };
        fs::write(&file, text).with_context(|| format!("writing {}", file.display()))?;
        let started = Instant::now();
        let build =
            MemoryBuild::new(site, &publish, &cache, pdfs).map_err(|e| anyhow::anyhow!("{e}"))?;
        match build.get(&page) {
            Some(Served::Text(html)) => {
                std::hint::black_box(html);
            }
            _ => bail!("the preview has no page {page}"),
        }
        shown.push(started.elapsed());
        build
            .make_all()
            .map_err(|p| anyhow::anyhow!("{} template problems", p.len()))?;
        pdfs = build.pdfs();
        made.push(started.elapsed());
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    for (what, times) in [
        ("edited page shown", &mut shown),
        ("every file made", &mut made),
    ] {
        times.sort();
        println!(
            "rebuild after a one-file edit ({edits} edits of {}), {what}: min {:.1} ms, median {:.1} ms, max {:.1} ms",
            file.display(),
            ms(times[0]),
            ms(times[times.len() / 2]),
            ms(times[times.len() - 1])
        );
    }
    Ok(())
}

/// The corpus's first announcement, in either of its two forms.
fn first_announcement(site: &Path) -> anyhow::Result<std::path::PathBuf> {
    let folder = site.join("content").join("announcements");
    let mut names: Vec<_> = fs::read_dir(&folder)
        .with_context(|| format!("reading {}", folder.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "md") && !p.to_string_lossy().ends_with(".en.md")
        })
        .collect();
    names.sort();
    names
        .into_iter()
        .next()
        .with_context(|| format!("{} holds no announcement", folder.display()))
}

/// Writes a file's original text back when dropped.
struct Restore {
    file: std::path::PathBuf,
    text: String,
}

impl Drop for Restore {
    fn drop(&mut self) {
        if let Err(e) = fs::write(&self.file, &self.text) {
            eprintln!("error: could not restore {}: {e}", self.file.display());
        }
    }
}
