//! The message catalogs: every word the tool says to its users, in Fluent files
//! (`messages/{ja,en}/*.ftl`) carried in the binary, one bundle per language.
//!
//! Rust code names messages by id ([`Message`]); the words, their plural forms and
//! their order are the catalog's. A test holds the catalogs to each other: the same
//! ids in every language, naming the same values.

use std::fmt;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use super::message::{Arg, Message, MessageLang};
use super::text::printable;

/// One catalog file in both languages: its name and its text in each.
pub struct CatalogFile {
    /// The file's name, the same in every language's folder.
    pub name: &'static str,
    /// The Japanese file.
    pub ja: &'static str,
    /// The English file.
    pub en: &'static str,
}

macro_rules! catalog_files {
    ($($name:literal),* $(,)?) => {
        &[$(CatalogFile {
            name: $name,
            ja: include_str!(concat!("../../messages/ja/", $name)),
            en: include_str!(concat!("../../messages/en/", $name)),
        }),*]
    };
}

/// Every catalog file, by the part of the tool whose messages it holds.
pub const FILES: &[CatalogFile] = catalog_files![
    "base.ftl",
    "toml.ftl",
    "model.ftl",
    "markdown.ftl",
    "load.ftl",
    "config.ftl",
    "theme.ftl",
    "render.ftl",
    "output.ftl",
    "review.ftl",
    "commands.ftl",
    "preview.ftl",
    "cli.ftl",
    "publish.ftl",
    "s3.ftl",
    "rsync.ftl",
    "git.ftl",
    "notify.ftl",
];

type Bundle = FluentBundle<FluentResource>;

static JA: LazyLock<Bundle> = LazyLock::new(|| bundle(MessageLang::Ja));
static EN: LazyLock<Bundle> = LazyLock::new(|| bundle(MessageLang::En));

fn bundle(lang: MessageLang) -> Bundle {
    let id = lang.code().parse().expect("a language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks around values would land in terminals and in the
    // messages tests compare; the values are file names and keys, not prose.
    bundle.set_use_isolating(false);
    for file in FILES {
        let text = match lang {
            MessageLang::Ja => file.ja,
            MessageLang::En => file.en,
        };
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(_, errors)| {
            panic!("messages/{}/{}: {errors:?}", lang.code(), file.name)
        });
        if let Err(errors) = bundle.add_resource(resource) {
            panic!("messages/{}/{}: {errors:?}", lang.code(), file.name);
        }
    }
    bundle
}

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: MessageLang) -> String {
        render(lang, self)
    }
}

/// A message shows in English where no language is chosen: in `Debug` output, in
/// tests and in errors passed through libraries that only know `Display`.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(MessageLang::En))
    }
}

/// `message` in `lang`. An id missing from the catalog shows as the id and its
/// values, so nothing is lost; the catalog test makes sure none is missing.
fn render(lang: MessageLang, message: &Message) -> String {
    let bundle: &Bundle = match lang {
        MessageLang::Ja => &JA,
        MessageLang::En => &EN,
    };
    let Some(pattern) = bundle.get_message(message.id()).and_then(|m| m.value()) else {
        return format!("{}{:?}", message.id(), message.args());
    };
    let mut args = FluentArgs::new();
    for (name, value) in message.args() {
        let value = match value {
            // Every value a message names passes here: a file name or a value read
            // from a file reaches the terminal with its control characters escaped.
            Arg::Text(text) => FluentValue::from(printable(text, true).into_owned()),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Message(inner) => FluentValue::from(render(lang, inner)),
        };
        args.set(*name, value);
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&args), &mut errors)
        .into_owned()
}
