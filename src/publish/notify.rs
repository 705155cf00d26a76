//! Telling the team of a publish (`[[notify]]`): what went live or was amended, as one
//! JSON payload (`Notice`, documented in docs/reference/notify-payload.md), POSTed to
//! each webhook and given on the standard input of each command that follows the
//! target. A failure to tell is returned as a message for the command to print; it
//! never undoes the publish, which already stands.

use std::io::Write as _;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use chrono::{DateTime, FixedOffset, SecondsFormat};
use serde::Serialize;

use crate::base::{Message, MessageLang};
use crate::model::config::{Notify, NotifyBy, Target};
use crate::model::{Announcement, Config, url};
use crate::msg;

/// How long a webhook has to answer: a chat service that is down must not hold up a
/// watch that has the next moment to publish.
pub const WEBHOOK_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a command has to finish before it is stopped.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(30);

/// What a publish tells: the payload every `[[notify]]` entry gets, as JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    /// The site's title, in its main language.
    pub title: String,
    /// The organisation, in the site's main language.
    pub organization: String,
    /// The `[[publish]]` target's name.
    pub target: String,
    /// The moment the site was built for, RFC 3339 in the site's zone.
    pub moment: String,
    /// site.toml's `base_url`, if set.
    pub base_url: Option<String>,
    /// `published`, or `failed` when a watch could not publish at its moment.
    pub outcome: Outcome,
    /// Why it failed, when it did.
    pub error: Option<String>,
    /// The announcements that went live or were amended, in the order given.
    pub announcements: Vec<Told>,
    /// One line per announcement, for chat tools (Slack and Microsoft Teams incoming
    /// webhooks show a top-level `text` as it is), in the tool's message language.
    pub text: String,
}

/// How the publish a notice tells of ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// The target holds the site.
    Published,
    /// The target could not be sent the site at its moment: readers still see what
    /// it held before.
    Failed,
}

/// What happened to an announcement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// It went live: its page is new on the target.
    Added,
    /// It was amended: its page changed, with a revision since the last publish.
    Amended,
}

/// One announcement a publish tells of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Told {
    /// Added or amended.
    pub change: Change,
    /// Its slug.
    pub slug: String,
    /// Its title in the site's main language.
    pub title: String,
    /// Its report number (第N報), if it has one.
    pub number: Option<u32>,
    /// Its channels: `ir`, `pr`.
    pub channels: Vec<String>,
    /// Its `date`, RFC 3339 in the site's zone.
    pub date: String,
    /// Its page's address, when `base_url` is set.
    pub url: Option<String>,
}

impl Notice {
    /// The notice of a publish to `target` of the site of `config` built for
    /// `moment`, which put `told` announcements live or amended them; its `text` in
    /// `lang`.
    pub fn new(
        config: &Config,
        target: &Target,
        moment: DateTime<FixedOffset>,
        told: &[(&Announcement, Change)],
        lang: MessageLang,
    ) -> Notice {
        let zone = config.timezone;
        let main = &config.language;
        let at = |d: DateTime<FixedOffset>| {
            d.with_timezone(&zone)
                .to_rfc3339_opts(SecondsFormat::Secs, false)
        };
        let announcements: Vec<Told> = told
            .iter()
            .map(|&(a, change)| Told {
                change,
                slug: a.slug.to_string(),
                title: a.original.title.clone(),
                number: a.number,
                channels: a
                    .channels
                    .list()
                    .iter()
                    .map(|c| c.id().to_string())
                    .collect(),
                date: at(a.date),
                url: config
                    .base_url
                    .as_ref()
                    .map(|b| b.url_of(&url::announcement(main, main, &a.slug))),
            })
            .collect();
        let text = announcements
            .iter()
            .map(|t| line(&config.title, t, lang))
            .collect::<Vec<_>>()
            .join("\n");
        Notice {
            title: config.title.clone(),
            organization: config.organization.clone(),
            target: target.name.to_string(),
            moment: at(moment),
            base_url: config.base_url.as_ref().map(|b| b.as_str().to_string()),
            outcome: Outcome::Published,
            error: None,
            announcements,
            text,
        }
    }

    /// The notice that a publish to `target` for `moment` failed, for `error`; its
    /// `text` in `lang`.
    pub fn failed(
        config: &Config,
        target: &Target,
        moment: DateTime<FixedOffset>,
        error: String,
        lang: MessageLang,
    ) -> Notice {
        let mut notice = Notice::new(config, target, moment, &[], lang);
        notice.text = msg!(
            "notify-publish-failed",
            site = config.title.as_str(),
            target = target.name.to_string(),
            moment = notice.moment.clone(),
            cause = error.clone()
        )
        .text(lang);
        notice.outcome = Outcome::Failed;
        notice.error = Some(error);
        notice
    }

    /// The payload, as every entry gets it.
    pub fn json(&self) -> String {
        serde_json::to_string(self).expect("a notice serialises")
    }
}

/// The line of `told` for chat tools: the site, the report number, what happened,
/// the title and the address.
fn line(site: &str, told: &Told, lang: MessageLang) -> String {
    let title = told.title.as_str();
    let said = match (told.change, told.number) {
        (Change::Added, Some(number)) => msg!("notify-added-numbered", site, number, title),
        (Change::Added, None) => msg!("notify-added", site, title),
        (Change::Amended, Some(number)) => msg!("notify-amended-numbered", site, number, title),
        (Change::Amended, None) => msg!("notify-amended", site, title),
    };
    match &told.url {
        Some(url) => msg!("notify-with-address", line = said, url = url.as_str()).text(lang),
        None => said.text(lang),
    }
}

/// Tells every entry of `notify` that follows `target` of `notice`: a webhook gets it
/// POSTed as JSON, a command on its standard input. One message per entry that could
/// not be told, naming its line in site.toml; the publish stands either way.
pub fn tell(notify: &[Notify], target: &Target, notice: &Notice) -> Vec<Message> {
    tell_within(notify, target, notice, WEBHOOK_TIMEOUT, COMMAND_TIMEOUT)
}

/// [`tell`], with the time a webhook has to answer and a command to finish.
fn tell_within(
    notify: &[Notify],
    target: &Target,
    notice: &Notice,
    webhook_limit: Duration,
    command_limit: Duration,
) -> Vec<Message> {
    let json = notice.json();
    notify
        .iter()
        .filter(|entry| entry.follows(target))
        .filter_map(|entry| {
            let told = match &entry.by {
                NotifyBy::Webhook(address) => post(address, &json, webhook_limit),
                NotifyBy::WebhookEnv(variable) => match std::env::var(variable) {
                    Ok(address) if crate::model::config::is_web_address(address.trim()) => {
                        post(address.trim(), &json, webhook_limit)
                    }
                    // The value is never shown: it is a secret, and warnings land in logs.
                    Ok(_) => Err(msg!(
                        "notify-webhook-env-invalid",
                        variable = variable.as_str()
                    )),
                    Err(_) => Err(msg!(
                        "notify-webhook-env-missing",
                        variable = variable.as_str()
                    )),
                },
                NotifyBy::Command(argv) => run(argv, &json, command_limit),
            };
            let why = told.err()?;
            Some(msg!("notify-failed", line = entry.line, why))
        })
        .collect()
}

/// A webhook's address as messages show it: its origin, the rest elided, since the
/// path of a chat tool's incoming webhook is its secret (and messages land in logs).
fn shown(address: &str) -> String {
    match ::url::Url::parse(address) {
        Ok(parsed) => {
            let origin = parsed.origin().ascii_serialization();
            let rest = parsed.path() != "/" || parsed.query().is_some();
            format!("{origin}/{}", if rest { "…" } else { "" })
        }
        Err(_) => "…".to_string(),
    }
}

/// POSTs `json` to `address` and waits up to `limit` for a 2xx answer. A redirect
/// is not followed (a POST turned into a GET would tell nobody): it is an answer
/// other than 2xx.
fn post(address: &str, json: &str, limit: Duration) -> Result<(), Message> {
    let webhook = shown(address);
    let unreachable = |cause: String| {
        msg!(
            "notify-webhook-unreachable",
            webhook = webhook.as_str(),
            cause
        )
    };
    // One small runtime per webhook: a publish is a plain program, with no runtime of
    // its own to lend.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| unreachable(e.to_string()))?;
    let client = reqwest::Client::builder()
        .timeout(limit)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(concat!("crisis-site/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| unreachable(root_cause(&e)))?;
    // Made inside the runtime: the request's timer needs it.
    let answer = runtime.block_on(async {
        client
            .post(address)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(json.to_string())
            .send()
            .await
    });
    match answer {
        Ok(answer) if answer.status().is_success() => Ok(()),
        Ok(answer) => Err(msg!(
            "notify-webhook-status",
            webhook = webhook.as_str(),
            status = answer.status().as_u16()
        )),
        Err(e) if e.is_timeout() => Err(msg!(
            "notify-webhook-timeout",
            webhook = webhook.as_str(),
            seconds = limit.as_secs()
        )),
        Err(e) => Err(unreachable(root_cause(&e))),
    }
}

/// The innermost cause of `error` ("Connection refused (os error 111)"): the outer
/// ones repeat the address, which [`shown`] keeps out of messages.
fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error;
    while let Some(inner) = cause.source() {
        cause = inner;
    }
    cause.to_string()
}

/// Runs `argv` with `json` on its standard input and waits up to `limit` for it to
/// exit with status 0; a command still running then is stopped. Its output goes
/// nowhere but its errors to ours, where the team sees why it failed.
fn run(argv: &[String], json: &str, limit: Duration) -> Result<(), Message> {
    let program = argv.first().map_or("", String::as_str);
    let mut command = Command::new(program);
    command
        .args(argv.iter().skip(1))
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::inherit());
    // Its own process group, so that a timeout stops what it started too.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| msg!("notify-command-start", program, cause = e.to_string()))?;
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let payload = json.as_bytes().to_vec();
    // Written beside the wait: a command that does not read its input (or reads it
    // slowly) must not hold up the publish beyond the limit. A command that exits
    // without reading it closes the pipe; that write error is no failure of its own.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&payload);
    });
    let status = wait(&mut child, limit);
    let _ = writer.join();
    match status {
        Ok(Some(status)) if status.success() => Ok(()),
        Ok(Some(status)) => Err(match status.code() {
            Some(code) => msg!("notify-command-exit", program, status = code),
            None => msg!("notify-command-signal", program),
        }),
        Ok(None) => Err(msg!(
            "notify-command-timeout",
            program,
            seconds = limit.as_secs()
        )),
        Err(e) => Err(msg!("notify-command-start", program, cause = e.to_string())),
    }
}

/// The exit status of `child`, or `None` once `limit` passed and it was stopped.
fn wait(child: &mut Child, limit: Duration) -> std::io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait()? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            stop(child);
            child.wait()?;
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Stops `child` and, on Linux, every process of its group.
fn stop(child: &mut Child) {
    #[cfg(target_os = "linux")]
    {
        let group = rustix::process::Pid::from_child(child);
        let _ = rustix::process::kill_process_group(group, rustix::process::Signal::KILL);
    }
    let _ = child.kill();
}

#[cfg(test)]
mod tests;
