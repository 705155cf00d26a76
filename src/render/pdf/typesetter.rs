//! What every PDF of a build shares: typst's library, the fonts (the one site.toml
//! names first, the built-in BIZ UDPGothic behind it for what it lacks), the theme's
//! layouts parsed once, and the key of all of it, which the key of each PDF starts
//! from.

use std::collections::HashMap;
use std::sync::OnceLock;

use sha2::{Digest, Sha256};
use typst::foundations::Bytes;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontInfo};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt};
use typst_kit::fonts::FontStore;

use crate::base::{Located, Problem};
use crate::load::layout::SITE_TOML;
use crate::model::config::PdfSettings;
use crate::msg;
use crate::theme::pdf::{BUILT_IN_FAMILY, BUILT_IN_FONTS, PdfTheme};

/// The id of a file of the world, from its path (`/disclosure.typ`).
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The name of a file of the world without its leading `/`.
pub fn file_name(id: FileId) -> &'static str {
    id.get().vpath().get_without_slash()
}

/// The shared part of every PDF of a build.
pub struct Typesetter {
    pub(super) library: LazyHash<Library>,
    pub(super) fonts: FontStore,
    /// The font families the layouts ask for, in order (`data.fonts`).
    pub families: Vec<String>,
    sources: HashMap<FileId, Source>,
    /// Where each layout was read from, for messages.
    pub(super) shown: HashMap<FileId, std::path::PathBuf>,
    /// The key of the engine, layouts and fonts.
    pub(super) key: [u8; 32],
}

impl std::fmt::Debug for Typesetter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Typesetter")
            .field("families", &self.families)
            .finish_non_exhaustive()
    }
}

/// The built-in fonts, parsed once per process: their tables are large, and every
/// build of the preview would parse them again.
fn built_in() -> &'static [(Font, FontInfo)] {
    static PARSED: OnceLock<Vec<(Font, FontInfo)>> = OnceLock::new();
    PARSED.get_or_init(|| {
        BUILT_IN_FONTS
            .iter()
            .flat_map(|(_, bytes)| Font::iter(Bytes::new(*bytes)))
            .map(|font| {
                let info = font.info().clone();
                (font, info)
            })
            .collect()
    })
}

impl Typesetter {
    /// The typesetter of a build with `theme`'s layouts and fonts and site.toml's
    /// `[pdf]`. A font site.toml names that neither the theme nor the system has is
    /// a problem of its line.
    pub fn new(theme: &PdfTheme, settings: &PdfSettings) -> Result<Typesetter, Vec<Problem>> {
        let mut key = Sha256::new();
        key.update(concat!(
            "crisis-site ",
            env!("CARGO_PKG_VERSION"),
            " typst 0.15\n"
        ));
        let mut fonts = FontStore::new();
        fonts.extend(built_in().iter().cloned());
        key.update(BUILT_IN_FAMILY);
        for file in &theme.fonts {
            key.update(Sha256::digest(&file.bytes));
            fonts.extend(Font::iter(Bytes::new(file.bytes.clone())).map(|font| {
                let info = font.info().clone();
                (font, info)
            }));
        }
        let mut families = Vec::new();
        if let Some(font) = &settings.font {
            families.push(find_family(&mut fonts, font, &mut key)?);
        }
        families.push(BUILT_IN_FAMILY.to_string());
        let mut sources = HashMap::new();
        let mut shown = HashMap::new();
        for (name, layout) in &theme.layouts {
            let Some(id) = file_id(&format!("/{name}")) else {
                continue;
            };
            key.update(format!("{name}\n{}\n", layout.text.len()));
            key.update(layout.text.as_bytes());
            sources.insert(id, Source::new(id, layout.text.to_string()));
            shown.insert(id, layout.shown.clone());
        }
        key.update(families.join("\n"));
        Ok(Typesetter {
            library: LazyHash::new(Library::builder().build()),
            fonts,
            families,
            sources,
            shown,
            key: key.finalize().into(),
        })
    }

    /// The parsed layout file `id`, if the theme has it.
    pub(super) fn source(&self, id: FileId) -> Option<Source> {
        self.sources.get(&id).cloned()
    }
}

/// The family site.toml's `[pdf] font` names, as the fonts know it: among the
/// theme's and the site's `fonts/`, or else the system's, whose faces of that family
/// are added. The name is matched without regard to case.
fn find_family(
    fonts: &mut FontStore,
    font: &Located<String>,
    key: &mut Sha256,
) -> Result<String, Vec<Problem>> {
    let wanted = font.value.trim().to_lowercase();
    if let Some(family) = fonts
        .book()
        .families()
        .find(|(name, _)| name.to_lowercase() == wanted)
        .map(|(name, _)| name.to_string())
    {
        return Ok(family);
    }
    let system: Vec<_> = typst_kit::fonts::system().collect();
    let found: Vec<_> = system
        .iter()
        .filter(|(_, info)| info.family.to_lowercase() == wanted)
        .collect();
    let Some((_, first)) = found.first() else {
        // Only the nearest family is named: the list of a machine's fonts is long,
        // and differs from machine to machine.
        let known = fonts.book().families().map(|(name, _)| name.to_string());
        let known: Vec<String> = known
            .chain(system.iter().map(|(_, i)| i.family.clone()))
            .collect();
        let hint = crate::base::suggest::suggest(&font.value, known.iter().map(String::as_str))
            .map(|name| msg!("load-did-you-mean", name))
            .unwrap_or_else(|| msg!("render-pdf-no-fonts"));
        let name = font.value.as_str();
        return Err(vec![Problem::at(
            SITE_TOML,
            font.line,
            msg!("render-pdf-font-unknown", name, hint),
        )]);
    };
    let family = first.family.clone();
    for (path, info) in found {
        let stamp = std::fs::metadata(&path.path)
            .ok()
            .map(|m| (m.len(), m.modified().ok()));
        key.update(format!(
            "{}:{}:{stamp:?}\n",
            path.path.display(),
            path.index
        ));
        fonts.push((
            typst_kit::fonts::FontPath {
                path: path.path.clone(),
                index: path.index,
            },
            info.clone(),
        ));
    }
    Ok(family)
}
