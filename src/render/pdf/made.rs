//! PDFs made, by the key of what each was made from: an earlier build's, to reuse.

use std::collections::HashMap;
use std::sync::Arc;

/// What a PDF is made from, as a digest: equal keys make equal bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PdfKey(pub [u8; 32]);

impl PdfKey {
    /// The key as hexadecimal digits, as the output's marker records it.
    pub fn hex(&self) -> String {
        crate::base::text::hex(&self.0)
    }

    /// A key read back from its hexadecimal digits.
    pub fn parse(hex: &str) -> Option<PdfKey> {
        if hex.len() != 64 {
            return None;
        }
        let mut key = [0; 32];
        for (i, byte) in key.iter_mut().enumerate() {
            *byte = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(PdfKey(key))
    }
}

/// A PDF made, with the key it was made from.
#[derive(Debug, Clone)]
pub struct MadePdf {
    /// What it was made from.
    pub key: PdfKey,
    /// Its bytes.
    pub bytes: Arc<[u8]>,
}

/// The PDFs an earlier build made, by key: the previous output's, or the preview's
/// last build's.
#[derive(Debug, Clone, Default)]
pub struct MadePdfs(HashMap<PdfKey, Arc<[u8]>>);

impl MadePdfs {
    /// Remembers a PDF.
    pub fn insert(&mut self, pdf: MadePdf) {
        self.0.insert(pdf.key, pdf.bytes);
    }

    /// The PDF made from `key`, if one was.
    pub fn get(&self, key: &PdfKey) -> Option<MadePdf> {
        self.0.get(key).map(|bytes| MadePdf {
            key: *key,
            bytes: Arc::clone(bytes),
        })
    }

    /// How many it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}
