//! The PDF of every announcement: its text read back with poppler's pdftotext and
//! compared with the page's, its tags, title, language and fonts read with pdfinfo and
//! pdffonts, Japanese line breaking, the IR disclosure's header, the same bytes from
//! the same input, reuse of an unchanged PDF, and an official PDF in its place.

use std::path::Path;
use std::process::Command;

use crate::support::TestSite;

/// The text of a PDF as poppler reads it: `-raw` keeps the order of the content
/// stream (a table cell's lines together), `-layout` the lines as they are set.
fn pdftotext(pdf: &Path, mode: &str) -> String {
    let out = Command::new("pdftotext")
        .args([mode, "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (Debian's poppler-utils, installed by .ci/run) runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The output of a poppler tool on `pdf`.
fn poppler(tool: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(tool).args(args).arg(pdf).output().unwrap();
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A text without white space, as a PDF's text and a page's compare.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The field `name` of pdfinfo's report.
fn info(pdf: &Path, name: &str) -> String {
    poppler("pdfinfo", &[], pdf)
        .lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .unwrap_or_else(|| panic!("pdfinfo has no {name}"))
        .trim()
        .to_string()
}

const IR: &str = "announcements/2026-10-09-extraordinary-loss-forecast-revision/";

#[test]
fn every_announcement_page_links_its_pdf_in_each_language() {
    let site = TestSite::example();
    let summary = site.build().unwrap();
    let mut pages_seen = 0;
    for lang in ["", "en/"] {
        let list = site.page(&format!("{lang}announcements/index.html"));
        let pages: Vec<String> = list
            .attrs("main a[href*='announcements/2026-']", "href")
            .iter()
            .map(|h| list.resolve(h))
            .filter(|p| p.starts_with(lang))
            .collect();
        assert!(!pages.is_empty());
        pages_seen += pages.len();
        for path in pages {
            let page = site.page(&path);
            let href = page.attr(".pdf-link a", "href");
            let pdf = page.resolve(&href);
            let slug = path.split('/').rev().nth(1).unwrap();
            assert_eq!(pdf, format!("{lang}announcements/{slug}/{slug}.pdf"));
            let bytes = std::fs::read(site.out().join(&pdf)).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{pdf}");
            let size = page.text(".pdf-link .file-info");
            assert!(
                size.starts_with("(PDF, ") && size.ends_with(" KB)"),
                "{size}"
            );
        }
    }
    // One PDF for each announcement page, every one typeset by a first build.
    assert_eq!(
        (summary.pdfs, summary.pdfs_typeset),
        (pages_seen, pages_seen)
    );
}

#[test]
fn the_pdf_says_what_the_page_says() {
    let site = TestSite::example();
    site.build().unwrap();
    for page_path in [
        format!("{IR}index.html"),
        format!("en/{IR}index.html"),
        "announcements/2026-10-30-forensic-investigation-results/index.html".to_string(),
        "announcements/2026-09-25-correction-reporting-obligations/index.html".to_string(),
    ] {
        let page = site.page(&page_path);
        let pdf = site
            .out()
            .join(page.resolve(&page.attr(".pdf-link a", "href")));
        let text = squeezed(&pdftotext(&pdf, "-raw"));
        let title = page.text("h1");
        assert!(
            text.contains(&squeezed(&title)),
            "{page_path}: no title {title}"
        );
        // Every block of the body, in the page's order.
        let mut from = 0;
        for block in page.texts(".prose h2, .prose h3, .prose p, .prose li, .prose th, .prose td") {
            let block = squeezed(&block);
            if block.is_empty() {
                continue;
            }
            let at = text[from..].find(&block).unwrap_or_else(|| {
                panic!("{page_path}: the PDF lacks, after byte {from}: {block}\nPDF: {text}")
            });
            from += at + block.len();
        }
    }
}

#[test]
fn the_pdf_is_tagged_titled_in_its_language_and_embeds_its_fonts() {
    let site = TestSite::example();
    site.build().unwrap();
    for (lang, title) in [
        (
            "",
            "特別損失の計上見込み及び通期連結業績予想の修正に関するお知らせ",
        ),
        (
            "en/",
            "Notice of expected extraordinary loss and revision of full-year consolidated earnings forecast",
        ),
    ] {
        let pdf = site.out().join(format!(
            "{lang}{IR}2026-10-09-extraordinary-loss-forecast-revision.pdf"
        ));
        assert_eq!(info(&pdf, "Tagged"), "yes");
        assert_eq!(info(&pdf, "Title"), title);
        assert_eq!(
            info(&pdf, "Author"),
            if lang.is_empty() {
                "株式会社みなと労務システム"
            } else {
                "Minato Roumu Systems Inc."
            }
        );
        let meta = poppler("pdfinfo", &["-meta"], &pdf);
        let language = if lang.is_empty() { "ja" } else { "en" };
        assert!(
            meta.contains(&format!("<rdf:li>{language}</rdf:li>")),
            "{meta}"
        );
        assert!(
            meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
            "PDF/UA-1: {meta}"
        );
        let fonts = poppler("pdffonts", &[], &pdf);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert!(!rows.is_empty());
        for row in rows {
            let columns: Vec<&str> = row.split_whitespace().collect();
            // name, type…, encoding, emb, sub, uni, object, id
            let n = columns.len();
            assert_eq!(&columns[n - 5..n - 2], ["yes", "yes", "yes"], "{row}");
            assert!(columns[0].contains("BIZUDPGothic"), "{row}");
        }
        // Headings as headings: the structure tree has the title and the sections.
        let structure = poppler("pdfinfo", &["-struct"], &pdf);
        assert!(structure.contains("H1"), "{structure}");
        assert!(structure.contains("H2"), "{structure}");
    }
}

#[test]
fn the_ir_disclosure_carries_the_filing_header() {
    let site = TestSite::example();
    site.build().unwrap();
    let pdf = site.out().join(format!(
        "{IR}2026-10-09-extraordinary-loss-forecast-revision.pdf"
    ));
    let text = squeezed(&pdftotext(&pdf, "-raw"));
    let header = [
        "2026年10月9日",
        "各位",
        "会社名",
        "株式会社みなと労務システム",
        "代表者名",
        "代表取締役社長高村誠",
        "（コード番号：9999東証スタンダード）",
        "問合せ先",
        "取締役管理本部長野口恵子",
        "（TEL03-0000-0100）",
        "特別損失の計上見込み及び通期連結業績予想の修正に関するお知らせ",
        "当社は、2026年9月14日に発生したランサムウェア",
        "以上",
    ];
    let mut from = 0;
    for part in header {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("no {part} after byte {from} in {text}"));
        from += at + part.len();
    }
    // The header left the body: the page no longer repeats it.
    let page = site.page(&format!("{IR}index.html"));
    assert!(!page.text(".prose").contains("代表者名"));
    let en = squeezed(&pdftotext(
        &site.out().join(format!(
            "en/{IR}2026-10-09-extraordinary-loss-forecast-revision.pdf"
        )),
        "-raw",
    ));
    for part in [
        "9October2026",
        "Towhomitmayconcern",
        "MinatoRoumuSystemsInc.",
        "MakotoTakamura,PresidentandRepresentativeDirector",
        "(Securitiescode:9999,TokyoStockExchangeStandardMarket)",
        "(Tel.03-0000-0100)",
    ] {
        assert!(en.contains(part), "no {part} in {en}");
    }
    // A PR announcement has the notice's layout: no addressee, no securities code.
    let pr = squeezed(&pdftotext(
        &site
            .out()
            .join("announcements/2026-09-14-service-outage/2026-09-14-service-outage.pdf"),
        "-raw",
    ));
    assert!(
        pr.starts_with("2026年9月14日株式会社みなと労務システム"),
        "{pr}"
    );
    assert!(!pr.contains("各位") && !pr.contains("コード番号"), "{pr}");
}

#[test]
fn japanese_lines_never_start_with_closing_punctuation() {
    let site = TestSite::basic();
    // Every other character closes a clause: a line broken anywhere but by the rules
    // starts with one.
    let body = "あ。い、う」".repeat(60);
    site.write(
        "content/announcements/kinsoku.md",
        &format!(
            "+++\ntitle = \"禁則の確認\"\ndate = 2023-06-07T10:00:00+09:00\nchannel = \"pr\"\n+++\n{body}\n"
        ),
    );
    site.build().unwrap();
    let text = pdftotext(
        &site.out().join("announcements/kinsoku/kinsoku.pdf"),
        "-layout",
    );
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.contains('あ') || l.starts_with(['。', '、', '」']))
        .collect();
    assert!(
        lines.len() >= 4,
        "the paragraph runs over several lines: {text}"
    );
    for line in &lines {
        assert!(!line.starts_with(['。', '、', '」']), "{line:?} in\n{text}");
    }
    assert_eq!(squeezed(&lines.concat()), body);
}

#[test]
fn the_same_input_makes_the_same_bytes() {
    let pdf = "announcements/both/both.pdf";
    let first = TestSite::basic();
    first.build().unwrap();
    let second = TestSite::basic();
    second.build().unwrap();
    let a = std::fs::read(first.out().join(pdf)).unwrap();
    let b = std::fs::read(second.out().join(pdf)).unwrap();
    assert!(a == b, "two builds of one site made different PDFs");
}

#[test]
fn an_unchanged_pdf_is_reused_and_an_edited_one_typeset_again() {
    let site = TestSite::basic();
    let first = site.build().unwrap();
    assert_eq!(first.pdfs, first.pdfs_typeset);
    let before = site.snapshot();
    let second = site.build().unwrap();
    assert_eq!((second.pdfs, second.pdfs_typeset), (first.pdfs, 0));
    assert_eq!(site.snapshot(), before);
    site.edit(
        "content/announcements/disclosure.md",
        "お知らせいたします。",
        "お知らせいたします。詳細は追ってお知らせします。",
    );
    let third = site.build().unwrap();
    assert_eq!(third.pdfs_typeset, 1);
    let text = pdftotext(
        &site.out().join("announcements/disclosure/disclosure.pdf"),
        "-raw",
    );
    assert!(squeezed(&text).contains("詳細は追ってお知らせします。"));
    // A PDF changed by hand in the output is not trusted: it is typeset again.
    std::fs::write(
        site.out().join("announcements/disclosure/disclosure.pdf"),
        b"%PDF-1.7 x",
    )
    .unwrap();
    assert_eq!(site.build().unwrap().pdfs_typeset, 1);
}

#[test]
fn with_make_false_no_pdf_is_made() {
    let site = TestSite::basic();
    site.edit("site.toml", "[ir]", "[pdf]\nmake = false\n\n[ir]");
    let summary = site.build().unwrap();
    assert_eq!(summary.pdfs, 0);
    assert!(!site.exists("announcements/disclosure/disclosure.pdf"));
    assert_eq!(
        site.page("announcements/disclosure/index.html")
            .count(".pdf-link"),
        0
    );
}

/// The basic site with `both`'s original naming `report.pdf`, made here as the PDF
/// the build makes of another site's announcement titled `title` on `date`.
fn with_official_pdf(title: &str, date: &str) -> TestSite {
    let other = TestSite::basic();
    other.edit(
        "content/announcements/both/index.md",
        "title = \"調査結果について（第2報）\"\ndate = 2023-06-07T17:00:00+09:00",
        &format!("title = \"{title}\"\ndate = {date}"),
    );
    other.build().unwrap();
    let site = TestSite::basic();
    std::fs::copy(
        other.out().join("announcements/both/both.pdf"),
        site.root().join("content/announcements/both/report.pdf"),
    )
    .unwrap();
    site.edit(
        "content/announcements/both/index.md",
        "key_report = \"investigation\"",
        "key_report = \"investigation\"\nofficial_pdf = \"report.pdf\"",
    );
    site
}

#[test]
fn an_official_pdf_is_linked_instead_of_one_made() {
    let site = with_official_pdf("調査結果について（第2報）", "2023-06-07T17:00:00+09:00");
    let summary = site.build().unwrap();
    assert!(!site.exists("announcements/both/both.pdf"));
    // The translation has no official PDF of its own: its PDF is made.
    assert!(site.exists("en/announcements/both/both.pdf"));
    let page = site.page("announcements/both/index.html");
    assert_eq!(page.attr(".pdf-link a", "href"), "report.pdf");
    // Linked as the PDF, not listed a second time as an attachment.
    assert_eq!(page.count(".attachments"), 0);
    let json: serde_json::Value = serde_json::from_str(&site.read("status.json")).unwrap();
    let both = json["announcements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "both")
        .unwrap();
    assert_eq!(both["pdf_path"], "announcements/both/report.pdf");
    assert!(summary.pdfs > 0);
    let report = site.run_at(crate::support::NOW, &["check"]);
    let out = String::from_utf8_lossy(&report.stdout);
    assert!(!out.contains("official-pdf"), "{out}");
}

#[test]
fn check_warns_when_the_official_pdf_disagrees() {
    let site = with_official_pdf("調査の途中経過について", "2023-06-01T17:00:00+09:00");
    let report = site.run_at(crate::support::NOW, &["--messages", "en", "check"]);
    let out = String::from_utf8_lossy(&report.stdout);
    assert!(
        out.contains(
            "warning[official-pdf]: content/announcements/both/index.md:7: the official PDF `report.pdf` does not carry the announcement's title or date (title \"調査結果について（第2報）\", date 2023-06-07); readers and the exchange would see two texts that disagree\n  hint: make the title and date of the page and of the PDF the same, or attach the PDF that was filed"
        ),
        "{out}"
    );
}

#[test]
fn an_official_pdf_that_is_no_file_beside_it_is_refused() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.edit(
            "content/announcements/both/index.md",
            "key_report = \"investigation\"",
            "key_report = \"investigation\"\nofficial_pdf = \"reprot.pdf\"",
        );
    });
    assert_eq!(
        problems,
        [
            "content/announcements/both/index.md:7: official_pdf names `reprot.pdf`, which is not a file beside this announcement; did you mean `report.pdf`?"
        ]
    );
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.edit(
            "content/announcements/both/index.md",
            "key_report = \"investigation\"",
            "key_report = \"investigation\"\nofficial_pdf = \"report.docx\"",
        )
    });
    assert_eq!(
        problems,
        [
            "content/announcements/both/index.md:7: official_pdf names `report.docx`, which is not a PDF; name the PDF file beside the announcement that was filed (for example \"report.docx.pdf\"), or remove official_pdf to have the build make the PDF"
        ]
    );
}

#[test]
fn a_broken_layout_is_a_problem_of_its_line() {
    let site = TestSite::basic();
    let problems = site.refused(|s| {
        s.write(
            "templates/pdf/notice.typ",
            "#import \"common.typ\": *\n#show: page-setup\n\n#data.no_such_field\n",
        );
    });
    assert_eq!(
        problems,
        [
            "templates/pdf/notice.typ:4: the PDF layout failed: dictionary does not contain key \"no_such_field\""
        ]
    );
}

#[test]
fn a_font_nowhere_to_be_found_is_refused() {
    let site = TestSite::basic();
    let problems =
        site.refused(|s| s.edit("site.toml", "[ir]", "[pdf]\nfont = \"Qzxv Wkj 0\"\n\n[ir]"));
    assert_eq!(
        problems,
        [
            "site.toml:41: [pdf] font names `Qzxv Wkj 0`, which is neither among the fonts of the theme's or the site's fonts/ nor installed on this machine; put its font files in the site's fonts/ folder, or remove the key to use the built-in BIZ UDPGothic"
        ]
    );
    let site = TestSite::basic();
    let problems = site.refused(|s| s.edit("site.toml", "[ir]", "[pdf]\nfont = \" \"\n\n[ir]"));
    assert_eq!(
        problems,
        [
            "site.toml:41: [pdf] font is empty; name a font family (for example \"Noto Sans CJK JP\"), or remove the key to use the built-in BIZ UDPGothic"
        ]
    );
}

#[test]
fn feeds_and_status_json_carry_the_pdf() {
    let site = TestSite::basic().published_at("https://example.jp/x/");
    site.build().unwrap();
    let json: serde_json::Value = serde_json::from_str(&site.read("en/status.json")).unwrap();
    let first = json["announcements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["slug"] == "first")
        .unwrap();
    assert_eq!(first["pdf_path"], "en/announcements/first/first.pdf");
    assert_eq!(
        first["pdf_url"],
        "https://example.jp/x/en/announcements/first/first.pdf"
    );
    let feed = site.read("feed.xml");
    let doc = roxmltree::Document::parse(&feed).unwrap();
    let pdfs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("link") && n.attribute("type") == Some("application/pdf"))
        .filter_map(|n| n.attribute("href"))
        .collect();
    assert!(
        pdfs.contains(&"https://example.jp/x/announcements/disclosure/disclosure.pdf"),
        "{pdfs:?}"
    );
}

/// The preview's build of `site` with every file made, reusing the PDFs of `previous`.
fn preview(
    site: &TestSite,
    cache: &crisis_site::Cache,
    previous: crisis_site::MadePdfs,
) -> crisis_site::MemoryBuild {
    let publish = crisis_site::Publish::preview(site.options().publish.now, None);
    let build = crisis_site::MemoryBuild::new(site.root(), &publish, cache, previous).unwrap();
    build.make_all().unwrap();
    build
}

#[test]
fn the_preview_serves_the_pdfs_and_typesets_only_what_changed() {
    let site = TestSite::basic();
    let cache = crisis_site::Cache::keeping();
    let first = preview(&site, &cache, Default::default());
    let (count, typeset) = first.pdf_counts();
    assert_eq!(count, typeset);
    match first.get("announcements/disclosure/disclosure.pdf") {
        Some(crisis_site::Served::Bytes(bytes)) => assert!(bytes.starts_with(b"%PDF-")),
        _ => panic!("the preview has no PDF"),
    }
    site.edit(
        "content/announcements/disclosure.md",
        "お知らせいたします。",
        "お知らせいたします。追記です。",
    );
    let second = preview(&site, &cache, first.pdfs());
    assert_eq!(second.pdf_counts(), (count, 1));
}

#[test]
fn a_translation_names_its_own_official_pdf() {
    let site = with_official_pdf("調査結果について（第2報）", "2023-06-07T17:00:00+09:00");
    std::fs::copy(
        site.root().join("content/announcements/both/report.pdf"),
        site.root().join("content/announcements/both/report-en.pdf"),
    )
    .unwrap();
    site.edit(
        "content/announcements/both/index.en.md",
        "+++\ntitle",
        "+++\nofficial_pdf = \"report-en.pdf\"\ntitle",
    );
    site.build().unwrap();
    assert!(!site.exists("en/announcements/both/both.pdf"));
    let page = site.page("en/announcements/both/index.html");
    assert_eq!(page.attr(".pdf-link a", "href"), "report-en.pdf");
    // The English PDF carries the Japanese title: the review says so, at its line.
    let report = site.run_at(crate::support::NOW, &["--messages", "en", "check"]);
    let out = String::from_utf8_lossy(&report.stdout);
    assert!(
        out.contains("warning[official-pdf]: content/announcements/both/index.en.md:2: the official PDF `report-en.pdf` does not carry the announcement's title ("),
        "{out}"
    );
}

#[test]
fn the_preview_marks_the_pdf_of_a_draft_and_of_an_embargoed_statement() {
    let site = TestSite::basic();
    let build = preview(&site, &crisis_site::Cache::keeping(), Default::default());
    let dir = tempfile::tempdir().unwrap();
    let text_of = |path: &str| {
        let Some(crisis_site::Served::Bytes(bytes)) = build.get(path) else {
            panic!("the preview has no {path}");
        };
        let file = dir.path().join("x.pdf");
        std::fs::write(&file, bytes).unwrap();
        squeezed(&pdftotext(&file, "-raw"))
    };
    let draft = text_of("announcements/draft/draft.pdf");
    assert!(
        draft.starts_with("下書き/DRAFT：この発表はまだ公開されていません"),
        "{draft}"
    );
    let embargoed = text_of("announcements/embargoed/embargoed.pdf");
    assert!(
        embargoed.starts_with("公開予定/EMBARGOEDuntil"),
        "{embargoed}"
    );
    assert!(
        embargoed.contains("：この日時まで公開されません"),
        "{embargoed}"
    );
    let published = text_of("announcements/disclosure/disclosure.pdf");
    assert!(
        !published.contains("DRAFT") && !published.contains("EMBARGOED"),
        "{published}"
    );
}
