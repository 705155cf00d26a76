//! Crash safety: a `crisis-site build` killed (SIGKILL) at any moment leaves the
//! output folder exactly as the previous build wrote it, or exactly as the new build
//! wrote it once swapped in: never a mix, never missing. What a killed build leaves
//! beside the output is cleaned up by the next build.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{NOW, TestSite, snapshot};

/// Enough announcements (a fifth of them with an attachment) that one build takes
/// long enough to be interrupted at many different points.
const ANNOUNCEMENTS: usize = 80;

/// A tiny deterministic PRNG (xorshift64*): the same delays on every run, no crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A duration from zero up to `max`.
    fn up_to(&mut self, max: Duration) -> Duration {
        let micros = max.as_micros().max(1) as u64;
        Duration::from_micros(self.next() % (micros + 1))
    }
}

/// Adds `ANNOUNCEMENTS` generated announcements to the site.
fn grow(site: &TestSite) {
    let body = "本文の段落です。状況を確認しています。\n\n".repeat(20);
    for i in 0..ANNOUNCEMENTS {
        let front = format!(
            "+++\ntitle = \"生成された発表 {i}\"\ndate = 2023-06-0{}T{:02}:{:02}:00+09:00\nchannel = \"{}\"\n+++\n",
            1 + i % 4,
            i % 24,
            i % 60,
            if i % 2 == 0 { "pr" } else { "ir" },
        );
        if i % 5 == 0 {
            site.write(
                &format!("content/announcements/gen-{i:03}/index.md"),
                &format!("{front}{body}"),
            );
            let attachment = site
                .root()
                .join(format!("content/announcements/gen-{i:03}/data-{i}.bin"));
            std::fs::write(attachment, vec![(i % 251) as u8; 48 * 1024]).unwrap();
        } else {
            site.write(
                &format!("content/announcements/gen-{i:03}.md"),
                &format!("{front}{body}"),
            );
        }
    }
}

/// The two versions of the site the trials switch between: B has one more
/// announcement and another title.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Version {
    A,
    B,
}

impl Version {
    fn other(self) -> Version {
        match self {
            Version::A => Version::B,
            Version::B => Version::A,
        }
    }
}

fn set_version(site: &TestSite, original_toml: &str, version: Version) {
    let added = "content/announcements/zz-added.md";
    match version {
        Version::A => {
            site.write("site.toml", original_toml);
            if site.root().join(added).exists() {
                site.remove(added);
            }
        }
        Version::B => {
            site.write(
                "site.toml",
                &original_toml.replace(
                    "title = \"テスト事案に関する特設ページ\"",
                    "title = \"テスト事案に関する特設ページ（更新）\"",
                ),
            );
            site.write(
                added,
                "+++\ntitle = \"追加の発表\"\ndate = 2023-06-07T09:00:00+09:00\nchannel = \"pr\"\n+++\n追加しました。\n",
            );
        }
    }
}

/// `crisis-site build` of the site into `output` (relative to the site's folder).
fn build(site: &TestSite, output: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command
        .current_dir(site.root())
        .args(["--now", NOW, "build", "--output"])
        .arg(output)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Builds to completion; returns how long it took.
fn build_fully(site: &TestSite, output: &Path) -> Duration {
    let started = Instant::now();
    let status = build(site, output).status().unwrap();
    assert!(status.success(), "build into {} failed", output.display());
    started.elapsed()
}

/// The names in `folder` that crisis-site's staging and swap use.
fn leftovers(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crisis-site-"))
        .collect();
    names.sort();
    names
}

/// Starts a build, kills it after `delay`, and waits for it to be gone.
fn kill_after(site: &TestSite, output: &Path, delay: Duration) {
    let mut child = build(site, output).spawn().unwrap();
    std::thread::sleep(delay);
    // Fails harmlessly when the build has already finished.
    let _ = child.kill();
    child.wait().unwrap();
}

/// Which files differ between two snapshots, for the failure message.
fn difference(a: &BTreeMap<PathBuf, Vec<u8>>, b: &BTreeMap<PathBuf, Vec<u8>>) -> String {
    let only_a = a.keys().filter(|k| !b.contains_key(*k)).count();
    let only_b = b.keys().filter(|k| !a.contains_key(*k)).count();
    let changed: Vec<_> = a
        .iter()
        .filter(|(k, v)| b.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k.display().to_string())
        .take(5)
        .collect();
    format!("{only_a} files only in one, {only_b} only in the other, changed: {changed:?}")
}

#[test]
fn a_killed_build_leaves_the_previous_output_or_the_new_one_never_a_mix() {
    const TRIALS: usize = 40;
    let site = TestSite::basic();
    grow(&site);
    let original_toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let out = PathBuf::from("public");

    // Each version built to completion elsewhere: what a complete output looks like.
    let expected = tempfile::tempdir().unwrap();
    let mut expected_of = BTreeMap::new();
    let mut longest = Duration::ZERO;
    for version in [Version::A, Version::B] {
        set_version(&site, &original_toml, version);
        let folder = expected.path().join(format!("{version:?}"));
        longest = longest.max(build_fully(&site, &folder));
        expected_of.insert(format!("{version:?}"), snapshot(&folder));
    }
    assert_ne!(expected_of["A"], expected_of["B"]);

    set_version(&site, &original_toml, Version::A);
    build_fully(&site, &out);
    let mut current = Version::A;
    let mut rng = Rng(0x5eed_c0de_2023_0608);
    let (mut kept, mut replaced) = (0, 0);
    for trial in 0..TRIALS {
        // Every trial's build would change the output.
        let next = current.other();
        set_version(&site, &original_toml, next);
        // A few kills land before the build has read anything; the rest anywhere
        // up to a bit after a whole build.
        let delay = if trial < 6 {
            rng.up_to(Duration::from_millis(3))
        } else {
            rng.up_to(longest * 5 / 4)
        };
        kill_after(&site, &out, delay);

        let trial_name = format!("trial {trial} (killed after {delay:?})");
        assert!(
            site.out().join(".crisis-site-output").is_file(),
            "{trial_name}: the output folder is missing or incomplete"
        );
        let found = site.snapshot();
        if found == expected_of[&format!("{current:?}")] {
            kept += 1;
        } else if found == expected_of[&format!("{next:?}")] {
            replaced += 1;
            current = next;
        } else {
            panic!(
                "{trial_name}: the output is neither the previous build nor the new one; \
                 against the previous: {}",
                difference(&found, &expected_of[&format!("{current:?}")])
            );
        }
        let left = leftovers(site.root());
        assert!(
            left.len() <= 1,
            "{trial_name}: killed builds' folders accumulate: {left:?}"
        );
    }
    eprintln!("{TRIALS} kills over builds of up to {longest:?}: {kept} kept, {replaced} replaced");
    // Both outcomes happened, or the delays did not cover a build.
    assert!(kept > 0 && replaced > 0, "kept {kept}, replaced {replaced}");

    // A normal build after all that succeeds and cleans up.
    let next = current.other();
    set_version(&site, &original_toml, next);
    build_fully(&site, &out);
    assert!(site.snapshot() == expected_of[&format!("{next:?}")]);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

#[test]
fn a_killed_first_build_leaves_no_output_or_a_complete_one() {
    const TRIALS: usize = 12;
    let site = TestSite::basic();
    grow(&site);
    let expected = tempfile::tempdir().unwrap();
    let duration = build_fully(&site, &expected.path().join("public"));
    let complete = snapshot(&expected.path().join("public"));

    let mut rng = Rng(0xf1f5_7b11_d000_0001);
    let mut completed = 0;
    for trial in 0..TRIALS {
        let delay = rng.up_to(duration * 5 / 4);
        kill_after(&site, Path::new("public"), delay);
        if site.out().exists() {
            assert!(
                site.snapshot() == complete,
                "trial {trial} (killed after {delay:?}): the first output is incomplete"
            );
            completed += 1;
            std::fs::remove_dir_all(site.out()).unwrap();
        }
        assert!(
            leftovers(site.root()).len() <= 1,
            "trial {trial}: {:?}",
            leftovers(site.root())
        );
    }
    assert!(completed < TRIALS, "no kill landed before the swap");
    build_fully(&site, Path::new("public"));
    assert!(site.snapshot() == complete);
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}

/// A staging folder as a killed build leaves it: its marker, and some pages.
fn abandoned_staging(site: &TestSite, name: &str) -> PathBuf {
    let folder = site.root().join(name);
    std::fs::create_dir_all(folder.join("announcements")).unwrap();
    std::fs::write(
        folder.join(".crisis-site-output"),
        "written by crisis-site\n",
    )
    .unwrap();
    std::fs::write(folder.join("announcements/index.html"), "<p>half</p>").unwrap();
    folder
}

#[test]
fn the_next_build_removes_only_folders_it_can_prove_are_abandoned_builds() {
    let site = TestSite::basic();
    site.built();
    let dead = abandoned_staging(&site, ".crisis-site-new-dead01");
    let empty = site.root().join(".crisis-site-new-empty1");
    std::fs::create_dir(&empty).unwrap();
    let aside = abandoned_staging(&site, ".crisis-site-old-dead02");
    // Named like ours but without the marker: someone else's files, kept.
    let foreign = site.root().join(".crisis-site-new-notours");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("precious.txt"), "keep me").unwrap();
    // A live build holds its marker locked for as long as it runs.
    let live = abandoned_staging(&site, ".crisis-site-new-live01");
    let lock = std::fs::File::open(live.join(".crisis-site-output")).unwrap();
    lock.lock().unwrap();

    site.built();
    for gone in [&dead, &empty, &aside] {
        assert!(!gone.exists(), "{} was not removed", gone.display());
    }
    assert_eq!(
        std::fs::read_to_string(foreign.join("precious.txt")).unwrap(),
        "keep me"
    );
    assert!(live.join("announcements/index.html").is_file());

    drop(lock);
    site.built();
    assert!(!live.exists(), "the dead build's folder was not removed");
    assert_eq!(leftovers(site.root()), [".crisis-site-new-notours"]);
}

#[test]
fn a_set_aside_previous_output_is_kept_while_the_output_is_missing() {
    // A two-rename swap killed between the renames: the old site is only there, until
    // a build has put a new output in place.
    let site = TestSite::basic();
    let aside = abandoned_staging(&site, ".crisis-site-old-only01");
    site.built();
    assert!(aside.join("announcements/index.html").is_file());
    site.built();
    assert!(!aside.exists());
    assert_eq!(leftovers(site.root()), Vec::<String>::new());
}
