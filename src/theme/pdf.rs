//! What the theme gives the PDFs: their layouts (typst files under `templates/pdf/`,
//! overridden file by file like the HTML templates) and their fonts (the built-in
//! BIZ UDPGothic, carried in the binary, and the files of a theme's or the site's
//! `fonts/`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::layers::{Layers, Part, Source, ThemeFile, read_problem};
use crate::base::Problem;
use crate::msg;

/// The folder of the PDF layouts inside `templates/`.
pub const LAYOUTS: &str = "pdf/";

/// The suffix of a layout.
const LAYOUT_SUFFIX: &str = ".typ";

/// The font files a font folder may hold.
const FONT_SUFFIXES: [&str; 4] = [".ttf", ".otf", ".ttc", ".otc"];

/// The built-in fonts: BIZ UDPGothic regular and bold (SIL Open Font License 1.1,
/// `themes/default/fonts/LICENSE-BIZUDPGothic.txt`), a universal-design face with
/// the Japanese and Latin glyphs a statement needs, embedded so that a machine with
/// no Japanese font makes the same PDF.
pub const BUILT_IN_FONTS: [(&str, &[u8]); 2] = [
    (
        "fonts/BIZUDPGothic-Regular.ttf",
        include_bytes!("../../themes/default/fonts/BIZUDPGothic-Regular.ttf"),
    ),
    (
        "fonts/BIZUDPGothic-Bold.ttf",
        include_bytes!("../../themes/default/fonts/BIZUDPGothic-Bold.ttf"),
    ),
];

/// The family of the built-in fonts.
pub const BUILT_IN_FAMILY: &str = "BIZ UDPGothic";

/// The PDF layouts and fonts of a theme.
#[derive(Debug, Clone, Default)]
pub struct PdfTheme {
    /// Each layout's text by its name under `templates/pdf/` (`disclosure.typ`), with
    /// the path messages name.
    pub layouts: BTreeMap<String, Layout>,
    /// The font files of the theme's and the site's `fonts/` (the built-in ones are
    /// [`BUILT_IN_FONTS`]).
    pub fonts: Vec<FontFile>,
}

/// One typst file of the PDF layouts.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The path messages name (`templates/pdf/disclosure.typ`).
    pub shown: PathBuf,
    /// Its text.
    pub text: Arc<str>,
}

/// One font file.
#[derive(Debug, Clone)]
pub struct FontFile {
    /// The path messages name.
    pub shown: PathBuf,
    /// Its bytes.
    pub bytes: FontBytes,
}

/// The bytes of a font file of the theme's or the site's `fonts/`, shared with the
/// fonts typst makes of them.
#[derive(Debug, Clone)]
pub struct FontBytes(pub Arc<Vec<u8>>);

impl AsRef<[u8]> for FontBytes {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl PdfTheme {
    /// The layouts among the templates of every layer (the highest winning) and the
    /// font files of every layer.
    pub(super) fn load(
        root: &Path,
        layers: &Layers,
        templates: &BTreeMap<String, Vec<ThemeFile>>,
        problems: &mut Vec<Problem>,
    ) -> PdfTheme {
        let mut layouts = BTreeMap::new();
        for (name, files) in templates {
            let Some(name) = name.strip_prefix(LAYOUTS) else {
                continue;
            };
            let Some(file) = files.last().filter(|_| name.ends_with(LAYOUT_SUFFIX)) else {
                continue;
            };
            match file.read(root) {
                Ok(text) => {
                    let layout = Layout {
                        shown: file.shown.clone(),
                        text: Arc::from(text.as_ref()),
                    };
                    layouts.insert(name.to_string(), layout);
                }
                Err(e) => problems.push(read_problem(file, &e, |error| {
                    msg!("theme-unreadable", error)
                })),
            }
        }
        let mut fonts = Vec::new();
        for (name, files) in layers.part(root, Part::Fonts, problems) {
            let lower = name.to_ascii_lowercase();
            if !FONT_SUFFIXES.iter().any(|s| lower.ends_with(s)) {
                continue;
            }
            for file in files {
                let Source::File = file.source else { continue };
                match crate::load::regular::read(&root.join(&file.shown), &file.shown) {
                    // A theme folder that copies the built-in theme (`themes/default/`)
                    // holds its fonts too: they are the built-in ones, not others.
                    Ok(bytes) if BUILT_IN_FONTS.iter().any(|(_, b)| *b == bytes) => {}
                    Ok(bytes) => fonts.push(FontFile {
                        shown: file.shown.clone(),
                        bytes: FontBytes(Arc::new(bytes)),
                    }),
                    Err(problem) => problems.push(problem),
                }
            }
        }
        PdfTheme { layouts, fonts }
    }
}
