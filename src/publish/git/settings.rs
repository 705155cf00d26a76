//! What the git target takes from git's configuration: the commits' author, and
//! whether the user chose how git runs ssh. Read once per publish, in one process,
//! from the site's folder (its repository's configuration, then the user's).

use super::command::{Access, GitHost};

/// The identity of the commits where git's configuration gives none.
const IDENTITY: (&str, &str) = ("crisis-site", "crisis-site@localhost");

/// What a publish takes from git's configuration.
pub(super) struct Settings {
    /// The author and committer: name and e-mail address.
    pub identity: (String, String),
    /// Whether git is to run `command::BATCH_SSH`: neither `GIT_SSH_COMMAND`,
    /// `GIT_SSH` nor `core.sshCommand` says how to run ssh.
    pub batch_ssh: bool,
}

impl GitHost {
    /// Reads the settings; a git that cannot tell gives the defaults (and fails
    /// again, with its reason, at the next step).
    pub(super) fn settings(&self) -> Settings {
        let mut command = self.git(None, Access::Remote { batch_ssh: false });
        command.current_dir(&self.root).args([
            "config",
            "-z",
            "--get-regexp",
            r"^(user\.(name|email)|core\.sshcommand)$",
        ]);
        let listed = command.output().map(|o| o.stdout).unwrap_or_default();
        let chosen = ["GIT_SSH_COMMAND", "GIT_SSH"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
        read(&String::from_utf8_lossy(&listed), chosen)
    }
}

/// The settings in the output of `git config -z --get-regexp` (each entry its key,
/// a line break and its value, ended by a NUL); `chosen` when the environment says
/// how to run ssh.
fn read(listed: &str, chosen: bool) -> Settings {
    let mut settings = Settings {
        identity: (IDENTITY.0.to_string(), IDENTITY.1.to_string()),
        batch_ssh: !chosen,
    };
    for entry in listed.split('\0') {
        let Some((key, value)) = entry.split_once('\n') else {
            continue;
        };
        let clean = clean_identity(value);
        match key {
            "user.name" if !clean.is_empty() => settings.identity.0 = clean,
            "user.email" if !clean.is_empty() => settings.identity.1 = clean,
            "core.sshcommand" if !value.trim().is_empty() => settings.batch_ssh = false,
            _ => {}
        }
    }
    settings
}

/// A name or e-mail address as a commit can hold it: without `<`, `>` or line
/// breaks, which would end it early.
fn clean_identity(value: &str) -> String {
    value
        .chars()
        .filter(|c| !matches!(c, '<' | '>' | '\n' | '\r' | '\0'))
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_configuration_gives_the_identity_and_says_whether_ssh_was_chosen() {
        let none = read("", false);
        assert_eq!(
            none.identity,
            ("crisis-site".into(), "crisis-site@localhost".into())
        );
        assert!(none.batch_ssh);
        let set = read(
            "user.name\nComms <Team>\0user.email\ncomms@example.jp\0core.sshcommand\nssh -i k\0",
            false,
        );
        assert_eq!(
            set.identity,
            ("Comms Team".into(), "comms@example.jp".into())
        );
        assert!(!set.batch_ssh);
        assert!(!read("", true).batch_ssh);
    }
}
