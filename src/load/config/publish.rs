//! Readers of `[[publish]]` (where `crisis-site publish` sends the site) and
//! `[[notify]]` (whom it tells). Credentials are never read from site.toml: a key
//! that would hold one is refused by name, so that nobody commits a secret.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde::Deserialize;
use toml::Spanned;

use super::reader::Reader;
use crate::load::hint;
use crate::model::config::{
    DEFAULT_RETRIES, Destination, Notify, NotifyBy, Target, TargetKind, TargetName,
};
use crate::msg;

/// One `[[publish]]` entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTarget {
    name: Spanned<String>,
    kind: Spanned<String>,
    location: Spanned<String>,
    #[serde(default)]
    staging: bool,
    retries: Option<Spanned<u32>>,
    endpoint: Option<Spanned<String>>,
    region: Option<Spanned<String>>,
    branch: Option<Spanned<String>>,
    port: Option<Spanned<u16>>,
    // Named so that the message says where credentials go instead of "unknown key".
    access_key_id: Option<Spanned<toml::Value>>,
    secret_access_key: Option<Spanned<toml::Value>>,
    password: Option<Spanned<toml::Value>>,
}

/// One `[[notify]]` entry as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotify {
    webhook: Option<Spanned<String>>,
    webhook_env: Option<Spanned<String>>,
    command: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    targets: Vec<Spanned<String>>,
}

/// Reads every `[[publish]]` target: unique names, a known kind, a location of the
/// kind's form, and only the keys the kind takes.
pub(super) fn targets(raw: Vec<RawTarget>, r: &mut Reader) -> Vec<Target> {
    let mut seen = BTreeSet::new();
    let mut targets = Vec::new();
    for t in raw {
        let name = t.name.get_ref().clone();
        if !valid_name(&name) {
            r.problem(
                t.name.span(),
                msg!("publish-name-invalid", name = name.clone()),
            );
        } else if !seen.insert(name.clone()) {
            r.problem(
                t.name.span(),
                msg!("publish-name-twice", name = name.clone()),
            );
        }
        for (key, value) in [
            ("access_key_id", &t.access_key_id),
            ("secret_access_key", &t.secret_access_key),
            ("password", &t.password),
        ] {
            if let Some(value) = value {
                r.problem(value.span(), msg!("publish-secret-key", key));
            }
        }
        let Some(kind) = kind(&t.kind, r) else {
            continue;
        };
        misplaced_keys(&t, kind, r);
        let Some(destination) = destination(&t, kind, r) else {
            continue;
        };
        targets.push(Target {
            line: r.line(t.name.span()),
            name: TargetName(name),
            destination,
            location: t.location.into_inner(),
            staging: t.staging,
            retries: t.retries.map_or(DEFAULT_RETRIES, Spanned::into_inner),
        });
    }
    targets
}

/// A name `--to` can take and a file name can hold: letters, digits, `-` and `_`.
fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn kind(raw: &Spanned<String>, r: &mut Reader) -> Option<TargetKind> {
    let written = raw.get_ref();
    let found = TargetKind::ALL.into_iter().find(|k| k.name() == written);
    if found.is_none() {
        let known: Vec<&str> = TargetKind::ALL.iter().map(|k| k.name()).collect();
        let hint = hint::unknown_name(written, &known).expect("there are kinds");
        r.problem(
            raw.span(),
            msg!("publish-kind-unknown", kind = written.clone(), hint),
        );
    }
    found
}

/// The keys only some kinds take, given to another kind.
fn misplaced_keys(t: &RawTarget, kind: TargetKind, r: &mut Reader) {
    let spans = [
        (
            "endpoint",
            TargetKind::S3,
            t.endpoint.as_ref().map(Spanned::span),
        ),
        (
            "region",
            TargetKind::S3,
            t.region.as_ref().map(Spanned::span),
        ),
        (
            "branch",
            TargetKind::Git,
            t.branch.as_ref().map(Spanned::span),
        ),
        (
            "port",
            TargetKind::Rsync,
            t.port.as_ref().map(Spanned::span),
        ),
    ];
    for (key, owner, span) in spans {
        if let Some(span) = span
            && owner != kind
        {
            r.problem(
                span,
                msg!(
                    "publish-key-kind",
                    key,
                    owner = owner.name(),
                    kind = kind.name()
                ),
            );
        }
    }
}

/// The location read in the form of its kind.
fn destination(t: &RawTarget, kind: TargetKind, r: &mut Reader) -> Option<Destination> {
    let location = t.location.get_ref().trim();
    let bad = |r: &mut Reader| {
        r.problem(
            t.location.span(),
            msg!(
                "publish-location",
                location = location.to_string(),
                kind = kind.name()
            ),
        );
        None
    };
    if location.is_empty() {
        return bad(r);
    }
    let text = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.get_ref().trim().to_string());
    match kind {
        TargetKind::Folder => Some(Destination::Folder {
            path: PathBuf::from(location),
        }),
        TargetKind::Rsync => match location.split_once(':') {
            Some((host, path))
                if !host.is_empty()
                    && !path.is_empty()
                    && !host.contains('/')
                    && !path.starts_with("//") =>
            {
                Some(Destination::Rsync {
                    remote: location.to_string(),
                    port: t.port.as_ref().map(|p| *p.get_ref()),
                })
            }
            _ => bad(r),
        },
        TargetKind::S3 => {
            let Some(rest) = location.strip_prefix("s3://") else {
                return bad(r);
            };
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() || prefix.contains("//") {
                return bad(r);
            }
            Some(Destination::S3 {
                bucket: bucket.to_string(),
                prefix: prefix.trim_matches('/').to_string(),
                endpoint: text(&t.endpoint),
                region: text(&t.region),
            })
        }
        TargetKind::Git => Some(Destination::Git {
            repository: location.to_string(),
            branch: text(&t.branch).unwrap_or_else(|| "gh-pages".to_string()),
        }),
    }
}

/// Reads every `[[notify]]` entry: a webhook address or a command, and targets that
/// `[[publish]]` declares.
pub(super) fn notify(
    raw: Vec<Spanned<RawNotify>>,
    targets: &[Target],
    r: &mut Reader,
) -> Vec<Notify> {
    let mut all = Vec::new();
    for entry in raw {
        let line = r.line(entry.span());
        let span = entry.span();
        let n = entry.into_inner();
        let Some(by) = how(n.webhook, n.webhook_env, n.command, span, r) else {
            continue;
        };
        let mut names = Vec::new();
        for name in n.targets {
            if targets.iter().any(|t| t.name.0 == *name.get_ref()) {
                names.push(TargetName(name.into_inner()));
            } else {
                let known: Vec<&str> = targets.iter().map(|t| t.name.0.as_str()).collect();
                let hint = hint::unknown_name(name.get_ref(), &known)
                    .unwrap_or_else(|| msg!("publish-no-targets"));
                r.problem(
                    name.span(),
                    msg!("publish-notify-target", name = name.get_ref().clone(), hint),
                );
            }
        }
        all.push(Notify {
            by,
            targets: names,
            line,
        });
    }
    all
}

/// How a `[[notify]]` entry tells: exactly one of a webhook's address, the variable
/// that holds it, or a command.
fn how(
    webhook: Option<Spanned<String>>,
    webhook_env: Option<Spanned<String>>,
    command: Option<Spanned<Vec<String>>>,
    entry: std::ops::Range<usize>,
    r: &mut Reader,
) -> Option<NotifyBy> {
    match (webhook, webhook_env, command) {
        (Some(url), None, None) => {
            let text = url.get_ref().trim();
            if crate::model::config::is_web_address(text) {
                Some(NotifyBy::Webhook(text.to_string()))
            } else {
                r.problem(url.span(), msg!("publish-webhook", url = text.to_string()));
                None
            }
        }
        (None, Some(var), None) => {
            let name = var.get_ref();
            let valid = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if valid {
                Some(NotifyBy::WebhookEnv(name.clone()))
            } else {
                r.problem(var.span(), msg!("publish-webhook-env", name = name.clone()));
                None
            }
        }
        (None, None, Some(command)) if command.get_ref().first().is_some_and(|p| !p.is_empty()) => {
            Some(NotifyBy::Command(command.into_inner()))
        }
        (None, None, Some(command)) => {
            r.problem(command.span(), msg!("publish-command-empty"));
            None
        }
        _ => {
            r.problem(entry, msg!("publish-notify-how"));
            None
        }
    }
}
