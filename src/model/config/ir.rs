//! site.toml's `[ir]`: who files the IR disclosures.

/// site.toml's `[ir]`: the identity an IR disclosure (適時開示) carries. Each field is
/// optional here; `crisis-site check` (`ir-identity`) asks for all three once an IR
/// announcement is published.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IrIdentity {
    /// The securities code (証券コード): four digits or capital letters, e.g. `9999`
    /// or `130A`.
    pub securities_code: Option<String>,
    /// The exchange and segment the shares are listed on, e.g. `東証プライム`.
    pub exchange: Option<String>,
    /// Whom investors and the press contact (a person or department).
    pub contact: Option<String>,
}
