//! The files an editor, an operating system or a version-control tool leaves in a
//! folder, which no writer means to publish: Office's owner files (`~$report.docx`,
//! which hold the editor's name), `Thumbs.db`, `desktop.ini`, `.DS_Store`, backup and
//! swap files (`report.md~`, `.report.md.swp`), and the folders of Git, Subversion
//! and Mercurial. They are skipped wherever attachments and static files are found,
//! and the build names each one it skipped.

use std::path::{Path, PathBuf};

/// The folders of version-control tools: never published, whatever they hold.
pub const VCS_FOLDERS: [&str; 3] = [".git", ".svn", ".hg"];

/// Whether a file or folder named `name` (one path component) is a leftover of an
/// editor, the operating system or a version-control tool.
pub fn is_leftover(name: &str) -> bool {
    let lower = name.to_lowercase();
    is_vcs(name)
        || matches!(
            lower.as_str(),
            "thumbs.db" | "ehthumbs.db" | "desktop.ini" | ".ds_store" | ".directory"
        )
        // Office's owner file, macOS's resource forks.
        || name.starts_with("~$")
        || name.starts_with("._")
        // Backups (`x~`, Emacs' `#x#` and `.#x`), Vim's swap files.
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.starts_with(".#")
        || [".swp", ".swo", ".swx"].iter().any(|s| lower.ends_with(s))
}

/// Whether `name` (one path component) is the folder of a version-control tool.
pub fn is_vcs(name: &str) -> bool {
    VCS_FOLDERS.contains(&name)
}

/// Whether the entry of an announcement folder (at `absolute`, shown as `shown`) is
/// looked at: not a name starting with `.`, nor a leftover, which is added to
/// `skipped` instead.
pub fn kept_in_folder(
    entry: &walkdir::DirEntry,
    absolute: &Path,
    shown: &Path,
    skipped: &mut Vec<PathBuf>,
) -> bool {
    let name = entry.file_name().to_string_lossy();
    if is_leftover(&name) {
        let relative = entry.path().strip_prefix(absolute).unwrap_or(entry.path());
        skipped.push(shown.join(relative));
        return false;
    }
    !name.starts_with('.')
}

/// The leading part of the `/`-separated `name` up to its first leftover component
/// (`a/.git` of `a/.git/config`), if it has one: what a note names.
pub fn leftover_prefix(name: &str) -> Option<&str> {
    let mut end = 0;
    for part in name.split('/') {
        end += part.len();
        if is_leftover(part) {
            return Some(&name[..end]);
        }
        end += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leftovers_are_known_by_their_names_and_writers_files_are_not() {
        for name in [
            "~$report.docx",
            "Thumbs.db",
            "thumbs.db",
            "desktop.ini",
            "Desktop.ini",
            ".DS_Store",
            "._report.pdf",
            "report.pdf~",
            ".report.md.swp",
            "#notes.txt#",
            ".#notes.txt",
            ".git",
            ".svn",
            ".hg",
        ] {
            assert!(is_leftover(name), "{name}");
        }
        for name in [
            "report.pdf",
            "security.txt",
            ".well-known",
            ".htaccess",
            "#",
            "a$b.pdf",
            "swp",
            "git",
        ] {
            assert!(!is_leftover(name), "{name}");
        }
        assert_eq!(leftover_prefix("a/.git/config"), Some("a/.git"));
        assert_eq!(leftover_prefix("img/Thumbs.db"), Some("img/Thumbs.db"));
        assert_eq!(leftover_prefix(".well-known/security.txt"), None);
    }
}
