//! Watching the site's inputs: one rebuild after each burst of changes.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use super::options::ServeOptions;
use super::preview::{Rebuilt, Shared};
use crate::base::Error;
use crate::load::layout::{INPUT_FOLDERS, SITE_TOML};

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
    use notify_debouncer_full::notify::{EventKind, RecursiveMode};

    let root = options.root.clone();
    let rebuild_options = options.clone();
    let watch_error = |path: &Path, e: notify_debouncer_full::notify::Error| {
        Error::io(
            format!("cannot watch {}", path.display()),
            std::io::Error::other(e),
        )
    };
    let mut debouncer = notify_debouncer_full::new_debouncer(
        DEBOUNCE,
        None,
        move |result: notify_debouncer_full::DebounceEventResult| {
            let changed = match result {
                Ok(events) => events.iter().any(|event| {
                    matches!(
                        event.kind,
                        EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_)
                    ) && event.paths.iter().any(|p| is_input(&root, p))
                }),
                Err(_) => true,
            };
            if changed {
                report(&shared.rebuild(&rebuild_options));
            }
        },
    )
    .map_err(|e| watch_error(&options.root, e))?;
    // The root itself only for site.toml: recursively it would also watch public/
    // and target/.
    debouncer
        .watch(&options.root, RecursiveMode::NonRecursive)
        .map_err(|e| watch_error(&options.root, e))?;
    for folder in INPUT_FOLDERS {
        let path = options.root.join(folder);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| watch_error(&path, e))?;
        }
    }
    Ok(debouncer)
}

/// Whether a changed path is one of the site's inputs (not the output, not an
/// editor's swap file in the root).
fn is_input(root: &Path, path: &Path) -> bool {
    let Ok(relative) = path.strip_prefix(root) else {
        // Events may carry canonical paths; anything under the watched folders counts.
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
