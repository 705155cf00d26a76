//! Crash safety: a `crisis-site build` killed (SIGKILL) at any step leaves the output
//! folder exactly as the previous build wrote it, or exactly as the new build wrote it
//! once swapped in: never a mix, never missing. What a killed build leaves beside the
//! output is cleaned up by the next build.
//!
//! The build says itself when it is at a step: with `CRISIS_SITE_PAUSE_AT=PHASE`
//! (`crisis_site::PAUSE_VAR`) it prints `crisis-site: paused at PHASE` and waits
//! to be killed. Each trial kills it there, so every step is hit on every run, however
//! fast or loaded the machine, and each has one exact expected outcome.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use crisis_site::{OUTPUT_MARKER as MARKER, PAUSE_VAR};

use crate::support::{TestSite, snapshot};

/// Every file of a folder with its bytes.
type Files = BTreeMap<PathBuf, Vec<u8>>;

/// The phases of a build's write, in the order it reaches them (see `PAUSE_VAR`).
const PHASES: [&str; 6] = [
    "cleanup", "claimed", "writing", "written", "swapped", "deleting",
];

/// A failure guard only: a build that never reaches its phase fails the test instead
/// of hanging it. No outcome depends on it.
const GUARD: Duration = Duration::from_secs(120);

/// What a build writes into its staging folder first, and holds locked.
const MARKER_TEXT: &[u8] = b"written by crisis-site; the next build replaces this folder\n";

/// Generated announcements added to the basic fixture (every fourth in a folder with
/// an attachment, which the build copies rather than writes), so that "half of the
/// files" and "half of the top-level entries" are real parts of a build.
const ANNOUNCEMENTS: usize = 12;

fn grow(site: &TestSite) {
    let body = "本文の段落です。状況を確認しています。\n\n".repeat(5);
    for i in 0..ANNOUNCEMENTS {
        let front = format!(
            "+++\ntitle = \"生成された発表 {i}\"\ndate = 2023-06-0{}T{:02}:00:00+09:00\nchannel = \"{}\"\n+++\n",
            1 + i % 4,
            i,
            if i % 2 == 0 { "pr" } else { "ir" },
        );
        if i % 4 == 0 {
            site.write(
                &format!("content/announcements/gen-{i:02}/index.md"),
                &format!("{front}{body}"),
            );
            let attachment = site
                .root()
                .join(format!("content/announcements/gen-{i:02}/data-{i}.bin"));
            std::fs::write(attachment, vec![i as u8; 4096]).unwrap();
        } else {
            site.write(
                &format!("content/announcements/gen-{i:02}.md"),
                &format!("{front}{body}"),
            );
        }
    }
}

/// The two versions of the site the trials switch between, so that every build
/// changes the output: B has one more announcement and another title.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
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

/// `crisis-site build` of the site into `public/`, its stderr piped.
fn build(site: &TestSite) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command.env(crisis_site::MESSAGES_VAR, "en");
    command
        .current_dir(site.root())
        .args(["--now", &site.now.to_rfc3339(), "build"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// Builds to completion.
fn build_fully(site: &TestSite) {
    let output = build(site).output().unwrap();
    assert!(
        output.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The output of `version`, built to completion in a folder of its own.
fn complete_output(site: &TestSite, original_toml: &str, version: Version) -> Files {
    set_version(site, original_toml, version);
    let elsewhere = tempfile::tempdir().unwrap();
    let output = build(site)
        .arg("--output")
        .arg(elsewhere.path().join("public"))
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    snapshot(&elsewhere.path().join("public"))
}

/// A running build's stderr, line by line, read on a thread of its own.
fn lines(stderr: std::process::ChildStderr) -> mpsc::Receiver<String> {
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines() {
            if send.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    receive
}

/// How a build started with a pause ended.
#[derive(Debug, PartialEq)]
enum Ended {
    /// It said it was at the phase, and was killed there.
    KilledAt,
    /// It finished without reaching the phase.
    Finished,
}

/// Starts a build that pauses at `phase`; once it says it is there, kills it
/// (SIGKILL, by pid) and waits until it is gone.
fn kill_at(site: &TestSite, phase: &str) -> Ended {
    let mut child = build(site).env(PAUSE_VAR, phase).spawn().unwrap();
    let said = lines(child.stderr.take().unwrap());
    let paused = format!("crisis-site: paused at {phase}");
    let mut other = Vec::new();
    loop {
        match said.recv_timeout(GUARD) {
            Ok(line) if line == paused => {
                child.kill().unwrap();
                child.wait().unwrap();
                return Ended::KilledAt;
            }
            Ok(line) => other.push(line),
            // Its stderr closed: it exited.
            Err(RecvTimeoutError::Disconnected) => {
                let status = child.wait().unwrap();
                assert!(status.success(), "the build failed: {other:#?}");
                return Ended::Finished;
            }
            Err(RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("the build did not reach {phase} within {GUARD:?}: {other:#?}");
            }
        }
    }
}

/// The folders crisis-site's staging and swap leave beside the output, by name.
fn leftovers(site: &TestSite) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(site.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crisis-site-"))
        .collect();
    names.sort();
    names
}

/// The one folder a killed build left beside the output, with its files: a build
/// leaves at most one, under the staging prefix (after the swap, it holds the
/// previous output).
fn the_leftover(site: &TestSite, phase: &str) -> Files {
    let left = leftovers(site);
    assert_eq!(left.len(), 1, "{phase}: {left:?}");
    assert!(
        left[0].starts_with(".crisis-site-new-"),
        "{phase}: {left:?}"
    );
    snapshot(&site.root().join(&left[0]))
}

/// Which files differ between two snapshots, for a failure message.
fn difference(found: &Files, expected: &Files) -> String {
    let missing: Vec<_> = expected
        .keys()
        .filter(|k| !found.contains_key(*k))
        .collect();
    let extra: Vec<_> = found
        .keys()
        .filter(|k| !expected.contains_key(*k))
        .collect();
    let changed: Vec<_> = found
        .iter()
        .filter(|(k, v)| expected.get(*k).is_some_and(|w| w != *v))
        .map(|(k, _)| k)
        .collect();
    format!(
        "{} missing, {} extra, {} changed; first of each: {:?} {:?} {:?}",
        missing.len(),
        extra.len(),
        changed.len(),
        missing.first(),
        extra.first(),
        changed.first()
    )
}

/// Byte for byte the same files; on failure, says how they differ rather than
/// printing both.
fn assert_same(found: &Files, expected: &Files, what: &str) {
    assert!(found == expected, "{what}: {}", difference(found, expected));
}

/// A staging folder claimed and nothing more: the marker alone.
fn assert_claimed(staging: &Files, phase: &str) {
    assert_eq!(
        staging,
        &Files::from([(PathBuf::from(MARKER), MARKER_TEXT.to_vec())]),
        "{phase}: the staging folder"
    );
}

/// A staging folder half written: the marker, then exactly the first half of the
/// files the build writes (all of `complete` but the marker), each complete.
fn assert_half_written(staging: &Files, complete: &Files, phase: &str) {
    let files = complete.len() - 1;
    assert_eq!(
        staging.get(Path::new(MARKER)).map(Vec::as_slice),
        Some(MARKER_TEXT)
    );
    assert_eq!(
        staging.len(),
        1 + files / 2,
        "{phase}: files in the staging folder"
    );
    // The marker was checked above: the lines that record the PDFs are added once
    // every file is written.
    for (path, bytes) in staging.iter().filter(|(p, _)| *p != Path::new(MARKER)) {
        assert!(
            complete.get(path) == Some(bytes),
            "{phase}: {} is not as the complete build writes it",
            path.display()
        );
    }
}

/// The files under each top-level entry of a snapshot (a file, or a folder).
fn by_top_level_entry(files: &Files) -> BTreeMap<PathBuf, Files> {
    let mut entries: BTreeMap<PathBuf, Files> = BTreeMap::new();
    for (path, bytes) in files {
        let top = PathBuf::from(path.components().next().unwrap().as_os_str());
        entries
            .entry(top)
            .or_default()
            .insert(path.clone(), bytes.clone());
    }
    entries
}

/// The previous output half deleted: its marker (deleted last), and exactly the
/// second half of its other top-level entries, each complete.
fn assert_half_deleted(left: &Files, previous: &Files, phase: &str) {
    let marker = PathBuf::from(MARKER);
    let mut all = by_top_level_entry(previous);
    let mut kept = by_top_level_entry(left);
    let text =
        |files: Option<Files>| files.map(|f| String::from_utf8_lossy(&f[&marker]).into_owned());
    assert_eq!(
        text(kept.remove(&marker)),
        text(all.remove(&marker)),
        "{phase}: the marker"
    );
    assert_eq!(
        kept.len(),
        all.len() - all.len() / 2,
        "{phase}: top-level entries left of the previous output: {:?}",
        kept.keys().collect::<Vec<_>>()
    );
    for (entry, files) in &kept {
        assert!(
            all.get(entry) == Some(files),
            "{phase}: {} is not as the previous build wrote it",
            entry.display()
        );
    }
}

#[test]
fn a_build_killed_at_any_step_leaves_the_previous_output_or_the_new_one_never_a_mix() {
    let site = TestSite::basic();
    grow(&site);
    let original_toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let complete = BTreeMap::from([
        (
            Version::A,
            complete_output(&site, &original_toml, Version::A),
        ),
        (
            Version::B,
            complete_output(&site, &original_toml, Version::B),
        ),
    ]);
    assert_ne!(complete[&Version::A], complete[&Version::B]);

    set_version(&site, &original_toml, Version::A);
    build_fully(&site);
    let mut current = Version::A;
    for phase in PHASES {
        let next = current.other();
        set_version(&site, &original_toml, next);
        assert_eq!(kill_at(&site, phase), Ended::KilledAt, "{phase}");

        let (previous, new) = (&complete[&current], &complete[&next]);
        let output = site.snapshot();
        match phase {
            // Killed before its swap: the previous output, and what the build had
            // staged beside it.
            "cleanup" => {
                assert_same(&output, previous, phase);
                assert_eq!(leftovers(&site), Vec::<String>::new(), "{phase}");
            }
            "claimed" => {
                assert_same(&output, previous, phase);
                assert_claimed(&the_leftover(&site, phase), phase);
            }
            "writing" => {
                assert_same(&output, previous, phase);
                assert_half_written(&the_leftover(&site, phase), new, phase);
            }
            "written" => {
                assert_same(&output, previous, phase);
                assert_same(&the_leftover(&site, phase), new, phase);
            }
            // Killed after it: the new output, and the previous one swapped out
            // beside it, whole or in part.
            "swapped" => {
                assert_same(&output, new, phase);
                assert_same(&the_leftover(&site, phase), previous, phase);
            }
            "deleting" => {
                assert_same(&output, new, phase);
                assert_half_deleted(&the_leftover(&site, phase), previous, phase);
            }
            _ => unreachable!(),
        }

        // The next build of the same version replaces the output and deletes what
        // the killed one left.
        build_fully(&site);
        assert_same(&site.snapshot(), new, &format!("the build after {phase}"));
        assert_eq!(leftovers(&site), Vec::<String>::new(), "after {phase}");
        current = next;
    }
}

#[test]
fn a_first_build_killed_at_any_step_leaves_no_output_or_the_complete_one() {
    let site = TestSite::basic();
    grow(&site);
    let original_toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let complete = complete_output(&site, &original_toml, Version::A);

    for phase in PHASES {
        // With no previous output there is nothing to delete: that build just ends.
        let ends = if phase == "deleting" {
            Ended::Finished
        } else {
            Ended::KilledAt
        };
        assert_eq!(kill_at(&site, phase), ends, "{phase}");
        match phase {
            "cleanup" => {
                assert!(!site.out().exists(), "{phase}");
                assert_eq!(leftovers(&site), Vec::<String>::new(), "{phase}");
            }
            "claimed" => {
                assert!(!site.out().exists(), "{phase}");
                assert_claimed(&the_leftover(&site, phase), phase);
            }
            "writing" => {
                assert!(!site.out().exists(), "{phase}");
                assert_half_written(&the_leftover(&site, phase), &complete, phase);
            }
            "written" => {
                assert!(!site.out().exists(), "{phase}");
                assert_same(&the_leftover(&site, phase), &complete, phase);
            }
            "swapped" | "deleting" => {
                assert_same(&site.snapshot(), &complete, phase);
                assert_eq!(leftovers(&site), Vec::<String>::new(), "{phase}");
            }
            _ => unreachable!(),
        }

        build_fully(&site);
        assert_same(
            &site.snapshot(),
            &complete,
            &format!("the build after {phase}"),
        );
        assert_eq!(leftovers(&site), Vec::<String>::new(), "after {phase}");
        // The next trial is a first build again.
        std::fs::remove_dir_all(site.out()).unwrap();
    }
}

#[test]
fn a_build_that_runs_while_another_is_paused_leaves_the_live_one_s_folder_alone() {
    let site = TestSite::basic();
    let original_toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let a = complete_output(&site, &original_toml, Version::A);
    let b = complete_output(&site, &original_toml, Version::B);
    set_version(&site, &original_toml, Version::A);
    build_fully(&site);

    // A build of B paused with its staging folder written holds the folder's marker
    // locked, as it does until its swap.
    set_version(&site, &original_toml, Version::B);
    let mut live = build(&site).env(PAUSE_VAR, "written").spawn().unwrap();
    let said = lines(live.stderr.take().unwrap());
    assert_eq!(
        said.recv_timeout(GUARD).as_deref(),
        Ok("crisis-site: paused at written")
    );
    let staging = leftovers(&site);
    assert_eq!(staging.len(), 1, "{staging:?}");

    // Another build (of A) meanwhile does its work, but leaves that folder alone.
    set_version(&site, &original_toml, Version::A);
    build_fully(&site);
    assert_same(&site.snapshot(), &a, "the other build's output");
    assert_eq!(leftovers(&site), staging);
    assert_same(
        &snapshot(&site.root().join(&staging[0])),
        &b,
        "the live build's folder",
    );

    // Once the paused build is dead, the next build deletes its folder.
    live.kill().unwrap();
    live.wait().unwrap();
    build_fully(&site);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn an_unknown_phase_refuses_the_build_and_writes_nothing() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    let output = build(&site).env(PAUSE_VAR, "swaped").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "error: CRISIS_SITE_PAUSE_AT: unknown phase `swaped`; expected one of `cleanup`, \
         `claimed`, `writing`, `written`, `swapped`, `deleting`\n\
         error: build failed with 1 problem; ./public was left as it was\n"
    );
    assert_eq!(site.snapshot(), before);
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

/// A staging folder as a killed build leaves it: its marker, and some pages.
fn abandoned_staging(site: &TestSite, name: &str) -> PathBuf {
    let folder = site.root().join(name);
    std::fs::create_dir_all(folder.join("announcements")).unwrap();
    std::fs::write(folder.join(MARKER), "written by crisis-site\n").unwrap();
    std::fs::write(folder.join("announcements/index.html"), "<p>half</p>").unwrap();
    folder
}

#[test]
fn the_next_build_removes_only_folders_it_can_prove_are_abandoned_builds() {
    let site = TestSite::basic();
    site.built();
    let dead = abandoned_staging(&site, ".crisis-site-new-public-dead01");
    let empty = site.root().join(".crisis-site-new-public-empty1");
    std::fs::create_dir(&empty).unwrap();
    let aside = abandoned_staging(&site, ".crisis-site-old-public-dead02");
    // Named like ours but without the marker: someone else's files, kept.
    let foreign = site.root().join(".crisis-site-new-public-notours");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("precious.txt"), "keep me").unwrap();
    // A live build holds its marker locked for as long as it runs.
    let live = abandoned_staging(&site, ".crisis-site-new-public-live01");
    let lock = std::fs::File::open(live.join(MARKER)).unwrap();
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
    assert_eq!(leftovers(&site), [".crisis-site-new-public-notours"]);
}

#[test]
fn a_set_aside_previous_output_is_kept_while_the_output_is_missing() {
    // A two-rename swap killed between the renames: the old site is only there, until
    // a build has put a new output in place.
    let site = TestSite::basic();
    let aside = abandoned_staging(&site, ".crisis-site-old-public-only01");
    site.built();
    assert!(aside.join("announcements/index.html").is_file());
    site.built();
    assert!(!aside.exists());
    assert_eq!(leftovers(&site), Vec::<String>::new());
}

#[test]
fn a_build_leaves_another_output_s_folders_beside_it_alone() {
    // Two outputs in one folder, `a` and `b`. A build of `a` was killed between the two
    // renames of its swap: `a` is missing, its previous build only in its set-aside
    // folder, its new one in its staging folder. `b` is complete and builds again.
    let site = TestSite::basic();
    let b = |site: &TestSite| {
        let out = site.run(&["build", "--output", "b"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    b(&site);
    let aside = abandoned_staging(&site, ".crisis-site-old-a-only01");
    let staging = abandoned_staging(&site, ".crisis-site-new-a-dead01");
    // Named like `b`'s with more after the name: another output's (`b-2`'s).
    let other = abandoned_staging(&site, ".crisis-site-old-b-2-only02");
    b(&site);
    for kept in [&aside, &staging, &other] {
        assert!(
            kept.join("announcements/index.html").is_file(),
            "{} was removed",
            kept.display()
        );
    }
    // `a`'s own builds clean up after it: the staging folder at once, the set-aside
    // previous build once `a` is complete again.
    let a = site.run(&["build", "--output", "a"]);
    assert!(a.status.success(), "{}", String::from_utf8_lossy(&a.stderr));
    assert!(!staging.exists());
    assert!(aside.exists());
    site.run(&["build", "--output", "a"]);
    assert_eq!(leftovers(&site), [".crisis-site-old-b-2-only02"]);
}
