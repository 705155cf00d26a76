//! Watching the site's inputs: one rebuild after each burst of changes.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::options::ServeOptions;
use super::preview::{Rebuilt, Shared};
use crate::base::Error;
use crate::load::layout::{INPUT_FOLDERS, SITE_TOML};
use crate::msg;

/// How long the watcher waits for a burst of saves to end before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(150);

/// The file watcher; it stops watching when dropped.
pub type Watcher = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches the site's inputs and rebuilds once after each burst of changes (an
/// editor saving several files is one burst). Reads are not changes: the rebuild's
/// own reads must not start another rebuild.
pub fn watch_site(
    options: &ServeOptions,
    shared: Arc<Shared>,
    report: impl Fn(&Rebuilt) + Send + 'static,
) -> Result<Watcher, Error> {
    // Events name paths as the watcher resolved them, which for `--root .` is the
    // folder's full path: compare with that, or every file written in the site's
    // folder (a log of the preview itself) would count as an input.
    let roots = roots(&options.root);
    let rebuild_options = options.clone();
    let watch_error = |path: &Path, e: notify_debouncer_full::notify::Error| {
        let path = path.display().to_string();
        Error::io(msg!("preview-cannot-watch", path), std::io::Error::other(e))
    };
    watch_inputs(
        &options.root,
        DEBOUNCE,
        watch_error,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let read = shared.current().started;
            let changed = match result {
                Ok(events) => events
                    .iter()
                    .any(|event| is_new_change(&roots, event, read)),
                Err(_) => true,
            };
            if changed {
                report(&shared.rebuild(&rebuild_options));
            }
        },
    )
}

/// The site's folder as given and as the watcher resolves it, which event paths
/// start with.
pub fn roots(root: &Path) -> [PathBuf; 2] {
    [
        root.to_path_buf(),
        root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
    ]
}

/// A watcher of the inputs of the site in `root` that hands each burst of events
/// (`debounce` long) to `handler`: the root itself only for site.toml, since
/// recursively it would also watch public/ and target/, and each input folder that
/// exists, recursively. `cannot` is the error of a path that cannot be watched.
pub fn watch_inputs(
    root: &Path,
    debounce: Duration,
    cannot: impl Fn(&Path, notify_debouncer_full::notify::Error) -> Error,
    handler: impl notify_debouncer_full::DebounceEventHandler,
) -> Result<Watcher, Error> {
    use notify_debouncer_full::notify::RecursiveMode;

    let mut debouncer = notify_debouncer_full::new_debouncer(debounce, None, handler)
        .map_err(|e| cannot(root, e))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| cannot(root, e))?;
    for folder in INPUT_FOLDERS {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| cannot(&path, e))?;
        }
    }
    Ok(debouncer)
}

/// Whether `event` changed one of the site's inputs after the latest rebuild started
/// reading them (at `read`). Reads are not changes. A change from before is in that
/// rebuild already: the debouncer lets each change go once it is DEBOUNCE old, so one
/// burst of saves can come in two batches, and the second is not rebuilt again.
pub fn is_new_change(
    roots: &[PathBuf],
    event: &notify_debouncer_full::DebouncedEvent,
    read: Option<Instant>,
) -> bool {
    use notify_debouncer_full::notify::EventKind;
    matches!(
        event.kind,
        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
    ) && event.paths.iter().any(|p| is_input(roots, p))
        && read.is_none_or(|started| event.time >= started)
}

/// Whether a changed path is one of the site's inputs (not the output, not an
/// editor's swap file in the root).
fn is_input(roots: &[PathBuf], path: &Path) -> bool {
    let Some(relative) = roots.iter().find_map(|root| path.strip_prefix(root).ok()) else {
        // A path outside the root through a link: anything under the watched folders
        // counts.
        return true;
    };
    match relative.components().next() {
        Some(first) => {
            let first = first.as_os_str();
            first == SITE_TOML || INPUT_FOLDERS.iter().any(|f| first == *f)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_changes_of_inputs_that_the_latest_rebuild_has_not_read_are_rebuilt() {
        use notify_debouncer_full::DebouncedEvent;
        use notify_debouncer_full::notify::event::{
            AccessKind, CreateKind, DataChange, ModifyKind,
        };
        use notify_debouncer_full::notify::{Event, EventKind};
        let root = Path::new("/site");
        let roots = [PathBuf::from("."), root.to_path_buf()];
        let at = Instant::now();
        let event =
            |kind, path: &str| DebouncedEvent::new(Event::new(kind).add_path(root.join(path)), at);
        let saved = event(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            "content/a.md",
        );
        assert!(is_new_change(&roots, &saved, None));
        assert!(is_new_change(&roots, &saved, Some(at)));
        assert!(!is_new_change(
            &roots,
            &saved,
            Some(at + Duration::from_millis(1))
        ));
        let read = event(EventKind::Access(AccessKind::Any), "content/a.md");
        assert!(!is_new_change(&roots, &read, None));
        let output = event(
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            "public/index.html",
        );
        assert!(!is_new_change(&roots, &output, None));
        let log = event(EventKind::Create(CreateKind::File), "serve.log");
        assert!(!is_new_change(&roots, &log, None));
    }
}
