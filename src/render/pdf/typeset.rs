//! Typesetting one PDF: its layout and data through typst, to tagged PDF/UA-1, or
//! to tagged PDF where the text has characters the fonts lack (which PDF/UA-1
//! forbids), with a warning.

use std::sync::Arc;

use sha2::{Digest, Sha256};
use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, Smart};
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use super::made::{MadePdf, MadePdfs, PdfKey};
use super::typesetter::{Typesetter, file_id, file_name};
use super::world::Document;
use crate::base::{Message, Problem};
use crate::msg;

/// A PDF as [`Typesetter::make`] gives it.
pub struct Made {
    /// The PDF.
    pub pdf: MadePdf,
    /// Whether it was typeset now (not reused).
    pub typeset: bool,
    /// Why it is tagged PDF but not PDF/UA-1, where it is not.
    pub not_accessible: Option<Message>,
}

/// A PDF to make: the layout (`disclosure.typ`), its data, and what identifies the
/// document across its versions.
pub struct PdfSource<'a> {
    /// The layout's name under `templates/pdf/`.
    pub layout: &'a str,
    /// The data the layout reads, as JSON.
    pub data: Vec<u8>,
    /// The document's identity, the same in every version of it (slug and language).
    pub ident: String,
}

impl Typesetter {
    /// The key of a PDF made from `source`.
    pub fn key(&self, source: &PdfSource) -> PdfKey {
        let mut key = Sha256::new();
        key.update(self.key);
        key.update(format!("{}\n{}\n", source.layout, source.ident));
        key.update(&source.data);
        PdfKey(key.finalize().into())
    }

    /// The PDF of `source`: from `made` when it was made from the same key, typeset
    /// otherwise. A layout's error is a problem of its file and line.
    pub fn make(&self, source: PdfSource, made: &MadePdfs) -> Result<Made, Vec<Problem>> {
        let key = self.key(&source);
        if let Some(pdf) = made.get(&key) {
            return Ok(Made {
                pdf,
                typeset: false,
                not_accessible: None,
            });
        }
        let Some(main) =
            file_id(&format!("/{}", source.layout)).filter(|id| self.source(*id).is_some())
        else {
            let layout = source.layout;
            return Err(vec![Problem::in_file(
                "templates/pdf/",
                msg!("render-pdf-layout-missing", layout),
            )]);
        };
        let document = Document {
            typesetter: self,
            main,
            data: Bytes::new(source.data),
        };
        let compiled = typst::compile::<PagedDocument>(&document);
        let paged = compiled.output.map_err(|e| self.problems(&document, &e))?;
        let options = |standards: PdfStandards| PdfOptions {
            ident: Smart::Custom(source.ident.clone()),
            tagged: true,
            standards,
            ..PdfOptions::default()
        };
        let ua = PdfStandards::new(&[PdfStandard::Ua_1])
            .expect("PDF/UA-1 alone is a valid set of standards");
        // PDF/UA-1 forbids a character no font has a glyph for (an emoji, a control
        // character, a rare kanji): such a text still gets its PDF, tagged, and the
        // build says why it is not PDF/UA-1.
        let (bytes, not_accessible) = match typst_pdf::pdf(&paged, &options(ua)) {
            Ok(bytes) => (bytes, None),
            Err(refused) => {
                let bytes = typst_pdf::pdf(&paged, &options(PdfStandards::default()))
                    .map_err(|e| self.problems(&document, &e))?;
                let error = refused.first().map(|e| e.message.to_string());
                (
                    bytes,
                    Some(msg!("render-pdf-not-ua", error = error.unwrap_or_default())),
                )
            }
        };
        let pdf = MadePdf {
            key,
            bytes: Arc::from(bytes),
        };
        forget_old();
        Ok(Made {
            pdf,
            typeset: true,
            not_accessible,
        })
    }

    /// typst's errors as problems: at the layout's line where typst names one.
    fn problems(&self, world: &Document, errors: &[SourceDiagnostic]) -> Vec<Problem> {
        errors
            .iter()
            .map(|e| {
                let error = e.message.to_string();
                let hints: Vec<String> = e.hints.iter().map(|h| h.v.to_string()).collect();
                let message = if hints.is_empty() {
                    msg!("render-pdf-failed", error)
                } else {
                    let hint = hints.join("; ");
                    msg!("render-pdf-failed-hint", error, hint)
                };
                let Some(id) = e.span.id() else {
                    return Problem::in_file("templates/pdf/", message);
                };
                let shown = self
                    .shown
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| file_name(id).into());
                let line = world
                    .range(e.span)
                    .and_then(|range| world.source(id).ok()?.lines().byte_to_line(range.start));
                match line {
                    Some(line) => Problem::at(shown, line + 1, message),
                    None => Problem::in_file(shown, message),
                }
            })
            .collect()
    }
}

/// Lets typst forget what it memoized for documents made a while ago: without it,
/// a process that makes many PDFs (a large build, a long preview) keeps all it ever
/// memoized (about 440 MB for 1,000 documents). Called after each PDF, so memory
/// stays that of the few documents in the making; what they share (fonts, the
/// layouts parsed) is used by every one, so it stays young.
pub fn forget_old() {
    typst::comemo::evict(4);
}
