//! `crisis-site publish` to an `s3` target, against a real S3 server (moto) on
//! 127.0.0.1: what the bucket holds after a first and a second publish, under a
//! prefix, and the exact messages of missing keys, an unreachable endpoint, refused
//! keys and a missing bucket, each leaving the bucket as it was.

use std::collections::BTreeMap;
use std::process::Output;

use crisis_site::{OUTPUT_MARKER, PUBLISH_LOG, PublishOutcome, PublishRecord};
use tempfile::TempDir;

use crate::support::TestSite;
use crate::support::s3::{Moto, Object, aws_env};

const PAGE: (&str, &str) = (
    "text/html; charset=utf-8",
    "public, max-age=60, stale-if-error=86400",
);
const STYLESHEET: (&str, &str) = (
    "text/css; charset=utf-8",
    "public, max-age=31536000, immutable",
);
const ATTACHMENT: (&str, &str) = ("application/pdf", "public, max-age=3600");

/// The basic fixture with an `s3` target named `s3` at `location`, at `endpoint`,
/// tried once; and an empty home folder for the publishes.
fn site(location: &str, endpoint: &str) -> (TestSite, TempDir) {
    let site = TestSite::basic();
    let toml = std::fs::read_to_string(site.root().join("site.toml")).unwrap();
    site.write(
        "site.toml",
        &format!(
            "{toml}\n[[publish]]\nname = \"s3\"\nkind = \"s3\"\nlocation = \"{location}\"\n\
             endpoint = \"{endpoint}\"\nregion = \"us-east-1\"\nretries = 0\n"
        ),
    );
    (site, tempfile::tempdir().unwrap())
}

/// `crisis-site publish --to s3` at the site's now, with moto's keys when `keys`.
fn publish(site: &TestSite, home: &TempDir, keys: bool) -> Output {
    let mut command = site.command(Some(&site.now.to_rfc3339()), &["publish", "--to", "s3"]);
    aws_env(&mut command, home.path(), keys);
    command.output().unwrap()
}

fn published(site: &TestSite, home: &TempDir) {
    let output = publish(site, home, true);
    assert!(
        output.status.success(),
        "publish failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The stderr of a publish that failed.
fn failed(site: &TestSite, home: &TempDir, keys: bool) -> String {
    let output = publish(site, home, keys);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    String::from_utf8(output.stderr).unwrap()
}

/// What `build` makes of the site at the same moment, by path.
fn built(site: &TestSite) -> BTreeMap<String, Vec<u8>> {
    site.built();
    site.snapshot()
        .into_iter()
        .map(|(path, bytes)| (path.to_str().unwrap().replace('\\', "/"), bytes))
        .filter(|(path, _)| path != OUTPUT_MARKER)
        .collect()
}

/// The latest line of the publish log.
fn last_record(site: &TestSite) -> PublishRecord {
    let log = std::fs::read_to_string(site.root().join(PUBLISH_LOG)).unwrap();
    serde_json::from_str(log.lines().last().unwrap()).unwrap()
}

fn bytes_of(objects: &BTreeMap<String, Object>) -> BTreeMap<String, Vec<u8>> {
    objects
        .iter()
        .map(|(k, o)| (k.clone(), o.bytes.clone()))
        .collect()
}

fn served(object: &Object) -> (&str, &str) {
    (&object.content_type, &object.cache_control)
}

/// Whether the tool sends the file at `path` with the pages (after every asset): a
/// page, a feed or data, as src/render/cache.rs's lifetimes say.
fn is_page(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap();
    match name.rsplit_once('.') {
        None => true,
        Some((_, extension)) => matches!(
            extension,
            "html" | "xml" | "json" | "txt" | "svg" | "webmanifest"
        ),
    }
}

/// The paths of the site a publish put, in the order moto answered them, from its
/// requests; checked to be every asset first, then every page.
fn puts(requests: &[String], bucket_and_prefix: &str) -> Vec<String> {
    let start = format!("PUT /{bucket_and_prefix}/");
    let puts: Vec<String> = requests
        .iter()
        .filter_map(|r| r.strip_prefix(&start))
        .map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8()
                .unwrap()
                .into_owned()
        })
        .collect();
    let first_page = puts.iter().position(|p| is_page(p)).unwrap_or(puts.len());
    assert!(
        puts[first_page..].iter().all(|p| is_page(p)),
        "an asset was sent after a page: {puts:?}"
    );
    puts
}

fn sorted(mut paths: Vec<String>) -> Vec<String> {
    paths.sort();
    paths
}

/// The line a failed publish ends with, around `cause`.
fn failure_line(cause: &str) -> String {
    format!(
        "error: PUBLISHING FAILED: s3 did not get the site for 2023-06-08T12:00:00+09:00 after one \
         try: {cause}. Readers still see what the target held before; fix the cause and \
         publish again\n"
    )
}

#[test]
fn a_first_publish_puts_every_file_with_its_type_and_lifetime() {
    let moto = Moto::start(&[]);
    moto.create_bucket("site");
    let (site, home) = site("s3://site", &moto.endpoint());
    moto.requests();
    published(&site, &home);

    let requests = moto.requests();
    let objects = moto.objects("site");
    let expected = built(&site);
    assert_eq!(bytes_of(&objects), expected);
    // The listing first, then every file once, assets before pages.
    assert!(
        requests[0].starts_with("GET /site?list-type=2"),
        "{requests:?}"
    );
    let puts = puts(&requests, "site");
    assert_eq!(
        sorted(puts.clone()),
        expected.keys().cloned().collect::<Vec<_>>()
    );
    assert_eq!(requests.len(), 1 + puts.len(), "{requests:?}");
    assert_eq!(served(&objects["index.html"]), PAGE);
    let stylesheet = objects
        .keys()
        .find(|k| k.starts_with("assets/style.") && k.ends_with(".css"))
        .expect("the stylesheet, named by its content");
    assert_eq!(served(&objects[stylesheet]), STYLESHEET);
    assert_eq!(
        served(&objects["announcements/both/report.pdf"]),
        ATTACHMENT
    );

    let record = last_record(&site);
    assert_eq!(record.outcome, PublishOutcome::Published);
    assert_eq!(record.kind, "s3");
    assert_eq!(record.added, expected.keys().cloned().collect::<Vec<_>>());
    assert!(record.changed.is_empty() && record.removed.is_empty());
    assert_eq!(record.files, expected.len());
}

#[test]
fn a_second_publish_sends_only_what_changed_and_deletes_what_the_site_dropped() {
    let moto = Moto::start(&[]);
    moto.create_bucket("site");
    let (site, home) = site("s3://site", &moto.endpoint());
    published(&site, &home);
    let before = built(&site);
    // Every object is put again with its own bytes (so its ETag stays) and a mark
    // the tool never sends: an object the second publish sends loses the mark.
    for (key, bytes) in &before {
        moto.put("site", key, bytes, "untouched");
    }
    let etags: BTreeMap<String, String> = moto
        .objects("site")
        .into_iter()
        .map(|(k, o)| (k, o.etag))
        .collect();

    site.edit(
        "content/announcements/first.md",
        "本日、システム障害が発生しました。",
        "本日午前、システム障害が発生しました。",
    );
    site.remove("content/announcements/disclosure.md");
    let after = built(&site);
    let changed: Vec<String> = after
        .iter()
        .filter(|(k, v)| before.get(*k).is_some_and(|old| old != *v))
        .map(|(k, _)| k.clone())
        .collect();
    let added: Vec<String> = after
        .keys()
        .filter(|k| !before.contains_key(*k))
        .cloned()
        .collect();
    let removed: Vec<String> = before
        .keys()
        .filter(|k| !after.contains_key(*k))
        .cloned()
        .collect();
    assert!(changed.contains(&"announcements/first/index.html".to_string()));
    assert!(removed.contains(&"announcements/disclosure/index.html".to_string()));
    moto.requests();
    published(&site, &home);
    // The listing, then the changed and added files, assets before pages, then the
    // deletions, once every file is sent.
    let requests = moto.requests();
    assert!(
        requests[0].starts_with("GET /site?list-type=2"),
        "{requests:?}"
    );
    let puts = puts(&requests, "site");
    assert_eq!(
        sorted(puts.clone()),
        sorted([changed.clone(), added.clone()].concat())
    );
    let deletions = &requests[1 + puts.len()..];
    assert_eq!(deletions.len(), removed.len(), "{requests:?}");
    assert!(
        deletions.iter().all(|r| r == "POST /site?delete"),
        "{requests:?}"
    );

    let record = last_record(&site);
    assert_eq!(record.outcome, PublishOutcome::Published);
    assert_eq!(
        (&record.added, &record.changed, &record.removed),
        (&added, &changed, &removed)
    );
    let objects = moto.objects("site");
    assert_eq!(bytes_of(&objects), after);
    for (key, object) in &objects {
        if changed.contains(key) || added.contains(key) {
            assert_ne!(object.cache_control, "untouched", "{key} was not sent");
        } else {
            assert_eq!(object.cache_control, "untouched", "{key} was sent again");
            assert_eq!(object.etag, etags[key], "{key}");
        }
    }

    // Nothing changed since: nothing is sent.
    published(&site, &home);
    let record = last_record(&site);
    assert_eq!(record.outcome, PublishOutcome::Unchanged);
    assert_eq!(moto.objects("site"), objects);
}

#[test]
fn a_prefix_keeps_the_site_under_it_and_leaves_other_keys_alone() {
    let moto = Moto::start(&[]);
    moto.create_bucket("shared");
    moto.put("shared", "keep.txt", b"not the site's", "no-cache");
    moto.put("shared", "site2/index.html", b"another site", "no-cache");
    moto.put(
        "shared",
        "site/stale.html",
        b"left by an old site",
        "no-cache",
    );
    let (site, home) = site("s3://shared/site", &moto.endpoint());
    published(&site, &home);

    let objects = moto.objects("shared");
    let expected = built(&site);
    let under: BTreeMap<String, Vec<u8>> = objects
        .iter()
        .filter_map(|(k, o)| Some((k.strip_prefix("site/")?.to_string(), o.bytes.clone())))
        .collect();
    assert_eq!(under, expected);
    assert_eq!(served(&objects["site/index.html"]), PAGE);
    let others: Vec<(&str, &[u8])> = objects
        .iter()
        .filter(|(k, _)| !k.starts_with("site/"))
        .map(|(k, o)| (k.as_str(), o.bytes.as_slice()))
        .collect();
    assert_eq!(
        others,
        [
            ("keep.txt", &b"not the site's"[..]),
            ("site2/index.html", &b"another site"[..])
        ]
    );
    assert_eq!(last_record(&site).removed, ["stale.html"]);
}

#[test]
fn missing_keys_are_told_before_any_request() {
    let moto = Moto::start(&[]);
    moto.create_bucket("site");
    moto.put("site", "index.html", b"the old site", "no-cache");
    let (site, home) = site("s3://site", &moto.endpoint());
    let aws = home.path().join(".aws");
    let (credentials, config) = (aws.join("credentials"), aws.join("config"));
    assert_eq!(
        failed(&site, &home, false),
        failure_line(&format!(
            "target `s3` (bucket `site`) has no credentials; expected AWS_ACCESS_KEY_ID and \
             AWS_SECRET_ACCESS_KEY in the environment (with AWS_SESSION_TOKEN for temporary \
             keys), or aws_access_key_id and aws_secret_access_key in the profile `default` of \
             {} or {} (AWS_PROFILE chooses another profile); nothing was sent",
            credentials.display(),
            config.display()
        ))
    );
    assert_eq!(moto.keys("site"), ["index.html"]);
    assert_eq!(moto.objects("site")["index.html"].bytes, b"the old site");
    let record = last_record(&site);
    assert_eq!(record.outcome, PublishOutcome::Failed);

    // The keys of the profile in ~/.aws/credentials are enough.
    std::fs::create_dir(&aws).unwrap();
    std::fs::write(
        &credentials,
        "[default]\naws_access_key_id = test\naws_secret_access_key = test\n",
    )
    .unwrap();
    let output = publish(&site, &home, false);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(bytes_of(&moto.objects("site")), built(&site));
}

#[test]
fn an_endpoint_nobody_listens_on_fails_at_the_listing() {
    // A port that was free a moment ago, and that nothing listens on now.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let endpoint = format!("http://127.0.0.1:{port}");
    let (site, home) = site("s3://site", &endpoint);
    assert_eq!(
        failed(&site, &home, true),
        failure_line(&format!(
            "target `s3`: cannot reach {endpoint} to list bucket `site` (Connection refused \
             (os error 111)); nothing was sent. Check the endpoint (site.toml's `endpoint` or \
             AWS_ENDPOINT_URL) and the network"
        ))
    );
}

#[test]
fn a_missing_bucket_fails_at_the_listing() {
    let moto = Moto::start(&[]);
    moto.create_bucket("other");
    let (site, home) = site("s3://site", &moto.endpoint());
    assert_eq!(
        failed(&site, &home, true),
        failure_line(&format!(
            "target `s3`: {} has no bucket `site` (HTTP 404 NoSuchBucket: The specified bucket \
             does not exist); nothing was sent. Check the bucket's name in location `s3://site`, \
             the region and the endpoint, or create the bucket first",
            moto.endpoint()
        ))
    );
    assert!(moto.keys("other").is_empty());
}

#[test]
fn refused_keys_fail_at_the_listing() {
    // moto checks keys once this many requests have been made: the bucket is
    // created without, the publish's listing is checked, and moto knows no key.
    let moto = Moto::start(&[("INITIAL_NO_AUTH_ACTION_COUNT", "1")]);
    moto.create_bucket("site");
    let (site, home) = site("s3://site", &moto.endpoint());
    assert_eq!(
        failed(&site, &home, true),
        failure_line(&format!(
            "target `s3`: {} refused the keys of AWS_ACCESS_KEY_ID in the environment for bucket \
             `site` (HTTP 403 InvalidAccessKeyId: The AWS Access Key Id you provided does not \
             exist in our records.); nothing was sent. Check the key id and its secret, and that \
             the key may list, write and delete in the bucket",
            moto.endpoint()
        ))
    );
}
