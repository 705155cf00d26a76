//! What a publish to a host left, beside `publishing`'s helpers: the log's last line,
//! and the files a target holds compared with those a build writes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Output;

use super::TestSite;

/// Panics with what the command said unless it succeeded.
pub fn succeeded(out: &Output) {
    assert!(
        out.status.success(),
        "publish failed:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The publish log's last line.
pub fn last_record(site: &TestSite) -> serde_json::Value {
    super::publishing::records(site)
        .pop()
        .expect("the publish log has a line")
}

/// Asserts that `held` are exactly the files `expected`, byte for byte, naming the
/// paths that differ (the bytes of a whole site are no message).
pub fn same_files(held: &BTreeMap<PathBuf, Vec<u8>>, expected: &BTreeMap<PathBuf, Vec<u8>>) {
    let keys = |m: &BTreeMap<PathBuf, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(keys(held), keys(expected), "the paths differ");
    let differ: Vec<&PathBuf> = held
        .iter()
        .filter(|(p, b)| expected[*p] != **b)
        .map(|(p, _)| p)
        .collect();
    assert!(differ.is_empty(), "these files differ: {differ:?}");
}

/// The paths added, changed and removed from the files `before` to `after`, each
/// list sorted.
pub fn difference(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
) -> (Vec<String>, Vec<String>, Vec<String>) {
    let name = |p: &PathBuf| p.to_str().unwrap().to_string();
    let (mut added, mut changed) = (Vec::new(), Vec::new());
    for (path, bytes) in after {
        match before.get(path) {
            None => added.push(name(path)),
            Some(old) if old != bytes => changed.push(name(path)),
            Some(_) => {}
        }
    }
    let removed = before
        .keys()
        .filter(|p| !after.contains_key(*p))
        .map(name)
        .collect();
    (added, changed, removed)
}

/// The edits of the tests of a second publish: a changed page (`first`), a removed
/// announcement (`disclosure`), and a new attachment whose name is not ASCII (which
/// rsync would print escaped, but for `-8`), linked from `both`.
pub fn second_edit(site: &TestSite) {
    site.edit(
        "content/announcements/first.md",
        "本日、システム障害が発生しました。",
        "本日午前、システム障害が発生しました。",
    );
    site.remove("content/announcements/disclosure.md");
    site.write("content/announcements/both/別紙1.pdf", "%PDF-1.4 別紙");
    site.edit(
        "content/announcements/both/index.md",
        "[こちら](report.pdf)です。",
        "[こちら](report.pdf)です。別紙は[こちら](別紙1.pdf)です。",
    );
}
