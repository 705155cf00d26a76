//! What `publish` refuses before it builds anything: a target site.toml does not
//! declare, and a build meant for staging sent to a target that is not one.

use chrono::{DateTime, FixedOffset};

use crate::base::{Error, Message};
use crate::load::hint;
use crate::model::Publish;
use crate::model::config::{Config, Target};
use crate::msg;
use crate::publish::log::{self, Outcome, Record};

/// What can be refused from site.toml alone, before anything is built: a target
/// site.toml does not declare, or one that may not take what `options` ask for.
/// A site.toml that cannot be read is left to the build, which reports all its
/// problems with the content's.
pub fn before_build(options: &super::PublishOptions) -> Result<(), Error> {
    if let Ok(config) = crate::load::config::load(&options.root) {
        let target = target(&config, &options.target)?;
        staging_only(target, &options.publish, config.standby)?;
    }
    Ok(())
}

/// The target named `name` in `config`.
pub fn target<'a>(config: &'a Config, name: &str) -> Result<&'a Target, Error> {
    if let Some(target) = config.publish.iter().find(|t| t.name.0 == name) {
        return Ok(target);
    }
    let known: Vec<&str> = config.publish.iter().map(|t| t.name.0.as_str()).collect();
    let hint = hint::unknown_name(name, &known).unwrap_or_else(|| msg!("publish-none-declared"));
    Err(Error::Refused(msg!(
        "publish-target-unknown",
        name = name.to_string(),
        hint
    )))
}

/// Refuses to send drafts, embargoed statements or a site in standby to a target
/// that is not marked `staging = true`: those reach readers only through a staging
/// site.
pub fn staging_only(target: &Target, publish: &Publish, standby: bool) -> Result<(), Error> {
    if target.staging {
        return Ok(());
    }
    let what: Option<Message> = if publish.drafts {
        Some(msg!("publish-what-drafts"))
    } else if publish.future {
        Some(msg!("publish-what-future"))
    } else if standby {
        Some(msg!("publish-what-standby"))
    } else {
        None
    };
    match what {
        None => Ok(()),
        Some(what) => Err(Error::Refused(msg!(
            "publish-not-staging",
            target = target.name.0.clone(),
            what
        ))),
    }
}

/// Refuses to send a target that is not a staging one the site for an earlier moment
/// than the one it holds: a publish started before another one's moment but sent
/// after it would take a statement back off the site.
pub fn not_older(
    target: &Target,
    moment: DateTime<FixedOffset>,
    records: &[Record],
) -> Result<(), Error> {
    if target.staging {
        return Ok(());
    }
    let held = log::last(records, &target.name.0, |r| r.outcome != Outcome::Failed)
        .and_then(|r| DateTime::parse_from_rfc3339(&r.moment).ok().map(|m| (m, r)));
    match held {
        Some((held, record)) if held > moment => Err(Error::Refused(msg!(
            "publish-older",
            target = target.name.0.clone(),
            held = record.moment.clone(),
            moment = crate::commands::publish::rfc3339(moment)
        ))),
        _ => Ok(()),
    }
}
