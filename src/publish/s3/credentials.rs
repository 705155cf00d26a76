//! Where an `s3` target's keys, region and endpoint come from: the environment, then
//! the standard AWS configuration files, the way the AWS command line reads them.
//! Nothing else is asked (no instance metadata, no role assumed), so a publish from a
//! laptop never picks up keys the person did not give it; and no key is ever put in a
//! message or a log.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use crate::base::{Error, Message};
use crate::msg;

/// What site.toml says about the store, which wins over the environment.
pub(super) struct Wanted<'a> {
    /// The target's name, for messages.
    pub target: &'a str,
    /// The bucket, for messages.
    pub bucket: &'a str,
    /// site.toml's `endpoint`.
    pub endpoint: Option<&'a str>,
    /// site.toml's `region`.
    pub region: Option<&'a str>,
}

/// The settings a send uses. Its `Debug` leaves the keys out.
pub(super) struct Settings {
    /// The access key id.
    pub key_id: String,
    /// The secret access key.
    pub secret: String,
    /// The session token of temporary keys.
    pub token: Option<String>,
    /// The region, when anything gave one.
    pub region: Option<String>,
    /// The endpoint, when anything gave one (else AWS's).
    pub endpoint: Option<String>,
    /// Where the keys came from, for the message that says they were refused.
    pub source: Message,
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("region", &self.region)
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

/// One of the two files, read when first needed: a file that does not exist holds no
/// profile.
struct File {
    path: PathBuf,
    /// Each section, by its name as written (`default`, `profile prod`), with its keys
    /// in lowercase, as the AWS command line reads them.
    sections: Option<HashMap<String, HashMap<String, String>>>,
}

/// The keys of a profile that get keys some other way (a role, single sign-on, a
/// program), which this tool does not follow.
const INDIRECT: [&str; 5] = [
    "role_arn",
    "sso_session",
    "sso_start_url",
    "credential_process",
    "web_identity_token_file",
];

/// The environment (through `var`) and the two files, as one source of settings.
struct Sources<'a> {
    wanted: &'a Wanted<'a>,
    var: &'a dyn Fn(&str) -> Option<String>,
    profile: String,
    credentials: File,
    config: File,
}

/// The settings of a send: keys from the environment (AWS_ACCESS_KEY_ID,
/// AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), else from the profile AWS_PROFILE (or
/// `default`) of the credentials file, then of the config file; region and endpoint
/// from site.toml, else the environment, else the profile. `environment` reads a variable.
pub(super) fn settings(
    wanted: &Wanted,
    environment: &dyn Fn(&str) -> Option<String>,
) -> Result<Settings, Error> {
    // An empty variable is as good as none, as for the AWS command line.
    let var = &|name: &str| environment(name).filter(|v| !v.trim().is_empty());
    let home = var("HOME")
        .or_else(|| var("USERPROFILE"))
        .map(PathBuf::from)
        .unwrap_or_default();
    let file = |variable: &str, name: &str| File {
        path: var(variable)
            .map(PathBuf::from)
            .unwrap_or_else(|| home.join(".aws").join(name)),
        sections: None,
    };
    let mut sources = Sources {
        wanted,
        var,
        profile: var("AWS_PROFILE").unwrap_or_else(|| "default".to_string()),
        credentials: file("AWS_SHARED_CREDENTIALS_FILE", "credentials"),
        config: file("AWS_CONFIG_FILE", "config"),
    };
    let (key_id, secret, token, source) = sources.keys()?;
    let region = match wanted.region {
        Some(region) => Some(region.to_string()),
        None => match var("AWS_REGION").or_else(|| var("AWS_DEFAULT_REGION")) {
            Some(region) => Some(region),
            None => sources.config_value("region")?,
        },
    };
    let endpoint = match wanted.endpoint {
        Some(endpoint) => Some(endpoint.to_string()),
        None => match var("AWS_ENDPOINT_URL_S3").or_else(|| var("AWS_ENDPOINT_URL")) {
            Some(endpoint) => Some(endpoint),
            None => sources.config_value("endpoint_url")?,
        },
    };
    Ok(Settings {
        key_id,
        secret,
        token,
        region,
        endpoint,
        source,
    })
}

type Keys = (String, String, Option<String>, Message);

impl Sources<'_> {
    /// The key id, secret, token and where they came from.
    fn keys(&mut self) -> Result<Keys, Error> {
        let target = self.wanted.target.to_string();
        let id = (self.var)("AWS_ACCESS_KEY_ID");
        let secret = (self.var)("AWS_SECRET_ACCESS_KEY");
        match (id, secret) {
            (Some(id), Some(secret)) => {
                let token = (self.var)("AWS_SESSION_TOKEN");
                return Ok((id, secret, token, msg!("s3-source-env")));
            }
            (Some(_), None) => return Err(half_env(target, "AWS_SECRET_ACCESS_KEY")),
            (None, Some(_)) => return Err(half_env(target, "AWS_ACCESS_KEY_ID")),
            (None, None) => {}
        }
        let mut found_profile = false;
        for in_config in [false, true] {
            let profile = self.profile.clone();
            let (path, section) = self.section(in_config)?;
            let Some(section) = section else { continue };
            found_profile = true;
            let file = path.display().to_string();
            let get = |key: &str| section.get(key).filter(|v| !v.is_empty()).cloned();
            match (get("aws_access_key_id"), get("aws_secret_access_key")) {
                (Some(id), Some(secret)) => {
                    let source = msg!("s3-source-profile", profile, file);
                    return Ok((id, secret, get("aws_session_token"), source));
                }
                (Some(_), None) => {
                    return Err(half_profile(target, profile, file, "aws_secret_access_key"));
                }
                (None, Some(_)) => {
                    return Err(half_profile(target, profile, file, "aws_access_key_id"));
                }
                (None, None) => {}
            }
            if let Some(key) = INDIRECT.into_iter().find(|k| section.contains_key(*k)) {
                return Err(Error::Refused(msg!(
                    "s3-profile-indirect",
                    target,
                    profile,
                    file,
                    key
                )));
            }
        }
        let credentials = self.credentials.path.display().to_string();
        let config = self.config.path.display().to_string();
        let profile = self.profile.clone();
        if !found_profile && (self.var)("AWS_PROFILE").is_some() {
            return Err(Error::Refused(msg!(
                "s3-profile-missing",
                target,
                profile,
                credentials,
                config
            )));
        }
        Err(Error::Refused(msg!(
            "s3-no-credentials",
            target,
            bucket = self.wanted.bucket,
            profile,
            credentials,
            config
        )))
    }

    /// A value of the profile in the config file, for region and endpoint.
    fn config_value(&mut self, key: &str) -> Result<Option<String>, Error> {
        let (_, section) = self.section(true)?;
        Ok(section.and_then(|s| s.get(key).filter(|v| !v.is_empty()).cloned()))
    }

    /// The profile's section of the credentials file (`[NAME]`) or of the config file
    /// (`[profile NAME]`, or `[default]` for the default), with the file's path.
    fn section(
        &mut self,
        in_config: bool,
    ) -> Result<(PathBuf, Option<HashMap<String, String>>), Error> {
        let target = self.wanted.target;
        let file = if in_config {
            &mut self.config
        } else {
            &mut self.credentials
        };
        let sections = file.sections(target)?;
        let names = match (in_config, self.profile.as_str()) {
            (false, name) => vec![name.to_string()],
            (true, "default") => vec!["default".to_string(), "profile default".to_string()],
            (true, name) => vec![format!("profile {name}")],
        };
        let section = names.iter().find_map(|n| sections.get(n)).cloned();
        Ok((file.path.clone(), section))
    }
}

impl File {
    /// The file's sections, read the first time they are asked for.
    fn sections(
        &mut self,
        target: &str,
    ) -> Result<&HashMap<String, HashMap<String, String>>, Error> {
        if self.sections.is_none() {
            self.sections = Some(self.read(target)?);
        }
        Ok(self.sections.as_ref().expect("just read"))
    }

    fn read(&self, target: &str) -> Result<HashMap<String, HashMap<String, String>>, Error> {
        let file = self.path.display().to_string();
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
            Err(e) => return Err(Error::io(msg!("publish-read-failed", path = file), e)),
        };
        let mut ini = configparser::ini::Ini::new_cs();
        let mut defaults = ini.defaults();
        // As the AWS command line (Python's RawConfigParser): no inline comments, so a
        // `#` or `;` in a value is kept; section names keep their case, keys do not.
        defaults.enable_inline_comments = false;
        // Lines before the first section belong to none (the AWS command line refuses
        // them); configparser would put them in a section named `default`.
        defaults.default_section = "\u{0}".to_string();
        ini = configparser::ini::Ini::new_from_defaults(defaults);
        let map = ini
            .read(text)
            .map_err(|reason| Error::Refused(msg!("s3-file-invalid", target, file, reason)))?;
        Ok(map
            .into_iter()
            .map(|(section, keys)| {
                let keys = keys
                    .into_iter()
                    .filter_map(|(k, v)| Some((k.to_ascii_lowercase(), v?)))
                    .collect();
                (section, keys)
            })
            .collect())
    }
}

fn half_env(target: String, missing: &str) -> Error {
    let set = if missing == "AWS_ACCESS_KEY_ID" {
        "AWS_SECRET_ACCESS_KEY"
    } else {
        "AWS_ACCESS_KEY_ID"
    };
    Error::Refused(msg!("s3-env-half", target, set, missing))
}

fn half_profile(target: String, profile: String, file: String, missing: &str) -> Error {
    let set = if missing == "aws_access_key_id" {
        "aws_secret_access_key"
    } else {
        "aws_access_key_id"
    };
    Error::Refused(msg!("s3-profile-half", target, profile, file, set, missing))
}

#[cfg(test)]
mod tests;
