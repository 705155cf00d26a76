//! The names of attachments, which must work on every common host and file system
//! (`model::portable`): each part of the path portable, and no two that one of them
//! would take for one file.

use std::collections::HashMap;
use std::path::Path;

use crate::base::Problem;
use crate::model::Attachment;
use crate::model::portable::{folded, unportable as unportable_part};
use crate::msg;

/// The problem of the attachment or static file `name` (its path in its folder, at
/// `absolute`, shown as `shown`) if it may not be published: a name that breaks on a
/// common host or file system, or content a browser would run (`super::active`).
pub fn refused_attachment(name: &str, absolute: &Path, shown: &Path) -> Option<Problem> {
    unportable(name, shown).or_else(|| super::active::refused_file(name, absolute, shown))
}

/// The problem of the attachment `name` (its path in the folder, `/`-separated; shown
/// as `shown`) if a part of it breaks on a common host or file system.
pub fn unportable(name: &str, shown: &Path) -> Option<Problem> {
    let message = name.split('/').find_map(unportable_part)?;
    Some(Problem::in_file(shown, message))
}

/// A problem for each attachment of the folder shown as `folder` whose name differs
/// from an earlier one's only in case or Unicode normalization.
pub fn collisions(attachments: &[Attachment], folder: &Path, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<String, &str> = HashMap::new();
    for attachment in attachments {
        let name = attachment.name.as_str();
        match seen.get(&folded(name)) {
            Some(other) => {
                let other = *other;
                problems.push(Problem::in_file(
                    folder.join(name),
                    msg!("load-attachment-collision", name, other),
                ));
            }
            None => {
                seen.insert(folded(name), name);
            }
        }
    }
}
