//! The settings of a send, from made-up environments and files.

use super::*;
use crate::base::MessageLang;

fn wanted() -> Wanted<'static> {
    Wanted {
        target: "prod",
        bucket: "b",
        endpoint: None,
        region: None,
    }
}

fn with(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name| vars.get(name).cloned()
}

fn home_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir(home.path().join(".aws")).unwrap();
    for (name, text) in files {
        std::fs::write(home.path().join(".aws").join(name), text).unwrap();
    }
    home
}

#[test]
fn the_environment_wins_and_site_toml_wins_over_it() {
    let vars = with(&[
        ("AWS_ACCESS_KEY_ID", "AKID"),
        ("AWS_SECRET_ACCESS_KEY", "SECRET"),
        ("AWS_SESSION_TOKEN", "TOKEN"),
        ("AWS_REGION", "eu-west-1"),
        ("AWS_ENDPOINT_URL", "http://env:9000"),
        ("HOME", "/nonexistent"),
    ]);
    let s = settings(&wanted(), &vars).unwrap();
    assert_eq!(
        (s.key_id.as_str(), s.secret.as_str(), s.token.as_deref()),
        ("AKID", "SECRET", Some("TOKEN"))
    );
    assert_eq!(s.region.as_deref(), Some("eu-west-1"));
    assert_eq!(s.endpoint.as_deref(), Some("http://env:9000"));
    let w = Wanted {
        endpoint: Some("https://site"),
        region: Some("auto"),
        ..wanted()
    };
    let s = settings(&w, &vars).unwrap();
    assert_eq!(s.region.as_deref(), Some("auto"));
    assert_eq!(s.endpoint.as_deref(), Some("https://site"));
    assert!(!format!("{s:?}").contains("SECRET"));
}

#[test]
fn a_profile_of_the_files_gives_keys_region_and_endpoint() {
    let home = home_with(&[
        (
            "credentials",
            "[default]\naws_access_key_id = D\naws_secret_access_key = DS\n\n\
             [prod]\nAWS_ACCESS_KEY_ID=P\naws_secret_access_key=P#S;1\n",
        ),
        (
            "config",
            "# comment\n[default]\nregion = us-west-2\n\
             [profile prod]\nregion = ap-northeast-1\nendpoint_url = http://minio:9000\n",
        ),
    ]);
    let h = home.path().to_str().unwrap();
    let s = settings(&wanted(), &with(&[("HOME", h)])).unwrap();
    assert_eq!((s.key_id.as_str(), s.secret.as_str()), ("D", "DS"));
    assert_eq!(s.region.as_deref(), Some("us-west-2"));
    let s = settings(&wanted(), &with(&[("HOME", h), ("AWS_PROFILE", "prod")])).unwrap();
    assert_eq!((s.key_id.as_str(), s.secret.as_str()), ("P", "P#S;1"));
    assert_eq!(s.region.as_deref(), Some("ap-northeast-1"));
    assert_eq!(s.endpoint.as_deref(), Some("http://minio:9000"));
    assert_eq!(
        s.source.text(MessageLang::En),
        format!("the profile `prod` of {h}/.aws/credentials")
    );
}

#[test]
fn the_variables_name_other_files() {
    let home = home_with(&[(
        "elsewhere",
        "[default]\naws_access_key_id=E\naws_secret_access_key=ES\n",
    )]);
    let path = home.path().join(".aws/elsewhere");
    let vars = with(&[
        ("HOME", "/nonexistent"),
        ("AWS_SHARED_CREDENTIALS_FILE", path.to_str().unwrap()),
    ]);
    assert_eq!(settings(&wanted(), &vars).unwrap().key_id, "E");
}

fn refused(vars: &[(&str, &str)]) -> String {
    match settings(&wanted(), &with(vars)) {
        Err(e) => e.text(MessageLang::En),
        Ok(s) => panic!("expected a refusal, got {s:?}"),
    }
}

#[test]
fn missing_or_half_keys_are_refused() {
    let home = home_with(&[
        ("credentials", "[half]\naws_access_key_id = X\n"),
        ("config", "[profile sso]\nsso_session = corp\n"),
    ]);
    let h = home.path().to_str().unwrap();
    assert_eq!(
        refused(&[("HOME", h), ("AWS_ACCESS_KEY_ID", "X")]),
        "target `prod`: AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not; \
         expected both in the environment, or neither (to use a profile of ~/.aws/credentials); \
         nothing was sent"
    );
    assert!(
        refused(&[("HOME", h), ("AWS_PROFILE", "half")])
            .contains("has aws_access_key_id but not aws_secret_access_key")
    );
    assert!(refused(&[("HOME", h), ("AWS_PROFILE", "sso")]).contains("through `sso_session`"));
    assert!(
        refused(&[("HOME", h), ("AWS_PROFILE", "none")])
            .contains("AWS_PROFILE names the profile `none`")
    );
    assert!(refused(&[("HOME", h)]).starts_with("target `prod` (bucket `b`) has no credentials"));
}

#[test]
fn a_broken_file_is_named() {
    let home = home_with(&[("credentials", "[default\naws_access_key_id = X\n")]);
    let h = home.path().to_str().unwrap();
    assert!(refused(&[("HOME", h)]).starts_with(&format!(
        "target `prod`: {h}/.aws/credentials cannot be read"
    )));
}
