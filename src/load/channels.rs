//! How front matter's `channel` is read: `"ir"`, `"pr"` or `["ir", "pr"]`.

use crate::base::Invalid;
use crate::model::{Channel, Channels};
use crate::msg;

/// The channels of a `channel` value.
pub fn parse(value: &toml::Value) -> Result<Channels, Invalid> {
    match value {
        toml::Value::String(one) => Ok(match channel(one)? {
            Channel::Ir => Channels::Ir,
            Channel::Pr => Channels::Pr,
        }),
        toml::Value::Array(values) => {
            let (mut ir, mut pr) = (false, false);
            for value in values {
                let toml::Value::String(one) = value else {
                    return Err(wrong_type(value));
                };
                match channel(one)? {
                    Channel::Ir => ir = true,
                    Channel::Pr => pr = true,
                }
            }
            match (ir, pr) {
                (true, true) => Ok(Channels::Both),
                (true, false) => Ok(Channels::Ir),
                (false, true) => Ok(Channels::Pr),
                (false, false) => Err(Invalid::new(msg!("load-channel-empty"))),
            }
        }
        other => Err(wrong_type(other)),
    }
}

fn channel(channel: &str) -> Result<Channel, Invalid> {
    match channel {
        "ir" => Ok(Channel::Ir),
        "pr" => Ok(Channel::Pr),
        _ => Err(Invalid::new(msg!("load-channel-unknown", channel))),
    }
}

/// A value that is neither a string nor a list, shown as TOML writes it.
fn wrong_type(value: &toml::Value) -> Invalid {
    Invalid::new(msg!("load-channel-wrong-type", value = value.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(toml: &str) -> Result<Channels, String> {
        let table: toml::Table = toml::from_str(toml).unwrap();
        parse(&table["channel"]).map_err(|e| e.to_string())
    }

    #[test]
    fn one_channel_or_both() {
        assert_eq!(parsed("channel = \"ir\""), Ok(Channels::Ir));
        assert_eq!(parsed("channel = [\"pr\"]"), Ok(Channels::Pr));
        assert_eq!(parsed("channel = [\"pr\", \"ir\"]"), Ok(Channels::Both));
    }

    #[test]
    fn anything_else_is_refused_with_what_to_write() {
        let expected = "expected \"ir\", \"pr\" or [\"ir\", \"pr\"]";
        assert_eq!(
            parsed("channel = [\"ir\", \"news\"]"),
            Err(format!("unknown channel `news`; {expected}"))
        );
        assert_eq!(
            parsed("channel = []"),
            Err(format!("empty channel list; {expected}"))
        );
        assert_eq!(
            parsed("channel = 3"),
            Err(format!("`channel` is 3; {expected}"))
        );
        assert_eq!(
            parsed("channel = [\"ir\", 1]"),
            Err(format!("`channel` is 1; {expected}"))
        );
    }
}
