//! The PDFs of an output, recorded in its marker (`.crisis-site-output`, which no
//! host is sent) with the key each was made from and the digest of its bytes, so
//! that the next build reuses every PDF whose key is unchanged instead of typesetting
//! it again, and only a file still as the build wrote it.

use std::io::Write as _;
use std::path::Path;
use std::sync::Arc;

use sha2::{Digest, Sha256};

use super::folders::MARKER;
use crate::base::Error;
use crate::base::text::hex;
use crate::msg;
use crate::render::pdf::{MadePdf, MadePdfs, PdfKey};

/// The start of a marker line that records a PDF: `pdf KEY SHA256 PATH`.
const PDF_LINE: &str = "pdf ";

/// The marker's line of the PDF `pdf` written at `path`.
pub(super) fn line(path: &str, pdf: &MadePdf) -> String {
    let digest = hex(&Sha256::digest(&pdf.bytes));
    format!("{PDF_LINE}{} {digest} {path}\n", pdf.key.hex())
}

/// Adds `lines` ([`line`]) to the staging folder's marker.
pub(super) fn record<'a>(
    marker: &std::fs::File,
    lines: impl Iterator<Item = &'a str>,
    dir: &Path,
) -> Result<(), Error> {
    let lines: String = lines.collect();
    let mut marker = marker;
    marker.write_all(lines.as_bytes()).map_err(|e| {
        let path = dir.join(MARKER).display().to_string();
        Error::io(msg!("output-cannot-write", path), e)
    })
}

/// The PDFs the output at `out` holds as its build wrote them, by key: none where
/// there is no output, or no marker; a file changed since, or gone, is left out.
pub fn previous_pdfs(out: &Path) -> MadePdfs {
    let mut made = MadePdfs::default();
    let Ok(marker) = std::fs::read_to_string(out.join(MARKER)) else {
        return made;
    };
    for line in marker.lines() {
        let Some(rest) = line.strip_prefix(PDF_LINE) else {
            continue;
        };
        let mut parts = rest.splitn(3, ' ');
        let (Some(key), Some(digest), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let Some(key) = PdfKey::parse(key) else {
            continue;
        };
        // A path of the marker never leaves the output.
        if path.split('/').any(|part| part.is_empty() || part == "..") {
            continue;
        }
        let Ok(bytes) = crate::load::regular::open(&out.join(path)).and_then(|mut f| {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut bytes).map(|_| bytes)
        }) else {
            continue;
        };
        if hex(&Sha256::digest(&bytes)) == digest {
            made.insert(MadePdf {
                key,
                bytes: Arc::from(bytes),
            });
        }
    }
    made
}
