//! site.toml as serde reads it: every table and key the file may hold, with their
//! spans, so that every problem is reported at its line. Keys not listed here are
//! refused (`deny_unknown_fields`).

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::model::config::{BlockTranslation, ContactTranslation, IncidentStatus, SiteText};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConfig {
    pub(super) title: Spanned<String>,
    pub(super) organization: Spanned<String>,
    pub(super) language: Option<Spanned<String>>,
    pub(super) timezone: Option<Spanned<String>>,
    pub(super) timezone_name: Option<String>,
    pub(super) base_url: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) standby: bool,
    pub(super) theme: Option<Spanned<String>>,
    pub(super) home_latest: Option<Spanned<usize>>,
    pub(super) feed_limit: Option<Spanned<usize>>,
    #[serde(default)]
    pub(super) home_pages: Vec<Spanned<String>>,
    pub(super) incident: RawIncident,
    #[serde(default)]
    pub(super) key_reports: Vec<RawKeyReport>,
    #[serde(default)]
    pub(super) contacts: Vec<RawContact>,
    #[serde(default)]
    pub(super) alerts: Vec<Spanned<RawAlert>>,
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<SiteText>>,
    #[serde(default)]
    pub(super) redirects: BTreeMap<String, Spanned<String>>,
    pub(super) check: Option<RawCheck>,
    pub(super) ir: Option<RawIr>,
    pub(super) pdf: Option<RawPdf>,
    #[serde(default)]
    pub(super) publish: Vec<super::publish::RawTarget>,
    #[serde(default)]
    pub(super) notify: Vec<Spanned<super::publish::RawNotify>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIr {
    pub(super) securities_code: Option<Spanned<String>>,
    pub(super) exchange: Option<Spanned<String>>,
    pub(super) contact: Option<Spanned<String>>,
    pub(super) representative: Option<Spanned<String>>,
    pub(super) phone: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<crate::model::config::IrText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPdf {
    pub(super) make: Option<bool>,
    pub(super) font: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCheck {
    #[serde(default)]
    pub(super) levels: BTreeMap<String, Spanned<String>>,
    pub(super) stale_after_days: Option<Spanned<u32>>,
    pub(super) page_weight_kb: Option<Spanned<u32>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlert {
    pub(super) text: String,
    pub(super) link: Option<Spanned<String>>,
    pub(super) from: Option<Spanned<toml::Value>>,
    pub(super) until: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<RawAlertTranslation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAlertTranslation {
    pub(super) text: Option<Spanned<String>>,
    pub(super) link: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIncident {
    pub(super) status: IncidentStatus,
    pub(super) started: Option<Spanned<toml::Value>>,
    pub(super) personal_data: Option<Spanned<bool>>,
    pub(super) aware_on: Option<Spanned<toml::Value>>,
    pub(super) wrongful_act: Option<Spanned<bool>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKeyReport {
    pub(super) id: Spanned<String>,
    pub(super) title: String,
    #[serde(default)]
    pub(super) description: String,
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<BlockTranslation>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContact {
    pub(super) name: String,
    pub(super) phone: Option<Spanned<String>>,
    pub(super) email: Option<String>,
    pub(super) hours: Option<String>,
    pub(super) from: Option<Spanned<toml::Value>>,
    pub(super) until: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub(super) translations: BTreeMap<String, Spanned<ContactTranslation>>,
}
