//! site.toml's `[check]`: how the pre-publication review runs.

use std::collections::BTreeMap;

use crate::model::rule::{Level, Rule};

/// site.toml's `[check]`: rule levels changed or turned off, and the rules' limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckSettings {
    /// The rules whose level site.toml changes; `None` turns a rule off.
    pub levels: BTreeMap<Rule, Option<Level>>,
    /// How many days may pass without an announcement while the incident goes on.
    pub stale_after_days: u32,
    /// The budget of one page in KB (1024 bytes): its HTML plus the stylesheets it
    /// links (`page-weight`).
    pub page_weight_kb: u32,
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            levels: BTreeMap::new(),
            stale_after_days: 3,
            page_weight_kb: 30,
        }
    }
}

impl CheckSettings {
    /// The level of `rule`'s findings, or `None` when it is turned off.
    pub fn level(&self, rule: Rule) -> Option<Level> {
        self.levels
            .get(&rule)
            .copied()
            .unwrap_or(Some(rule.default_level()))
    }
}
