//! Where the output may be: the real folder a path names (a symbolic link followed to
//! the folder it leads to), never the site's folder or one of its inputs, and never a
//! folder that cannot be replaced as a whole (a mount point, the folder the build runs
//! from).

use std::path::{Component, Path, PathBuf};

use crate::base::Error;
use crate::load::layout::INPUT_FOLDERS;
use crate::msg;

/// The folder the output `out` really is, in full (every link on the way followed), so
/// that the real folder is swapped, never a link to it, and so that the folders beside
/// it are the real folder's. A link that leads nowhere is refused; a path that cannot be
/// looked at is returned as given, for the write to report what fails.
pub fn resolve(out: &Path) -> Result<PathBuf, Error> {
    if is_link(out) {
        return match std::fs::canonicalize(out) {
            Ok(real) => Ok(real),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let target = std::fs::read_link(out).unwrap_or_default();
                Err(Error::Refused(msg!(
                    "output-link-missing",
                    path = out.display().to_string(),
                    target = target.display().to_string()
                )))
            }
            Err(e) => Err(Error::io(
                msg!("output-cannot-inspect", path = out.display().to_string()),
                e,
            )),
        };
    }
    Ok(real(out).unwrap_or_else(|_| out.to_path_buf()))
}

/// Whether `path` is a symbolic link itself.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// `path` absolute, with every link of the part that exists followed; the part that
/// does not exist yet holds no link, and is added as written.
fn real(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::canonicalize(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let absolute = std::path::absolute(path)?;
            let (Some(parent), Some(last)) = (absolute.parent(), absolute.components().next_back())
            else {
                return Err(e);
            };
            let mut real = real(parent)?;
            match last {
                Component::ParentDir => {
                    real.pop();
                }
                Component::Normal(name) => real.push(name),
                _ => {}
            }
            Ok(real)
        }
        other => other,
    }
}

/// Refuses an output that is, holds, or is inside the site's folder `root` or one of
/// its input folders (an output inside `root` that is no input, such as `public/`, is
/// fine): replacing it would take the site's files away, or the next build would read
/// this one's output back in. The message names both paths as given.
pub fn refuse_inputs(out: &Path, root: &Path) -> Result<(), Error> {
    let (Ok(out_real), Ok(root_real)) = (real(out), std::fs::canonicalize(root)) else {
        // What cannot be looked at is reported by the build that reads or writes it.
        return Ok(());
    };
    let output = out.display().to_string();
    let holds = |input: &Path| {
        Error::Refused(msg!(
            "output-holds-input",
            output = output.as_str(),
            input = input.display().to_string()
        ))
    };
    if root_real.starts_with(&out_real) {
        return Err(holds(root));
    }
    for folder in INPUT_FOLDERS {
        let input = root.join(folder);
        let Ok(input_real) = real(&input) else {
            continue;
        };
        if out_real.starts_with(&input_real) {
            return Err(Error::Refused(msg!(
                "output-inside-input",
                output = output.as_str(),
                input = input.display().to_string()
            )));
        }
        if input_real.starts_with(&out_real) {
            return Err(holds(&input));
        }
    }
    Ok(())
}

/// Refuses the existing folder `out` (a real path, as [`resolve`] gives it) when it
/// cannot be replaced as a whole: a mount point (its own file system, or `/`), or the
/// folder the build runs from or one holding it. The message says what to do instead.
pub fn refuse_unswappable(out: &Path) -> Result<(), Error> {
    if is_mount_point(out) {
        return Err(mount_point(out));
    }
    let here = std::env::current_dir().and_then(std::fs::canonicalize);
    if here.is_ok_and(|here| here.starts_with(out)) {
        return Err(Error::Refused(msg!(
            "output-current-folder",
            path = out.display().to_string(),
            inside = inside(out)
        )));
    }
    Ok(())
}

/// The refusal of `out`, a mount point (or a folder the system says is busy, as a bind
/// mount is), with the way to build into it.
pub fn mount_point(out: &Path) -> Error {
    Error::Refused(msg!(
        "output-mount-point",
        path = out.display().to_string(),
        inside = inside(out)
    ))
}

/// The folder inside `out` the messages suggest building into.
fn inside(out: &Path) -> String {
    out.join("site").display().to_string()
}

fn is_mount_point(out: &Path) -> bool {
    let Some(parent) = out.parent() else {
        return true;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt as _;
        match (std::fs::metadata(out), std::fs::metadata(parent)) {
            (Ok(a), Ok(b)) => a.dev() != b.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = parent;
        false
    }
}

/// Whether `e` is the system saying a folder is in use and cannot be renamed: a
/// mount point the checks before the swap did not see (a bind mount).
pub fn is_busy(e: &std::io::Error) -> bool {
    #[cfg(unix)]
    {
        e.raw_os_error() == Some(rustix::io::Errno::BUSY.raw_os_error())
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        false
    }
}
