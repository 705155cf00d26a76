//! site.toml's `[pdf]`: the PDF made of every announcement.

use crate::base::Located;

/// site.toml's `[pdf]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfSettings {
    /// Whether the build makes a PDF of every announcement (`make`, on unless set to
    /// false). An announcement's `official_pdf` is linked either way.
    pub make: bool,
    /// The font family the PDFs are set in (`font`), with its line: one of the
    /// theme's `fonts/` or the system's. `None` is the built-in BIZ UDPGothic.
    pub font: Option<Located<String>>,
}

impl Default for PdfSettings {
    fn default() -> Self {
        PdfSettings {
            make: true,
            font: None,
        }
    }
}
