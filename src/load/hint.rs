//! "Did you mean": the end of a message about a name that names nothing, said in the
//! catalogs' words.

use crate::base::Message;
use crate::base::suggest::suggest;
use crate::msg;

/// "Did you mean" the likely typo among `known`, else the list of them; `None` where
/// there are none, for the caller to say what to add.
pub fn unknown_name(word: &str, known: &[&str]) -> Option<Message> {
    match suggest(word, known.iter().copied()) {
        Some(best) => Some(msg!("load-did-you-mean", name = best)),
        None => names(known).map(|names| msg!("load-expected-one-of", names)),
    }
}

/// `names` as the writer types them, one after the other; `None` for none.
pub fn names(names: &[&str]) -> Option<Message> {
    let (last, init) = names.split_last()?;
    Some(
        init.iter()
            .rev()
            .fold(msg!("load-name", name = *last), |rest, name| {
                msg!("load-names", name = *name, rest)
            }),
    )
}
