//! The tool speaks Japanese and English: the language chosen by flag, variable, the
//! site's language or the locale, and every line of a run in it.

use std::process::Command;

use crate::support::TestSite;

const ANN: &str = "content/announcements";

/// Runs the binary in the site's folder with only `vars` of the language variables set.
fn run_with(site: &TestSite, vars: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command.current_dir(site.root());
    for name in [crisis_site::MESSAGES_VAR, "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command.envs(vars.iter().copied()).args(args);
    let out = command.output().unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

fn broken() -> TestSite {
    let site = TestSite::basic();
    site.write(&format!("{ANN}/first.md"), "no front matter\n");
    site
}

#[test]
fn a_japanese_site_is_told_of_its_problems_in_japanese() {
    let site = broken();
    let (code, stderr) = run_with(&site, &[], &["build"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        stderr.lines().last().unwrap(),
        "エラー: 1 件の問題があり、生成できませんでした。./public は元のままです"
    );
}

#[test]
fn the_flag_and_the_variable_choose_over_the_site() {
    let site = broken();
    let english = "error: build failed with 1 problem; ./public was left as it was";
    let (_, stderr) = run_with(&site, &[], &["--messages", "en", "build"]);
    assert_eq!(stderr.lines().last().unwrap(), english);
    let (_, stderr) = run_with(&site, &[(crisis_site::MESSAGES_VAR, "en")], &["build"]);
    assert_eq!(stderr.lines().last().unwrap(), english);
    let (code, stderr) = run_with(&site, &[], &["--messages", "fr", "build"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("invalid value 'fr' for '--messages <MESSAGES>': `fr`: expected ja or en"),
        "{stderr}"
    );
}
