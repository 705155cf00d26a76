//! The tool speaks Japanese and English: the language chosen by flag, variable, the
//! site's language or the locale, and every line of a run in it.

use std::process::Command;

use crisis_site::MessageLang;

use crate::support::TestSite;

const ANN: &str = "content/announcements";

/// The binary, run in `dir` with none of the variables that choose the language set.
fn without_language(dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_crisis-site"));
    command.current_dir(dir);
    for name in [crisis_site::MESSAGES_VAR, "LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(name);
    }
    command
}

/// Runs the binary in the site's folder with only `vars` of the language variables set.
fn run_with(site: &TestSite, vars: &[(&str, &str)], args: &[&str]) -> (Option<i32>, String) {
    let mut command = without_language(site.root());
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

/// The problems of a build after writing `text` at `path` of the basic site, in
/// English and in Japanese, after checking that nothing was written.
fn slip(path: &str, text: &str) -> (Vec<String>, Vec<String>) {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        s.write(path, text);
    });
    let said = |lang| problems.iter().map(|p| p.text(lang)).collect();
    (said(MessageLang::En), said(MessageLang::Ja))
}

/// An announcement of the basic site whose front matter is `front`.
fn front(front: &str) -> (Vec<String>, Vec<String>) {
    slip(
        &format!("{ANN}/first.md"),
        &format!("+++\n{front}+++\n本文です。\n"),
    )
}

const OK: &str = "title = \"システム障害のお知らせ（第1報）\"\ndate = 2023-06-05T10:00:00+09:00\n";

#[test]
fn a_full_width_space_before_a_key() {
    let (en, ja) = front(&format!("{OK}　channel = \"pr\"\n"));
    let at = format!("{ANN}/first.md:4:1: ");
    assert_eq!(
        en,
        [format!(
            "{at}a full-width space (`　`) is not a space TOML reads; type a half-width space, or delete it"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}全角のスペース（「　」）があります。半角のスペースにするか、消してください。"
        )]
    );
}

#[test]
fn a_full_width_equals_sign() {
    let (en, ja) = front(&format!("{OK}channel ＝ \"pr\"\n"));
    let at = format!("{ANN}/first.md:4:9: ");
    assert_eq!(
        en,
        [format!(
            "{at}the `＝` after `channel` is full-width; type a half-width `=`"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}「channel」の後の「＝」が全角です。半角の「=」に直してください。"
        )]
    );
}

#[test]
fn curly_and_full_width_quotes() {
    let (en, ja) =
        front("title = “システム障害”\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n");
    let at = format!("{ANN}/first.md:2:9: ");
    assert_eq!(
        en,
        [format!(
            "{at}`“` is not a quote TOML reads; put the text between straight double quotes: \"…\""
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}「“」は TOML の引用符ではありません。文字列は半角の二重引用符 \"…\" で囲んでください。"
        )]
    );
    let (en, _) =
        front("title = ＂システム障害＂\ndate = 2023-06-05T10:00:00+09:00\nchannel = \"pr\"\n");
    assert_eq!(
        en,
        [format!(
            "{at}`＂` is not a quote TOML reads; put the text between straight double quotes: \"…\""
        )]
    );
}

#[test]
fn full_width_digits_in_a_number() {
    let (en, ja) = front(&format!("{OK}channel = \"pr\"\nnumber = ２\n"));
    let at = format!("{ANN}/first.md:5:10: ");
    assert_eq!(
        en,
        [format!(
            "{at}`２` has full-width digits; type them half-width: 2"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}「２」に全角の数字があります。半角で書いてください: 2"
        )]
    );
}

#[test]
fn full_width_digits_in_a_quoted_date() {
    let (en, ja) = front("title = \"t\"\ndate = \"２０２３-06-05T10:00\"\nchannel = \"pr\"\n");
    let at = format!("{ANN}/first.md:3: ");
    assert_eq!(
        en,
        [format!(
            "{at}`date`: `２０２３-06-05T10:00` is not written the way crisis-site reads dates; write `2023-06-05T10:00` (without the offset, the site's timezone is used)"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}`date`: 「２０２３-06-05T10:00」は crisis-site が読める日付の書き方ではありません。「2023-06-05T10:00」と書いてください（時差を書かない場合はサイトのタイムゾーンで読みます）。"
        )]
    );
}

#[test]
fn a_date_without_quotes() {
    let (en, ja) = front("title = \"t\"\ndate = 2023/06/05 10:00\nchannel = \"pr\"\n");
    let at = format!("{ANN}/first.md:3:8: ");
    assert_eq!(
        en,
        [format!(
            "{at}the date `2023/06/05 10:00` needs quotes and the form crisis-site reads: date = \"2023-06-05T10:00\""
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}日付「2023/06/05 10:00」は引用符で囲み、crisis-site が読める形で書いてください: date = \"2023-06-05T10:00\""
        )]
    );
    let (en, _) = front("title = \"t\"\ndate = \"2023年6月5日 10時\"\nchannel = \"pr\"\n");
    assert_eq!(
        en,
        [format!(
            "{ANN}/first.md:3: `date`: `2023年6月5日 10時` is not written the way crisis-site reads dates; write `2023-06-05T10:00` (without the offset, the site's timezone is used)"
        )]
    );
}

#[test]
fn a_table_written_once_for_a_list() {
    let (en, ja) = front(&format!(
        "{OK}channel = \"pr\"\n[services]\nname = \"給与計算\"\nstatus = \"down\"\n"
    ));
    let at = format!("{ANN}/first.md:5: ");
    assert_eq!(
        en,
        [format!(
            "{at}`[services]` is one of a list; write `[[services]]` (two brackets) above each one"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}「[services]」は複数書ける項目です。一つごとに「[[services]]」（角かっこ二つ）と書いてください。"
        )]
    );
}

#[test]
fn a_key_that_fell_into_the_table_above_it() {
    let (en, ja) = front(&format!(
        "{OK}channel = \"pr\"\n[[timeline]]\nat = \"2023-06-05T09:00\"\ntext = \"障害を検知\"\nnext_update = \"2023-06-06T10:00\"\n"
    ));
    let at = format!("{ANN}/first.md:8: ");
    assert_eq!(
        en,
        [format!(
            "{at}`next_update` is below `[[timeline]]` (line 4), so TOML reads it as a key of that table, which has none of that name; move it above line 4, the file's first table, where the keys of the file itself go"
        )]
    );
    assert_eq!(
        ja,
        [format!(
            "{at}「next_update」が「[[timeline]]」（4 行目）より下にあるため、その見出しの項目として読まれますが、そこにはその名前の項目がありません。ファイル全体の項目は最初の見出し（4 行目）より上に書きます。そこへ移してください。"
        )]
    );
}

#[test]
fn a_slip_in_site_toml_names_its_column() {
    let site = TestSite::basic();
    let text = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    let problems = site.refused_with(|s| {
        s.write(
            "site.toml",
            &text.replacen("home_latest = 2", "home_latest ＝ 2", 1),
        );
    });
    let said: Vec<String> = problems.iter().map(|p| p.text(MessageLang::Ja)).collect();
    assert_eq!(
        said,
        ["site.toml:6:13: 「home_latest」の後の「＝」が全角です。半角の「=」に直してください。"]
    );
}

#[test]
fn a_file_saved_as_shift_jis_or_utf16() {
    let text = format!("+++\n{OK}channel = \"pr\"\n+++\n本文です。\n");
    let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode(&text);
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        std::fs::write(s.root().join(ANN).join("first.md"), &sjis).unwrap();
    });
    let at = format!("{ANN}/first.md:2: ");
    assert_eq!(
        problems[0].text(MessageLang::En),
        format!(
            "{at}the file is saved as Shift_JIS, not UTF-8; save it again as UTF-8 (in the editor's \"Save as\", choose the encoding UTF-8)"
        )
    );
    assert_eq!(
        problems[0].text(MessageLang::Ja),
        format!(
            "{at}このファイルは UTF-8 ではなく Shift_JIS で保存されています。UTF-8 で保存し直してください（エディターの「名前を付けて保存」で文字コードに UTF-8 を選びます）。"
        )
    );
    assert_eq!(problems.len(), 1, "no second problem about the same file");

    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        std::fs::write(s.root().join("site.toml"), &utf16).unwrap();
    });
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].text(MessageLang::Ja),
        "site.toml:1: このファイルは UTF-8 ではなく UTF-16 で保存されています。UTF-8 で保存し直してください（エディターの「名前を付けて保存」で文字コードに UTF-8 を選びます）。"
    );
}

#[test]
fn a_byte_order_mark_is_read_as_nothing() {
    let site = TestSite::basic();
    site.built();
    let before = site.snapshot();
    let path = site.root().join(ANN).join("first.md");
    let text = std::fs::read(&path).unwrap();
    std::fs::write(&path, [b"\xef\xbb\xbf".as_slice(), &text].concat()).unwrap();
    let text = std::fs::read(site.root().join("site.toml")).unwrap();
    std::fs::write(
        site.root().join("site.toml"),
        [b"\xef\xbb\xbf".as_slice(), &text].concat(),
    )
    .unwrap();
    site.built();
    assert_eq!(site.snapshot(), before);
}

#[test]
fn init_speaks_the_language_of_the_site_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    let out = without_language(dir.path())
        .args(["--now", "2023-06-08T12:00:00+09:00", "init", "site"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().next().unwrap(),
        "新しいサイトを site に作りました（7 ファイル）:"
    );
    assert_eq!(crisis_site::starter_language().unwrap().as_str(), "ja");
}
