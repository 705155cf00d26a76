//! `crisis-site check`: the pre-publication review of the site as it would be
//! published, after building it into a temporary folder as `build` would, so that a
//! site that cannot be built or written fails here too.

use std::path::Path;

use crate::base::Error;
use crate::model::Publish;
use crate::msg;
use crate::review::{Report, Scope};
use crate::{output, pipeline};

/// Reviews the site at `root` as it would be published under `publish`.
pub fn check(root: &Path, publish: &Publish) -> Result<Report, Error> {
    // The PDFs `build` last wrote to the default output are reused where unchanged.
    let previous = output::previous_pdfs(&root.join(crate::load::layout::OUTPUT));
    let scratch = tempfile::tempdir().map_err(|e| Error::io(msg!("commands-check-scratch"), e))?;
    let out = scratch.path().join("public");
    let written = pipeline::write(root, publish, previous, &out, Scope::Everything)?;
    let report = written.review();
    written.finish()?;
    Ok(report)
}
