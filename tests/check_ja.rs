//! `crisis-site check` in Japanese: the findings of every rule as a Japanese comms
//! team reads them, each with its hint (what to do), and the same review in English
//! where a count chooses the words.

use crisis_site::{Report, Rule};

use crate::support::check::{check, check_at, check_with, of, of_ja};
use crate::support::{NOW, TestSite};

const FIRST: &str = "content/announcements/first.md";
const FIRST_EN: &str = "content/announcements/first.en.md";
const BOTH: &str = "content/announcements/both/index.md";
const BOTH_EN: &str = "content/announcements/both/index.en.md";

/// Gives `both` (and its translation, which repeats it) another number.
fn renumber_both(site: &TestSite, from: u32, to: u32) {
    for path in [BOTH, BOTH_EN] {
        site.edit(path, &format!("number = {from}"), &format!("number = {to}"));
    }
}

#[test]
fn the_incident_rules_speak_japanese() {
    let site = TestSite::basic();
    assert_eq!(
        of_ja(&check(&site), Rule::KeyReportPending),
        [
            "info[key-report-pending]: site.toml: 主な報告「committee」（第三者委員会の報告）はまだ準備中です。\n  直し方: 準備ができたら、key_report = \"committee\" を付けて報告を公開してください。"
        ]
    );

    renumber_both(&site, 2, 4);
    assert_eq!(
        of_ja(&check(&site), Rule::Numbering),
        [
            "warning[numbering]: content/announcements/both/index.md:5: 第4報の前に、公開されていない番号が2つあります（2、3）。\n  直し方: 抜けている報を公開するか、1、2、3 … と続くように番号を振り直してください。"
        ]
    );
    renumber_both(&site, 4, 1);
    assert_eq!(
        of_ja(&check(&site), Rule::Numbering),
        [
            "warning[numbering]: content/announcements/both/index.md:5: 第1報の番号は、「first」でも使われています。\n  直し方: 第N報の番号は、発表ごとに別の番号にしてください。"
        ]
    );
    renumber_both(&site, 1, 2);
    site.edit(FIRST, "number = 1", "number = 3");
    site.edit(FIRST_EN, "summary", "number = 3\nsummary");
    assert_eq!(
        of_ja(&check(&site), Rule::Numbering),
        [
            "warning[numbering]: content/announcements/both/index.md:5: 第2報の前に、公開されていない番号が1つあります（1）。\n  直し方: 抜けている報を公開するか、1、2、3 … と続くように番号を振り直してください。",
            "warning[numbering]: content/announcements/both/index.md:5: 第2報の日付（2023-06-07 17:00）が、第3報（「first」、2023-06-05 10:00）より後になっています。\n  直し方: 番号は日付の順に大きくなるようにしてください。日付か番号を確かめてください。",
        ]
    );

    let site = TestSite::basic();
    assert_eq!(
        of_ja(&check_at(&site, "2023-06-13T09:00:00+09:00"), Rule::Stale),
        [
            "warning[stale]: content/announcements/embargoed.md:3: 最新の発表「embargoed」（2023-06-09 15:00）から3日たっています。事案の状態は「responding」のままで、更新の間隔は3日です。\n  直し方: 新しい情報がなくてもその旨を伝える更新を公開するか、next_update で次の更新の予定を示してください。"
        ]
    );
    site.edit(
        "site.toml",
        "hours = \"平日 9:00〜18:00\"",
        "hours = \"平日 9:00〜18:00\"\nuntil = 2023-06-07",
    );
    assert_eq!(
        of_ja(&check(&site), Rule::ContactDesk),
        [
            "warning[contact-desk]: site.toml: 事案の状態が「responding」なのに、お問い合わせ窓口がすべて受付を終えています（お問い合わせ窓口）。\n  直し方: 窓口の `until` を延ばすか、今受け付けている窓口を追加してください。"
        ]
    );
    site.edit(
        BOTH,
        "number = 2",
        "number = 2\nnext_update = 2023-06-08T10:00:00+09:00",
    );
    assert_eq!(
        of_ja(&check(&site), Rule::NextUpdateLate),
        [
            "warning[next-update-late]: content/announcements/both/index.md:6: 次の更新は 2023-06-08 10:00 の予定でしたが、それより新しい発表が公開されていません。\n  直し方: 更新を公開するか、いつ更新するかを知らせる短い発表を公開してください。"
        ]
    );
}

#[test]
fn the_content_rules_speak_japanese() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "本日、システム障害が発生しました。",
        "本日、システム障害が発生しました。本資料は社外秘・取扱注意です。\n\n![](chart.png)\n\n<img alt=\"\">",
    );
    site.write("content/announcements/both/社外秘_memo.txt", "memo");
    site.write(
        "content/announcements/leak.md",
        "+++\ntitle = \"個人情報の漏えいについて\"\ndate = 2023-06-06T10:00:00+09:00\n\
         channel = \"pr\"\nkind = \"breach-notice\"\n+++\n\n## 概要\n\n本文です。\n\n\
         ## 漏えいした個人情報の項目\n\n本文です。\n\n## 原因\n\n本文です。\n\n\
         ## お問い合わせ\n\n本文です。\n",
    );
    let report = check(&site);
    assert_eq!(
        of_ja(&report, Rule::ConfidentialMarker),
        [
            "error[confidential-marker]: content/announcements/both/社外秘_memo.txt: 添付ファイルの名前に、秘密扱いを示す言葉があります: 「社外秘」\n  直し方: ファイル名を変え、文書そのものにも同じ表示がないか確かめてください。添付ファイルは誰でも読めるように公開されます。",
            "error[confidential-marker]: content/announcements/first.md:7: 公開する文章に、秘密扱いを示す言葉があります: 「取扱注意」、「社外秘」\n  直し方: その言葉を削除してください。公開する発表が読み手に秘密を求めることはありません（秘密にすべきことは公開しません）。",
        ]
    );
    assert_eq!(
        of_ja(&report, Rule::RequiredSections),
        [
            "warning[required-sections]: content/announcements/leak.md:5: kind = \"breach-notice\" の発表「leak」に、二次被害またはそのおそれの有無の節がありません。\n  直し方: その内容の節を `##` の見出しで追加してください。見出しには次のどれかの言葉を入れます: 二次被害、二次的な被害、不正利用"
        ]
    );
    let hint = "  直し方: 画像が何を示しているかを代替テキストに書いてください（`![示している内容](file.png)`）。画像を見られない読み手にも、その情報が必要です。";
    assert_eq!(
        of_ja(&report, Rule::ImageAlt),
        [
            format!(
                "warning[image-alt]: content/announcements/first.md:9: 画像「chart.png」に代替テキストがありません。\n{hint}"
            ),
            format!(
                "warning[image-alt]: content/announcements/first.md:11: 画像に代替テキストがありません。\n{hint}"
            ),
        ]
    );
    // The English of the image without a source, and of a list of markers.
    assert_eq!(
        of(&report, Rule::ImageAlt)[1].lines().next(),
        Some(
            "warning[image-alt]: content/announcements/first.md:11: an image has no alternative text"
        )
    );
    assert_eq!(
        of(&report, Rule::ConfidentialMarker)[1].lines().next(),
        Some(
            "error[confidential-marker]: content/announcements/first.md:7: published text marks itself confidential: `取扱注意`, `社外秘`"
        )
    );
}

#[test]
fn the_translation_and_attachment_rules_speak_japanese() {
    let site = TestSite::basic();
    let hint =
        "  直し方: 翻訳を原文に合わせて直し、直した日時を翻訳の `updated` に設定してください。";
    site.edit(
        FIRST,
        "number = 1",
        "number = 1\nupdated = 2023-06-06T09:00:00+09:00",
    );
    assert_eq!(
        of_ja(&check(&site), Rule::TranslationOutdated),
        [format!(
            "warning[translation-outdated]: content/announcements/first.en.md: 2023-06-06 09:00 に原文が更新されました。この翻訳（2023-06-05 10:00）より後の変更です。\n{hint}"
        )]
    );
    site.edit(
        FIRST_EN,
        "summary",
        "updated = 2023-06-06T09:00:00+09:00\nsummary",
    );
    site.write(
        "content/announcements/fix.md",
        "+++\ntitle = \"訂正\"\ndate = 2023-06-07T12:00:00+09:00\nchannel = \"pr\"\ncorrects = \"first\"\n+++\n第1報の発生時刻に誤りがありました。\n",
    );
    let text = std::fs::read_to_string(site.root().join(BOTH)).unwrap();
    let end = text.find("\n\n侵入経路").unwrap();
    site.write(BOTH, &format!("{}\n", &text[..end]));
    let report = check(&site);
    assert_eq!(
        of_ja(&report, Rule::TranslationOutdated),
        [format!(
            "warning[translation-outdated]: content/announcements/first.en.md:3: 2023-06-07 12:00 に原文が「fix」で訂正されました。この翻訳（2023-06-06 09:00）より後の変更です。\n{hint}"
        )]
    );
    assert_eq!(
        of_ja(&report, Rule::PdfOnly),
        [
            "warning[pdf-only]: content/announcements/both/index.md:10: 本文に、添付ファイル（「report.pdf」）のほかはほとんど何も書かれていません。本文は半角換算で55字で、200字に足りません。\n  直し方: 要点（何が起きたか、誰に影響があるか、何をすればよいか）をページそのものに書いてください。スマートフォンや読み上げソフトでは PDF が読みにくいためです。"
        ]
    );
}

/// The findings of `rule` in Japanese about the output file `path`.
fn about(report: &Report, rule: Rule, path: &str) -> Vec<String> {
    let place = format!("{}]: {path}", rule.id());
    of_ja(report, rule)
        .into_iter()
        .filter(|f| f.contains(&place))
        .collect()
}

#[test]
fn the_output_rules_speak_japanese() {
    let site = TestSite::basic();
    site.edit(
        FIRST,
        "をご覧ください。",
        "をご覧ください。[FAQ](../faq/)、[見出し](#nowhere)。\n\n\
         <a href=\"../../../outside.html\">外</a> <a href=\"http://[x\">壊</a>",
    );
    site.edit(
        BOTH,
        "[こちら](report.pdf)",
        "[こちら](report.pdf)、[旧版](old.pdf)",
    );
    for line in ["exchange =", "contact ="] {
        let text = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.contains(line)).collect();
        site.write("site.toml", &(kept.join("\n") + "\n"));
    }
    let report = check_with(&site, NOW, Some("https://incident.example.jp/"));
    let in_first = "  直し方: content/announcements/first.md のリンクを直してください。";
    assert_eq!(
        about(&report, Rule::BrokenLink, "announcements/first/index.html"),
        [
            format!(
                "error[broken-link]: announcements/first/index.html:66: 「../faq/index.html」の行き先「announcements/faq/index.html」が、生成した出力にありません。\n{in_first}"
            ),
            format!(
                "error[broken-link]: announcements/first/index.html:66: 「#nowhere」の行き先「announcements/first/index.html」に、id が「nowhere」の場所がありません。\n{in_first}"
            ),
            format!(
                "error[broken-link]: announcements/first/index.html:67: 「../../../outside.html」はサイトの外（最上位のフォルダーより上）を指しています。\n{in_first}"
            ),
            format!(
                "error[broken-link]: announcements/first/index.html:67: 「http://[x」は正しい URL ではありません。\n{in_first}"
            ),
        ]
    );
    assert_eq!(
        about(&report, Rule::BrokenLink, "feed.xml")[0],
        "error[broken-link]: feed.xml: フィードの項目 https://incident.example.jp/announcements/both/ の中: 「old.pdf」の行き先「announcements/both/old.pdf」が、生成した出力にありません。\n  直し方: フィードの項目の内容は発表の本文です。本文のリンクを直すか、テーマの partials/feed_entry.html を直してください。"
    );
    assert_eq!(
        of_ja(&report, Rule::IrIdentity),
        [
            "warning[ir-identity]: site.toml: IR の発表が2件公開されていますが、`[ir]` に exchange、contact がありません。\n  直し方: 適時開示には証券コード、取引所、問い合わせ先を記載します。site.toml の [ir] に追加してください。"
        ]
    );

    let site = TestSite::basic();
    site.edit_theme(
        "templates/base.html",
        "</body>",
        "<a href=\"/gone/\">x</a>\n<script>alert(1)</script>\n</body>",
    );
    site.edit(
        "site.toml",
        "[incident]",
        "[check]\npage_weight_kb = 10\n\n[incident]",
    );
    let report = check(&site);
    assert_eq!(
        about(&report, Rule::BrokenLink, "404.html"),
        [
            "error[broken-link]: 404.html:59: 「/gone/」の行き先「gone/index.html」が、生成した出力にありません。\n  直し方: このリンクはテーマのテンプレート（themes/default/templates/、またはサイトの templates/）か site.toml の設定から来ています。そこで直してください。"
        ]
    );
    assert_eq!(
        about(&report, Rule::BrokenLink, "index.html")[0],
        "error[broken-link]: index.html:113: 「/gone/」の行き先「gone/index.html」が、生成した出力にありません。\n  直し方: このリンクは content/_index.md には書かれていません。テーマのテンプレート（themes/default/templates/、またはサイトの templates/）か site.toml の設定を確かめてください。"
    );
    assert_eq!(
        about(&report, Rule::PageWeight, "404.html"),
        [
            "warning[page-weight]: 404.html:60: ページに <script> 要素があります。公開するページにはスクリプトを入れません。\n  直し方: テーマのテンプレート（themes/default/templates/、またはサイトの templates/）から削除してください。"
        ]
    );
    assert_eq!(
        about(&report, Rule::PageWeight, "index.html")[0],
        "warning[page-weight]: index.html: ページの重さが 11.0 KB（HTML 5.1 KB + CSS 5.9 KB）で、上限の 10 KB を超えています。\n  直し方: アクセスが集中しても表示できるように、ページを短くするか、詳しい内容を添付ファイルに移すか、[check] の page_weight_kb を上げてください。"
    );
}

#[test]
fn reporting_deadlines_count_the_days_in_both_languages() {
    let site = TestSite::basic();
    site.edit(
        "site.toml",
        "started = 2023-06-05T09:00:00+09:00",
        "started = 2023-06-05T09:00:00+09:00\npersonal_data = true\naware_on = 2023-06-05",
    );
    let hint = "\n  直し方: これは一般的な決まりの確認で、法的助言ではありません。どの報告がいつまでに必要かは、弁護士と個人情報保護委員会のガイドラインで確かめてください。";
    let report = check_at(&site, "2023-06-09T12:00:00+09:00");
    assert_eq!(
        of_ja(&report, Rule::ReportingDeadlines),
        [
            format!(
                "info[reporting-deadlines]: site.toml:12: 個人情報保護委員会への速報: 事態を知った日（2023-06-05）から速やかに、おおむね3〜5日以内（2023-06-08–10 ごろまで）に提出します。あと1日です。{hint}"
            ),
            format!(
                "info[reporting-deadlines]: site.toml:12: 個人情報保護委員会への確報: 事態を知った日（2023-06-05）から30日以内（2023-07-05 まで）に提出します。あと26日です。{hint}"
            ),
        ]
    );
    assert_eq!(
        of(&report, Rule::ReportingDeadlines)[0].lines().next(),
        Some(
            "info[reporting-deadlines]: site.toml:12: preliminary report to the PPC (速報): promptly, about 3–5 days after becoming aware on 2023-06-05 (by 2023-06-08–10): 1 day left"
        )
    );

    site.edit(
        "site.toml",
        "aware_on = 2023-06-05",
        "aware_on = 2023-06-05T11:00:00+09:00\nwrongful_act = true",
    );
    let report = check_with(&site, "2023-08-05T12:00:00+09:00", None);
    assert_eq!(
        of_ja(&report, Rule::ReportingDeadlines),
        [
            format!(
                "info[reporting-deadlines]: site.toml:12: 個人情報保護委員会への速報: 事態を知った日（2023-06-05）から速やかに、おおむね3〜5日以内（2023-06-08–10 ごろまで）に提出します。期限を56日過ぎています。{hint}"
            ),
            format!(
                "info[reporting-deadlines]: site.toml:12: 個人情報保護委員会への確報: 不正の目的による漏えいのおそれがあるため、事態を知った日（2023-06-05）から60日以内（2023-08-04 まで）に提出します。期限を1日過ぎています。{hint}"
            ),
        ]
    );
    assert_eq!(
        of(&report, Rule::ReportingDeadlines)[1].lines().next(),
        Some(
            "info[reporting-deadlines]: site.toml:12: final report to the PPC (確報): within 60 days of 2023-06-05, as the leak may result from a wrongful act (by 2023-08-04): passed 1 day ago"
        )
    );
}

#[test]
fn check_prints_its_findings_in_japanese_when_asked() {
    let site = TestSite::basic();
    let output = site.run(&["--messages", "ja", "check"]);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "info[key-report-pending]: site.toml: 主な報告「committee」（第三者委員会の報告）はまだ準備中です。\n  直し方: 準備ができたら、key_report = \"committee\" を付けて報告を公開してください。\n\
         公開前チェック: エラー 0 件、警告 0 件、情報 1 件\n"
    );
}
