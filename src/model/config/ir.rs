//! site.toml's `[ir]`: who files the IR disclosures.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::base::Lang;

/// site.toml's `[ir]`: the identity an IR disclosure (適時開示) carries. Each field is
/// optional here; `crisis-site check` (`ir-identity`) asks for the code, the exchange
/// and the contact once an IR announcement is published. The PDF of an IR
/// announcement carries them all in its header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IrIdentity {
    /// The securities code (証券コード): four digits or capital letters, e.g. `9999`
    /// or `130A`.
    pub securities_code: Option<String>,
    /// The words of the identity in the main language.
    pub text: IrText,
    /// The words in other languages (`[ir.translations.LANG]`), each field falling
    /// back to the main language's.
    pub translations: BTreeMap<Lang, IrText>,
}

/// The words of an IR identity in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IrText {
    /// The exchange and segment the shares are listed on, e.g. `東証プライム`.
    pub exchange: Option<String>,
    /// Whom investors and the press contact: title and name (問合せ先).
    pub contact: Option<String>,
    /// The representative's title and name (代表者名), e.g. `代表取締役社長　高村 誠`.
    pub representative: Option<String>,
    /// The contact's telephone number (TEL).
    pub phone: Option<String>,
}

impl IrIdentity {
    /// The words in `lang`: its translation where it gives them, the main language's
    /// otherwise.
    pub fn text_in(&self, lang: &Lang) -> IrText {
        let main = &self.text;
        let Some(t) = self.translations.get(lang) else {
            return main.clone();
        };
        let pick = |own: &Option<String>, main: &Option<String>| own.clone().or(main.clone());
        IrText {
            exchange: pick(&t.exchange, &main.exchange),
            contact: pick(&t.contact, &main.contact),
            representative: pick(&t.representative, &main.representative),
            phone: pick(&t.phone, &main.phone),
        }
    }
}
