//! How front matter's `channel` is read: `"ir"`, `"pr"` or `["ir", "pr"]`.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use crate::model::{Channel, Channels};

const CHANNEL_EXPECTED: &str = "expected \"ir\", \"pr\" or [\"ir\", \"pr\"]";

impl<'de> Deserialize<'de> for Channels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChannelsVisitor;

        fn one<E: de::Error>(value: &str) -> Result<Channel, E> {
            match value {
                "ir" => Ok(Channel::Ir),
                "pr" => Ok(Channel::Pr),
                other => Err(E::custom(format!(
                    "unknown channel `{other}`; {CHANNEL_EXPECTED}"
                ))),
            }
        }

        impl<'de> Visitor<'de> for ChannelsVisitor {
            type Value = Channels;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(CHANNEL_EXPECTED)
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<Channels, E> {
                Ok(match one(value)? {
                    Channel::Ir => Channels::Ir,
                    Channel::Pr => Channels::Pr,
                })
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Channels, A::Error> {
                let (mut ir, mut pr) = (false, false);
                while let Some(value) = seq.next_element::<String>()? {
                    match one::<A::Error>(&value)? {
                        Channel::Ir => ir = true,
                        Channel::Pr => pr = true,
                    }
                }
                match (ir, pr) {
                    (true, true) => Ok(Channels::Both),
                    (true, false) => Ok(Channels::Ir),
                    (false, true) => Ok(Channels::Pr),
                    (false, false) => Err(de::Error::custom(format!(
                        "empty channel list; {CHANNEL_EXPECTED}"
                    ))),
                }
            }
        }

        deserializer.deserialize_any(ChannelsVisitor)
    }
}
