//! Attachments and static files are data, not code: the leftovers of editors, the
//! system and version control are not published (and the build names them),
//! dot-files of `static/` are published but version-control folders.

use crisis_site::MessageLang;

use crate::support::TestSite;

const FOLDER: &str = "content/announcements/both";

/// The build's warnings about files it did not publish, in `lang`.
fn skipped(site: &TestSite, lang: MessageLang) -> Vec<String> {
    let summary = site
        .build()
        .unwrap_or_else(|e| panic!("build failed:\n{e}"));
    summary
        .warnings
        .iter()
        .filter(|w| w.id() == "commands-leftover-skipped")
        .map(|w| w.text(lang))
        .collect()
}

#[test]
fn leftovers_of_editors_the_system_and_version_control_are_not_published_and_are_named() {
    let site = TestSite::basic();
    for name in [
        "~$report.docx",
        "Thumbs.db",
        "desktop.ini",
        ".DS_Store",
        "report.pdf~",
        ".index.md.swp",
        "notes.swp",
        ".git/config",
    ] {
        site.write(&format!("{FOLDER}/{name}"), "left over by the editor");
    }
    site.write("content/announcements/Thumbs.db", "left over");
    site.write("static/img/desktop.ini", "left over");
    site.write("static/.git/HEAD", "ref: refs/heads/main");
    site.write("static/.git/objects/ab/cdef", "x");
    let warnings = skipped(&site, MessageLang::En);
    let named: Vec<&str> = warnings
        .iter()
        .map(|w| w.split('`').nth(1).unwrap())
        .collect();
    assert_eq!(
        named,
        [
            "content/announcements/Thumbs.db",
            "content/announcements/both/.DS_Store",
            "content/announcements/both/.git",
            "content/announcements/both/.index.md.swp",
            "content/announcements/both/Thumbs.db",
            "content/announcements/both/desktop.ini",
            "content/announcements/both/notes.swp",
            "content/announcements/both/report.pdf~",
            "content/announcements/both/~$report.docx",
            "static/.git",
            "static/img/desktop.ini",
        ]
    );
    assert_eq!(
        warnings[0],
        "`content/announcements/Thumbs.db` was not published: it is a leftover of an editor, \
         the operating system or version control (an Office owner file, Thumbs.db, desktop.ini, \
         .DS_Store, a backup or swap file, .git/); delete it or move it out of the site's folder \
         to silence this"
    );
    assert_eq!(
        skipped(&site, MessageLang::Ja)[0],
        "「content/announcements/Thumbs.db」は公開しませんでした。エディター・OS・バージョン管理が\
         残すファイル（Office の所有者ファイル、Thumbs.db、desktop.ini、.DS_Store、バックアップや\
         スワップファイル、.git/）です。この表示をなくすには、削除するか、サイトのフォルダーの外へ\
         移してください。"
    );
    let mut published: Vec<String> = walk(&site.out().join("announcements/both"));
    published.sort();
    assert_eq!(published, ["both.pdf", "index.html", "report.pdf"]);
    assert!(!site.exists("static/img/desktop.ini") && !site.exists("img/desktop.ini"));
    assert!(!site.exists(".git/HEAD") && !site.exists(".git/objects/ab/cdef"));
    // The page lists only the real attachment.
    let page = site.page("announcements/both/index.html");
    assert_eq!(page.texts(".attachments li a"), ["report.pdf"]);
}

/// The files under `dir`, by path relative to it.
fn walk(dir: &std::path::Path) -> Vec<String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type().unwrap().is_dir() {
            files.extend(
                walk(&entry.path())
                    .into_iter()
                    .map(|f| format!("{name}/{f}")),
            );
        } else {
            files.push(name);
        }
    }
    files
}

#[test]
fn dot_files_of_static_are_published_but_version_control_folders_are_not() {
    let site = TestSite::basic();
    site.write(
        "static/.well-known/security.txt",
        "Contact: mailto:security@example.jp\n",
    );
    site.write("static/.htaccess", "ErrorDocument 404 /404.html\n");
    site.write("static/.svn/entries", "12\n");
    site.write("static/docs/.hg/hgrc", "[paths]\n");
    site.built();
    assert_eq!(
        site.read(".well-known/security.txt"),
        "Contact: mailto:security@example.jp\n"
    );
    assert_eq!(site.read(".htaccess"), "ErrorDocument 404 /404.html\n");
    assert!(!site.exists(".svn/entries"));
    assert!(!site.exists("docs/.hg/hgrc"));
    assert_eq!(
        skipped(&site, MessageLang::En)
            .iter()
            .map(|w| w.split('`').nth(1).unwrap().to_string())
            .collect::<Vec<_>>(),
        ["static/.svn", "static/docs/.hg"]
    );
}

#[test]
fn a_static_file_may_not_take_the_name_of_the_output_marker() {
    let problems = TestSite::basic().refused(|s| {
        s.write("static/.crisis-site-output", "not ours");
    });
    assert_eq!(
        problems,
        [
            "static/.crisis-site-output: names beginning with `.crisis-site` are crisis-site's own \
          in the output folder (its marker `.crisis-site-output`); rename the file"
        ]
    );
}

#[test]
fn svg_and_html_that_would_run_in_the_browser_are_refused_with_the_file_and_line() {
    let site = TestSite::basic();
    site.write(
        &format!("{FOLDER}/map.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect width=\"1\" height=\"1\"/></svg>",
    );
    site.built();
    assert_eq!(
        site.page("announcements/both/index.html")
            .texts(".attachments li a"),
        ["map.svg", "report.pdf"]
    );
    let problems = site.refused_with(|s| {
        s.write(
            &format!("{FOLDER}/map.svg"),
            "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect onclick=\"steal()\"/></svg>",
        );
        s.write(
            &format!("{FOLDER}/notice.html"),
            "<p>Notice</p>\n<script>steal()</script>",
        );
    });
    let texts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        texts,
        [
            "content/announcements/both/map.svg:2: holds `onclick=`, which would run as a program \
             in the reader's browser when the file is opened from the page; an attachment or a \
             static file must be data: remove it, or publish the file as PDF or PNG",
            "content/announcements/both/notice.html:2: holds `<script>`, which would run as a \
             program in the reader's browser when the file is opened from the page; an attachment \
             or a static file must be data: remove it, or publish the file as PDF or PNG",
        ]
    );
    assert_eq!(
        problems[0].text(MessageLang::Ja),
        "content/announcements/both/map.svg:2: 「onclick=」が含まれています。ページから開くと、\
         読者のブラウザーでプログラムとして動きます。添付ファイルと静的ファイルはデータだけに\
         してください。取り除くか、PDF や PNG にして公開してください。"
    );
    // Static files are looked at with the theme.
    let problems = TestSite::basic().refused(|s| {
        s.write(
            "static/logo.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject/></svg>",
        );
        s.write("static/map.svgz", "\u{1f}");
    });
    assert_eq!(
        problems,
        [
            "static/logo.svg:1: holds `<foreignObject>`, which would run as a program in the \
             reader's browser when the file is opened from the page; an attachment or a static \
             file must be data: remove it, or publish the file as PDF or PNG",
            "static/map.svgz: is a compressed SVG, whose content cannot be checked for programs \
             that would run in the reader's browser; attach it uncompressed (.svg), or as PDF or PNG",
        ]
    );
}

#[test]
fn names_that_break_on_other_systems_are_refused() {
    let site = TestSite::basic();
    let problems = site.refused_with(|s| {
        s.write(&format!("{FOLDER}/Report.PDF"), "x");
        s.write(&format!("{FOLDER}/\u{304b}\u{3099}.pdf"), "x");
        s.write(&format!("{FOLDER}/\u{304c}.pdf"), "x");
        s.write(&format!("{FOLDER}/nul.txt"), "x");
        s.write(&format!("{FOLDER}/minutes: day 1.pdf"), "x");
        s.write(&format!("{FOLDER}/a|b.pdf"), "x");
        s.write(&format!("{FOLDER}/draft./x.pdf"), "x");
        s.write("content/announcements/com1.md", "");
        s.write("static/aux.css", "x");
    });
    let texts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        texts,
        [
            "content/announcements/both/a|b.pdf: the name `a|b.pdf` holds `|`, which Windows does \
             not allow in file names (: * | ? < > \" \\ and control characters); rename it",
            "content/announcements/both/draft./x.pdf: the name `draft.` ends in a dot or a space, \
             which Windows drops, so the link to it would break there; rename it",
            "content/announcements/both/minutes: day 1.pdf: the name `minutes: day 1.pdf` holds \
             `:`, which Windows does not allow in file names (: * | ? < > \" \\ and control \
             characters); rename it",
            "content/announcements/both/nul.txt: the name `nul.txt` is one Windows reserves for a \
             device (con, prn, aux, nul, com1–com9, lpt1–lpt9, with any extension), so the site \
             could not be copied or served there; rename it",
            "content/announcements/both/report.pdf: `report.pdf` and `Report.PDF` differ only in \
             upper and lower case or in how their characters are encoded (Unicode normalization), \
             so they are one file on Windows, on macOS and on many hosts; rename one of them",
            "content/announcements/both/\u{304c}.pdf: `\u{304c}.pdf` and `\u{304b}\u{3099}.pdf` \
             differ only in upper and lower case or in how their characters are encoded (Unicode \
             normalization), so they are one file on Windows, on macOS and on many hosts; rename \
             one of them",
            "content/announcements/com1.md: `com1` cannot be a slug (the announcement's or page's \
             folder): Windows reserves it for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9), \
             so the site could not be copied or served there; choose another name",
        ]
    );
    let collision = problems
        .iter()
        .find(|p| p.to_string().contains("Report.PDF"));
    assert_eq!(
        collision.unwrap().text(MessageLang::Ja),
        "content/announcements/both/report.pdf: 「report.pdf」と「Report.PDF」は、大文字と小文字、\
         または文字の符号化（Unicode の正規化）しか違わないため、Windows や macOS、多くの公開先では\
         同じ一つのファイルになります。どちらかの名前を変えてください。"
    );
    // Static files, looked at with the theme.
    let problems = TestSite::basic().refused(|s| {
        s.write("static/aux.css", "x");
    });
    assert_eq!(
        problems,
        [
            "static/aux.css: the name `aux.css` is one Windows reserves for a device (con, prn, \
          aux, nul, com1–com9, lpt1–lpt9, with any extension), so the site could not be copied \
          or served there; rename it"
        ]
    );
}
