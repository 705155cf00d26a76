//! `crisis-site publish`'s sending: the built site made ready for a host (each file
//! with its digest, type and cache lifetime), the difference with what a target holds,
//! and the hosts that take it. Every host sends new and changed assets first, then
//! pages, then deletions, so that a reader never gets a page linking a file the host
//! does not have yet.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::base::Error;
use crate::base::text::hex;
use crate::model::config::{Destination, Target};
use crate::msg;
use crate::render::cache::{Lifetime, content_type};
use crate::render::{Body, OutputFile};

pub mod folder;
pub mod git;
pub mod log;
pub mod notify;
pub mod rsync;
pub mod s3;

/// Which files go first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// Stylesheets, images, attachments: what pages link to, sent before them.
    Asset,
    /// Pages, feeds and data (everything of short lifetime), sent after the assets.
    Page,
}

/// One file of the site as a host needs it.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its path from the site's root, `/`-separated.
    pub path: String,
    /// The SHA-256 of its bytes, in lowercase hex.
    pub sha256: String,
    /// Its Content-Type.
    pub content_type: String,
    /// Its Cache-Control.
    pub cache_control: &'static str,
    /// Whether it goes first.
    pub class: Class,
}

/// The built site, ready to send: its files and, for each, an [`Entry`].
pub struct Staged<'a> {
    /// The files, as rendering made them.
    pub files: &'a [OutputFile],
    /// One entry per file, in the same order.
    pub entries: Vec<Entry>,
    /// A digest of the whole site: of every path with its file's SHA-256.
    pub digest: String,
}

impl<'a> Staged<'a> {
    /// Hashes every file, in parallel: a copied file read a block at a time, never
    /// whole.
    pub fn new(files: &'a [OutputFile]) -> Result<Staged<'a>, Error> {
        let entries = files
            .par_iter()
            .map(|file| {
                let lifetime = Lifetime::of(&file.path);
                Ok(Entry {
                    path: file.path.clone(),
                    sha256: sha256(file)?,
                    content_type: content_type(&file.path),
                    cache_control: lifetime.cache_control(),
                    class: match lifetime {
                        Lifetime::Short => Class::Page,
                        Lifetime::Hour | Lifetime::Immutable => Class::Asset,
                    },
                })
            })
            .collect::<Result<Vec<Entry>, Error>>()?;
        let mut sorted: Vec<&Entry> = entries.iter().collect();
        sorted.sort_by(|a, b| a.path.cmp(&b.path));
        let mut whole = Sha256::new();
        for e in sorted {
            whole.update(e.path.as_bytes());
            whole.update(b"\0");
            whole.update(e.sha256.as_bytes());
            whole.update(b"\n");
        }
        Ok(Staged {
            files,
            entries,
            digest: format!("sha256:{}", hex(&whole.finalize())),
        })
    }

    /// The bytes of the file at `index`.
    pub fn bytes(&self, index: usize) -> Result<Cow<'a, [u8]>, Error> {
        bytes(&self.files[index])
    }

    /// The index of the file at `path`.
    pub fn index_of(&self, path: &str) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// Writes every file into `folder` (missing or empty), as a host that copies a
    /// folder (rsync) needs it: copied files by the kernel, the others from memory.
    pub fn write_into(&self, folder: &Path) -> Result<(), Error> {
        self.files.par_iter().try_for_each(|file| {
            let to = folder.join(&file.path);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    Error::io(
                        msg!("publish-write-failed", path = parent.display().to_string()),
                        e,
                    )
                })?;
            }
            let written = match &file.body {
                Body::Copy { source, .. } => std::fs::copy(source, &to).map(|_| ()),
                Body::Text(text) => std::fs::write(&to, text),
                Body::BuiltIn { text, .. } => std::fs::write(&to, text),
                Body::Pdf(pdf) => std::fs::write(&to, &pdf.bytes),
            };
            written.map_err(|e| {
                Error::io(
                    msg!("publish-write-failed", path = to.display().to_string()),
                    e,
                )
            })
        })
    }
}

/// The SHA-256 of `file`'s bytes, in lowercase hex.
fn sha256(file: &OutputFile) -> Result<String, Error> {
    let Body::Copy { source, .. } = &file.body else {
        return Ok(hex(&Sha256::digest(bytes(file)?)));
    };
    let failed = |e| {
        Error::io(
            msg!("publish-read-failed", path = source.display().to_string()),
            e,
        )
    };
    let mut from = std::fs::File::open(source).map_err(failed)?;
    let mut hasher = Sha256::new();
    let mut block = vec![0; 64 * 1024];
    loop {
        match std::io::Read::read(&mut from, &mut block) {
            Ok(0) => break,
            Ok(n) => hasher.update(&block[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(failed(e)),
        }
    }
    Ok(hex(&hasher.finalize()))
}

fn bytes(file: &OutputFile) -> Result<Cow<'_, [u8]>, Error> {
    Ok(match &file.body {
        Body::Text(text) => Cow::Borrowed(text.as_bytes()),
        Body::BuiltIn { text, .. } => Cow::Borrowed(text.as_bytes()),
        Body::Pdf(pdf) => Cow::Borrowed(&pdf.bytes[..]),
        Body::Copy { source, .. } => Cow::Owned(std::fs::read(source).map_err(|e| {
            Error::io(
                msg!("publish-read-failed", path = source.display().to_string()),
                e,
            )
        })?),
    })
}

/// What a publish changed on its target, each list sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Changes {
    /// Files the target did not hold.
    pub added: Vec<String>,
    /// Files it held with other bytes.
    pub changed: Vec<String>,
    /// Files it held that the site no longer has.
    pub removed: Vec<String>,
}

impl Changes {
    /// The difference between what a target holds (each path with a fingerprint of
    /// its bytes) and `staged`, whose fingerprints `fingerprint` gives in the same
    /// form (a SHA-256, an MD5 ETag, a git blob id).
    pub fn between(
        held: &BTreeMap<String, String>,
        staged: &Staged,
        fingerprint: impl Fn(usize) -> Result<String, Error> + Sync,
    ) -> Result<Changes, Error> {
        let mut changes = Changes::default();
        let compared: Vec<(usize, Option<bool>)> = (0..staged.entries.len())
            .into_par_iter()
            .map(|i| {
                let same = match held.get(&staged.entries[i].path) {
                    None => None,
                    Some(theirs) => Some(*theirs == fingerprint(i)?),
                };
                Ok((i, same))
            })
            .collect::<Result<_, Error>>()?;
        for (i, same) in compared {
            let path = staged.entries[i].path.clone();
            match same {
                None => changes.added.push(path),
                Some(false) => changes.changed.push(path),
                Some(true) => {}
            }
        }
        let ours: std::collections::BTreeSet<&str> =
            staged.entries.iter().map(|e| e.path.as_str()).collect();
        changes.removed = held
            .keys()
            .filter(|p| !ours.contains(p.as_str()))
            .cloned()
            .collect();
        changes.added.sort();
        changes.changed.sort();
        Ok(changes)
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.removed.is_empty()
    }

    /// The indexes in `staged` of the files to send, in the order to send them:
    /// assets first, then pages (each by path).
    pub fn sending_order(&self, staged: &Staged) -> Vec<usize> {
        let mut order: Vec<usize> = self
            .added
            .iter()
            .chain(&self.changed)
            .filter_map(|p| staged.index_of(p))
            .collect();
        order.sort_by(|a, b| {
            let (a, b) = (&staged.entries[*a], &staged.entries[*b]);
            (a.class, &a.path).cmp(&(b.class, &b.path))
        });
        order
    }
}

/// A place the site is published to.
pub trait Host {
    /// Makes the target hold exactly `staged`, sending only what differs from what
    /// it holds: new and changed assets first, then pages, then deletions. A host
    /// that cannot be reached, or refuses the credentials, fails before it changes
    /// anything.
    fn send(&self, staged: &Staged) -> Result<Changes, Error>;
}

/// The host of `target`, with paths relative to the site's folder `root`, for a
/// publish of the site as it is at `moment` (the date of a git target's commit).
pub fn host(target: &Target, root: &Path, moment: DateTime<FixedOffset>) -> Box<dyn Host> {
    match &target.destination {
        Destination::Folder { path } => Box::new(folder::FolderHost::new(root.join(path), root)),
        Destination::Rsync { remote, port } => {
            Box::new(rsync::RsyncHost::new(target, remote, *port))
        }
        Destination::S3 { .. } => Box::new(s3::S3Host::new(target)),
        Destination::Git { repository, branch } => {
            Box::new(git::GitHost::new(target, repository, branch, root, moment))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.to_string(),
            body: Body::Text(text.to_string()),
        }
    }

    #[test]
    fn changes_are_what_differs_and_assets_are_sent_before_pages() {
        let files = [
            file("index.html", "home"),
            file("assets/style.0123456789abcdef.css", "css"),
            file("announcements/a/index.html", "a"),
            file("announcements/a/report.pdf", "pdf"),
            file("feed.xml", "feed"),
        ];
        let staged = Staged::new(&files).unwrap();
        let sha = |i: usize| staged.entries[i].sha256.clone();
        let held: BTreeMap<String, String> = [
            ("index.html".to_string(), "other".to_string()),
            ("feed.xml".to_string(), sha(4)),
            ("announcements/old/index.html".to_string(), "x".to_string()),
        ]
        .into();
        let changes = Changes::between(&held, &staged, |i| Ok(sha(i))).unwrap();
        assert_eq!(
            changes.added,
            [
                "announcements/a/index.html",
                "announcements/a/report.pdf",
                "assets/style.0123456789abcdef.css"
            ]
        );
        assert_eq!(changes.changed, ["index.html"]);
        assert_eq!(changes.removed, ["announcements/old/index.html"]);
        let order: Vec<&str> = changes
            .sending_order(&staged)
            .into_iter()
            .map(|i| staged.entries[i].path.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "announcements/a/report.pdf",
                "assets/style.0123456789abcdef.css",
                "announcements/a/index.html",
                "index.html"
            ]
        );
    }

    #[test]
    fn the_site_digest_is_of_paths_and_bytes_in_any_order() {
        let a = [file("a.html", "1"), file("b.html", "2")];
        let b = [file("b.html", "2"), file("a.html", "1")];
        let c = [file("a.html", "1"), file("b.html", "3")];
        let digest = |files: &[OutputFile]| Staged::new(files).unwrap().digest;
        assert_eq!(digest(&a), digest(&b));
        assert_ne!(digest(&a), digest(&c));
        assert_eq!(
            Staged::new(&a).unwrap().entries[0].sha256,
            "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
        );
    }
}
