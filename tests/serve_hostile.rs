//! The preview server against hostile requests, sent as raw bytes so that no client
//! normalises them: whatever is asked, only files of the built site are served, and
//! the server keeps answering.

use crate::support::preview::{Preview, get, request};
use crate::support::{TestSite, theme_file};

/// What no answer may contain: text that exists only in files outside the built site.
const SECRETS: [&str; 5] = [
    "SECRET-SITE-TOML-7f3a",
    "SECRET-CONTENT-NOTES-91b2",
    "SECRET-FRONT-MATTER-c4d1",
    "SECRET-TEMPLATE-55e0",
    "SECRET-BESIDE-OUTPUT-a8e9",
];

/// The fixture: secrets in the sources and beside the site. (A symbolic link in the
/// inputs makes the build fail: `tests/inputs.rs`.)
fn hostile_site() -> TestSite {
    let site = TestSite::basic();
    let root = site.root();
    let toml = std::fs::read_to_string(root.join("site.toml")).unwrap();
    site.write("site.toml", &format!("{toml}\n# {}\n", SECRETS[0]));
    site.write("content/notes.txt", SECRETS[1]);
    site.edit(
        "content/announcements/first.md",
        "+++\ntitle",
        &format!("+++\n# {}\ntitle", SECRETS[2]),
    );
    site.write(
        "templates/base.html",
        &format!(
            "{}{{# {} #}}\n",
            theme_file("templates/base.html"),
            SECRETS[3]
        ),
    );
    site.write("secret.txt", SECRETS[4]);
    site.write("static/harmless.txt", "a static file");
    // An attachment folder with an index page and a name that needs encoding.
    site.write(
        "content/announcements/both/資料 x/index.html",
        "<p>attachment folder</p>",
    );
    site
}

#[test]
fn hostile_requests_never_reach_files_outside_the_build_and_the_server_keeps_answering() {
    let site = hostile_site();
    let preview = Preview::start(&site, &["--port", "0"]);
    // /etc/passwd's own first bytes, where the system has one.
    let passwd = std::fs::read_to_string("/etc/passwd")
        .ok()
        .and_then(|t| t.lines().next().map(str::to_string))
        .filter(|line| !line.is_empty());

    let long = format!("/{}", "a/".repeat(50_000));
    let mut corpus: Vec<Vec<u8>> = [
        "/../site.toml",
        "/../../../../../../etc/passwd",
        "/%2e%2e/site.toml",
        "/%2E%2E%2Fsite.toml",
        "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/%252e%252e%252fsite.toml",
        "/..%5csite.toml",
        "/..%5c..%5c..%5cetc%5cpasswd",
        "/\\..\\site.toml",
        "/./site.toml",
        "/././../site.toml",
        "//etc/passwd",
        "///etc//passwd",
        "/%2f%2fetc%2fpasswd",
        "http://x/../site.toml",
        "http://localhost/%2e%2e/secret.txt",
        "/%c0%ae%c0%ae/site.toml",
        "/%c0%ae%c0%ae%c0%afsite.toml",
        "/%e0%80%ae%e0%80%ae/site.toml",
        "/site.toml%00.html",
        "/index.html%00",
        "/%zz",
        "/%",
        "/%e",
        "/%ff%fe",
        "/site.toml",
        "/secret.txt",
        "/content/notes.txt",
        "/content/announcements/first.md",
        "/templates/base.html",
        "/themes/default/templates/base.html",
        "/themes/default/static/style.css",
        "/static/harmless.txt",
        "/leak.txt",
        "/passwd",
        "/up/site.toml",
        "/up/secret.txt",
        "/announcements/both/leak.pdf",
        "/en/announcements/both/leak.pdf",
        "/announcements/both/../../site.toml",
        "/announcements/%2e%2e/%2e%2e/secret.txt",
        "/public/../site.toml",
        "/.crisis-site-output",
        "/__crisis-site/../site.toml",
        "/__crisis-site/%2e%2e/secret.txt",
        "/index.html?../../site.toml",
        "/index.html#../../site.toml",
        "*",
        "site.toml",
        "../site.toml",
        &long,
    ]
    .iter()
    .map(|path| get(preview.port, path))
    .collect();
    corpus.extend([
        // Non-UTF-8 bytes in the path.
        b"GET /\xff\xfe/site.toml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"GET /\xc0\xae\xc0\xae/site.toml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
            .to_vec(),
        // Missing version, garbage and truncated request lines.
        b"GET /../site.toml\r\n\r\n".to_vec(),
        b"GET\r\n\r\n".to_vec(),
        b"\r\n\r\n\r\n".to_vec(),
        b"garbage garbage garbage garbage\r\n\r\n".to_vec(),
        b"GET /../site.toml HTTP/9.9\r\n\r\n".to_vec(),
        b"\x00\x01\x02\x03\xff\xfe\r\n\r\n".to_vec(),
        b"GET /../site.toml HTTP/1.1\r\n".to_vec(),
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n".to_vec(),
        b"POST /../site.toml HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc"
            .to_vec(),
        b"TRACE /site.toml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        b"CONNECT localhost:22 HTTP/1.1\r\nHost: localhost:22\r\n\r\n".to_vec(),
        b"OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
        // A Host header that points elsewhere.
        b"GET /../site.toml HTTP/1.1\r\nHost: ../../\r\nConnection: close\r\n\r\n".to_vec(),
        // Header floods: many headers, and one huge header, never ending the head.
        {
            let mut flood = b"GET / HTTP/1.1\r\nHost: x\r\n".to_vec();
            for i in 0..5_000 {
                flood.extend(format!("X-Flood-{i}: {}\r\n", "y".repeat(20)).bytes());
            }
            flood
        },
        {
            let mut huge = b"GET / HTTP/1.1\r\nHost: x\r\nX-Huge: ".to_vec();
            huge.extend(std::iter::repeat_n(b'z', 1_000_000));
            huge
        },
    ]);

    // A query or fragment is not part of the path: the home page, rightly.
    let home_page = [
        get(preview.port, "/index.html?../../site.toml"),
        get(preview.port, "/index.html#../../site.toml"),
    ];
    for (i, raw) in corpus.iter().enumerate() {
        let shown: String = String::from_utf8_lossy(raw).chars().take(80).collect();
        let answer = preview.send(raw);
        let text = format!("{}\r\n\r\n{}", answer.head, answer.body);
        for secret in SECRETS.iter().copied().chain(passwd.as_deref()) {
            assert!(
                !text.contains(secret),
                "request {i} ({shown:?}) got {secret}:\n{text}"
            );
        }
        match answer.status {
            // No answer at all: the server hung up on it.
            0 => {}
            301 | 308 => {
                let to = answer.header("location").unwrap_or_default();
                assert!(
                    to.starts_with('/') && !to.starts_with("//") && !to.contains(".."),
                    "request {i} ({shown:?}) redirected out of the site: {to}"
                );
            }
            400..=499 => {}
            200 if home_page.contains(raw) => {}
            other => panic!("request {i} ({shown:?}) answered {other}:\n{text}"),
        }
    }

    // Still serving, and serving the site.
    assert_eq!(
        preview.page("/").text("title"),
        "テスト事案に関する特設ページ"
    );
    let harmless = preview.get("/harmless.txt");
    assert_eq!(
        (harmless.status, harmless.body.as_str()),
        (200, "a static file"),
        "a real static file is served"
    );
}

#[test]
fn a_folder_with_a_name_to_encode_is_redirected_to_a_valid_address() {
    let site = hostile_site();
    let preview = Preview::start(&site, &["--port", "0"]);
    let asked = "/announcements/both/%E8%B3%87%E6%96%99%20x";
    let answer = preview.get(asked);
    assert_eq!(answer.status, 308, "{}", answer.head);
    let to = answer.header("location").unwrap();
    assert_eq!(to, format!("{asked}/"));
    // The attachment folder's own index page, sent as written.
    let page = preview.get(to);
    assert_eq!(
        (page.status, page.body.as_str()),
        (200, "<p>attachment folder</p>")
    );
}

/// DNS rebinding: a page on another site makes its own name resolve to this machine
/// and reads the preview under that name. Only the preview's own names are answered,
/// the live-reload stream and the review page included.
#[test]
fn a_request_naming_another_host_is_misdirected() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0"]);
    let port = preview.port;
    let url = format!("http://127.0.0.1:{port}/");
    for path in [
        "/",
        "/__crisis-site/reload",
        "/__crisis-site/check",
        "/announcements/both/report.pdf",
    ] {
        for host in [
            format!("rebind.example:{port}"),
            format!("127.0.0.1.rebind.example:{port}"),
            "localhost".to_string(),
            format!("localhost:{}", port.wrapping_add(1)),
        ] {
            let answer = preview.send(&request(&host, path));
            assert_eq!(answer.status, 421, "{host}{path}: {}", answer.head);
            assert!(!answer.body.contains("テスト事案"), "{host}{path}");
        }
        // No Host at all.
        let raw = format!("GET {path} HTTP/1.0\r\nConnection: close\r\n\r\n");
        assert_eq!(preview.send(raw.as_bytes()).status, 421, "{path}");
    }
    let answer = preview.send(&request(&format!("rebind.example:{port}"), "/"));
    let page = answer.page("/");
    assert_eq!(
        page.text("p"),
        format!(
            "This preview answers only at its own address, {url}, and this request named \
             `rebind.example:{port}`. A page of another site may be trying to read the drafts \
             through it; open the address above instead."
        )
    );
    // Absolute request targets name their host too.
    let raw = format!(
        "GET http://rebind.example:{port}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    );
    assert_eq!(preview.send(raw.as_bytes()).status, 421);
    // The preview's own names are answered.
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(preview.send(&request(&host, "/")).status, 200, "{host}");
        let check = preview.send(&request(&host, "/__crisis-site/check"));
        assert_eq!(check.status, 200, "{host}");
    }
}

#[test]
fn the_misdirected_page_speaks_japanese() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0", "--messages", "ja"]);
    let port = preview.port;
    let answer = preview.send(&request(&format!("rebind.example:{port}"), "/"));
    assert_eq!(answer.status, 421);
    assert_eq!(
        answer.page("/").text("p"),
        format!(
            "このプレビューは自分のアドレス http://127.0.0.1:{port}/ でだけ応答します。\
             この要求は「rebind.example:{port}」を指定していました。\
             別のサイトのページがプレビューを通して下書きを読もうとしている可能性があります。\
             上のアドレスを開いてください。"
        )
    );
}

/// `--bind` to an address other machines reach says that they can read the drafts,
/// and prints an address a browser can open, not `0.0.0.0`. (Only this machine
/// connects.)
#[test]
fn binding_every_address_warns_and_prints_an_address_to_open() {
    let site = TestSite::basic();
    let preview = Preview::start(&site, &["--port", "0", "--bind", "0.0.0.0"]);
    let port = preview.port;
    let started: Vec<&str> = preview
        .started
        .iter()
        .map(String::as_str)
        .filter(|line| !line.starts_with("rebuilt in "))
        .collect();
    assert_eq!(
        started,
        [
            format!(
                "warning: the preview listens on every address of this machine (0.0.0.0), so \
                 every machine that can reach it can read the drafts and embargoed statements \
                 it shows; others open it at this machine's own address with port {port} (not \
                 0.0.0.0); stop it (Ctrl-C) unless that is meant"
            ),
            format!(
                "serving the preview at http://127.0.0.1:{port}/ (drafts and embargoed \
                 announcements included; Ctrl-C stops)"
            ),
        ]
    );
    // The address printed is answered, and so is a numeric one of this machine.
    assert_eq!(preview.get("/").status, 200);
    let other = preview.send(&request(&format!("127.0.0.2:{port}"), "/"));
    assert_eq!(other.status, 200);
    let named = preview.send(&request(&format!("rebind.example:{port}"), "/"));
    assert_eq!(named.status, 421);
}

#[test]
fn the_warning_for_every_address_speaks_japanese_and_loopback_has_none() {
    let site = TestSite::basic();
    let preview = Preview::start(
        &site,
        &["--port", "0", "--bind", "0.0.0.0", "--messages", "ja"],
    );
    let port = preview.port;
    assert_eq!(
        preview
            .started
            .iter()
            .find(|l| l.starts_with("注意: "))
            .unwrap(),
        &format!(
            "注意: プレビューはこのコンピューターのすべてのアドレス（0.0.0.0）で待ち受けています。\
             ここに届くすべてのコンピューターから、表示中の下書きと公開予定の発表を読めます。\
             他のコンピューターからは、0.0.0.0 ではなくこのコンピューター自身のアドレスと\
             ポート {port} で開きます。意図したものでなければ Ctrl-C で止めてください"
        )
    );
    let loopback = Preview::start(&site, &["--port", "0"]);
    assert!(
        loopback.started.iter().all(|l| !l.starts_with("warning")),
        "{:?}",
        loopback.started
    );
}

/// A large attachment is sent from disk as it is (streamed, with its length), byte
/// for byte.
#[test]
fn a_large_attachment_is_sent_whole_with_its_length() {
    let site = TestSite::basic();
    let pdf = format!("%PDF-1.4\n{}\n%%EOF\n", "0123456789abcdef".repeat(250_000));
    site.write("content/announcements/both/large.pdf", &pdf);
    let preview = Preview::start(&site, &["--port", "0"]);
    let answer = preview.get("/announcements/both/large.pdf");
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-length"), Some("4000016"));
    assert_eq!(answer.header("content-type"), Some("application/pdf"));
    assert_eq!(answer.body.len(), pdf.len());
    assert!(answer.body == pdf);
}
