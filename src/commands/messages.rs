//! Which language the tool speaks to its user in, chosen once per run.
//!
//! In order: the `--messages` flag; the `CRISIS_SITE_MESSAGES` variable; the site's
//! main language (site.toml `language`; for `init`, the starter's) when the tool
//! speaks it; the system's
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); English.

use std::path::Path;

use crate::base::{Lang, MessageLang};
use crate::load::config::main_language;

/// The variable that chooses the messages' language where no flag does.
pub const MESSAGES_VAR: &str = "CRISIS_SITE_MESSAGES";

/// The language of the messages for a run on the site at `root`, with `flag` as
/// given on the command line and the environment read through `env`.
pub fn message_lang(
    root: &Path,
    flag: Option<MessageLang>,
    env: impl Fn(&str) -> Option<String>,
) -> MessageLang {
    message_lang_of(main_language(root), flag, env)
}

/// The language of the messages for a run on a site whose main language is
/// `site` (`None`: no site, or one whose language cannot be read).
pub fn message_lang_of(
    site: Option<Lang>,
    flag: Option<MessageLang>,
    env: impl Fn(&str) -> Option<String>,
) -> MessageLang {
    let from_env = |name: &str| {
        env(name)
            .filter(|v| !v.is_empty())
            .and_then(|v| MessageLang::from_code(&v))
    };
    flag.or_else(|| from_env(MESSAGES_VAR))
        .or_else(|| site.and_then(|l| MessageLang::from_code(l.as_str())))
        .or_else(|| {
            // The first of the locale variables that is set decides, as in POSIX.
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|name| env(name).filter(|v| !v.is_empty()))
                .and_then(|v| MessageLang::from_code(&v))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    fn site(language: Option<&str>) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        if let Some(language) = language {
            let toml = format!("title = \"t\"\norganization = \"o\"\nlanguage = \"{language}\"\n");
            std::fs::write(dir.path().join("site.toml"), toml).unwrap();
        }
        dir
    }

    #[test]
    fn the_flag_wins_then_the_variable_then_the_site_then_the_locale() {
        let ja_site = site(Some("ja"));
        let vars = [(MESSAGES_VAR, "en"), ("LANG", "ja_JP.UTF-8")];
        let root = ja_site.path();
        assert_eq!(
            message_lang(root, Some(MessageLang::Ja), env(&vars)),
            MessageLang::Ja
        );
        assert_eq!(message_lang(root, None, env(&vars)), MessageLang::En);
        assert_eq!(message_lang(root, None, env(&vars[1..])), MessageLang::Ja);
        let en_site = site(Some("en"));
        assert_eq!(
            message_lang(en_site.path(), None, env(&vars[1..])),
            MessageLang::En
        );
        let no_site = site(None);
        assert_eq!(
            message_lang(no_site.path(), None, env(&vars[1..])),
            MessageLang::Ja
        );
        assert_eq!(
            message_lang(no_site.path(), None, env(&[])),
            MessageLang::En
        );
    }

    #[test]
    fn a_site_toml_the_toml_reader_refuses_still_names_its_language() {
        let dir = tempfile::tempdir().unwrap();
        let toml = "title = \"t\"\nlanguage = \"en\"\nhome_latest = ５\n";
        std::fs::write(dir.path().join("site.toml"), toml).unwrap();
        assert_eq!(message_lang(dir.path(), None, env(&[])), MessageLang::En);
        std::fs::write(dir.path().join("site.toml"), "title ＝ \"t\"\n").unwrap();
        assert_eq!(message_lang(dir.path(), None, env(&[])), MessageLang::Ja);
    }

    #[test]
    fn a_site_in_a_language_the_tool_does_not_speak_falls_to_the_locale() {
        let fr_site = site(Some("fr"));
        let lang = message_lang(fr_site.path(), None, env(&[("LC_ALL", "ja_JP")]));
        assert_eq!(lang, MessageLang::Ja);
        let lang = message_lang(fr_site.path(), None, env(&[("LANG", "C.UTF-8")]));
        assert_eq!(lang, MessageLang::En);
    }
}
