//! Messages to the people who run the tool: an id in the message catalogs and the
//! values it names, turned into words only when shown, in the language asked for.
//!
//! A [`Message`] is data, not text, so one problem can be printed in Japanese in the
//! terminal and in English in a test without being made twice. The words live in
//! `messages/{ja,en}/*.ftl` (`super::catalog`, which says a message in a language);
//! Rust code names a message with [`msg!`](crate::msg) and never spells its words.

/// The languages the tool speaks to its users in: every message exists in each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum MessageLang {
    /// 日本語: the comms team's first language.
    Ja,
    /// English: the default where nothing says otherwise.
    #[default]
    En,
}

impl MessageLang {
    /// The language of a code such as `ja`, `ja-JP`, `ja_JP.UTF-8` or `en-US`, if
    /// the tool speaks it.
    pub fn from_code(code: &str) -> Option<MessageLang> {
        let primary = code
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ja" => Some(MessageLang::Ja),
            "en" => Some(MessageLang::En),
            _ => None,
        }
    }

    /// The code of the language: the name of its catalog folder.
    pub fn code(self) -> &'static str {
        match self {
            MessageLang::Ja => "ja",
            MessageLang::En => "en",
        }
    }
}

/// One value a message names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    /// Text shown as it is: a key, a file name, a value the writer typed.
    Text(String),
    /// A count, which may choose the message's plural form.
    Number(i64),
    /// A message of its own, shown in the same language as the one naming it.
    Message(Box<Message>),
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Arg {
        Arg::Text(text.clone())
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<char> for Arg {
    fn from(c: char) -> Arg {
        Arg::Text(c.to_string())
    }
}

impl From<Message> for Arg {
    fn from(message: Message) -> Arg {
        Arg::Message(Box::new(message))
    }
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Arg {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A message to a user: the id of its text in the catalogs and the values it names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Message {
    id: &'static str,
    args: Vec<(&'static str, Arg)>,
}

impl Message {
    /// The message `id` naming `args`. Prefer [`msg!`](crate::msg), which reads as
    /// the catalog does.
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }

    /// The id of the message in the catalogs.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The values the message names, by name.
    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}

/// A [`Message`] by its catalog id, with its values named as in the catalog:
/// `msg!("unknown-key", key = name)`, or `msg!("unknown-key", key)` where the
/// variable has the value's name.
#[macro_export]
macro_rules! msg {
    (@value $name:ident = $value:expr) => {
        $crate::MessageArg::from($value)
    };
    (@value $name:ident) => {
        $crate::MessageArg::from($name)
    };
    ($id:literal $(,)?) => {
        $crate::Message::new($id, Vec::new())
    };
    ($id:literal, $($name:ident $(= $value:expr)?),+ $(,)?) => {
        $crate::Message::new(
            $id,
            vec![$((stringify!($name), $crate::msg!(@value $name $(= $value)?))),+],
        )
    };
}
