//! The rules of the pre-publication review (`crisis-site check`), by id, and how much
//! their findings matter: named in site.toml's `[check.levels]` and in the output.

use serde::Serialize;

use crate::base::Invalid;

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Must be fixed before publishing: `check` exits non-zero.
    Error,
    /// Should be looked at; fails the check only with `--strict`.
    Warning,
    /// Worth knowing; never fails the check.
    Info,
}

impl Level {
    /// The level as site.toml and the output name it.
    pub fn id(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info => "info",
        }
    }

    /// Reads a level from site.toml's `[check.levels]`; `off` is `None`.
    pub fn parse(text: &str) -> Result<Option<Level>, Invalid> {
        match text {
            "error" => Ok(Some(Level::Error)),
            "warning" => Ok(Some(Level::Warning)),
            "info" => Ok(Some(Level::Info)),
            "off" => Ok(None),
            level => Err(Invalid::new(crate::msg!("model-level-unknown", level))),
        }
    }
}

/// A rule of the review, named by its id in output and in site.toml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// Numbers of the report series (第N報) are consecutive, unique and in date order.
    Numbering,
    /// The newest announcement is older than the cadence while the incident goes on.
    Stale,
    /// No contact desk, or every desk closed, while the incident goes on.
    ContactDesk,
    /// A contact desk's `phone` holds more than a number and its extension.
    PhoneNumber,
    /// A key-report block still in preparation.
    KeyReportPending,
    /// The promised next update has passed with no newer announcement.
    NextUpdateLate,
    /// Published text asks readers to keep it secret or marks itself internal.
    ConfidentialMarker,
    /// Published text or a value of site.toml still holds a placeholder (`（会社名）`,
    /// `TODO`, `○○`).
    Placeholder,
    /// A heading of published text with nothing under it.
    EmptySection,
    /// An announcement of a declared kind lacks a section its readers are owed.
    RequiredSections,
    /// A translation older than a change to its original.
    TranslationOutdated,
    /// An announcement whose text is little more than links to its attachments.
    PdfOnly,
    /// An announcement's `official_pdf` does not carry its title or its date.
    OfficialPdf,
    /// An image without alternative text.
    ImageAlt,
    /// A link or anchor of the built pages or feeds leads to nothing in the output.
    BrokenLink,
    /// IR announcements are published but site.toml's `[ir]` lacks part of the
    /// identity an IR disclosure carries.
    IrIdentity,
    /// A built page over the weight budget, or with a script element.
    PageWeight,
    /// The days the reports of a personal-data leak to the regulator are due.
    ReportingDeadlines,
}

impl Rule {
    /// Every rule, in the order findings of one place are listed.
    pub const ALL: [Rule; 18] = [
        Rule::Numbering,
        Rule::Stale,
        Rule::ContactDesk,
        Rule::PhoneNumber,
        Rule::KeyReportPending,
        Rule::NextUpdateLate,
        Rule::ConfidentialMarker,
        Rule::Placeholder,
        Rule::EmptySection,
        Rule::RequiredSections,
        Rule::TranslationOutdated,
        Rule::PdfOnly,
        Rule::OfficialPdf,
        Rule::ImageAlt,
        Rule::BrokenLink,
        Rule::IrIdentity,
        Rule::PageWeight,
        Rule::ReportingDeadlines,
    ];

    /// The rule's id.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Numbering => "numbering",
            Rule::Stale => "stale",
            Rule::ContactDesk => "contact-desk",
            Rule::PhoneNumber => "phone-number",
            Rule::KeyReportPending => "key-report-pending",
            Rule::NextUpdateLate => "next-update-late",
            Rule::ConfidentialMarker => "confidential-marker",
            Rule::Placeholder => "placeholder",
            Rule::EmptySection => "empty-section",
            Rule::RequiredSections => "required-sections",
            Rule::TranslationOutdated => "translation-outdated",
            Rule::PdfOnly => "pdf-only",
            Rule::OfficialPdf => "official-pdf",
            Rule::ImageAlt => "image-alt",
            Rule::BrokenLink => "broken-link",
            Rule::IrIdentity => "ir-identity",
            Rule::PageWeight => "page-weight",
            Rule::ReportingDeadlines => "reporting-deadlines",
        }
    }

    /// The rule with this id.
    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// Its level unless site.toml says otherwise.
    pub fn default_level(self) -> Level {
        match self {
            Rule::Numbering
            | Rule::Stale
            | Rule::ContactDesk
            | Rule::PhoneNumber
            | Rule::NextUpdateLate => Level::Warning,
            Rule::KeyReportPending => Level::Info,
            // Asking the public to keep a public statement secret reads as concealment:
            // never to be published.
            Rule::ConfidentialMarker => Level::Error,
            // Starter text or a note to fill in later, published, tells readers the
            // statement was not finished: like a marker, never to be published.
            Rule::Placeholder | Rule::EmptySection => Level::Error,
            // Each may have a reason (a short notice ahead of the full one, a
            // translation on its way, a decorative image), so they fail only --strict.
            Rule::RequiredSections
            | Rule::TranslationOutdated
            | Rule::PdfOnly
            | Rule::OfficialPdf
            | Rule::ImageAlt => Level::Warning,
            Rule::BrokenLink => Level::Error,
            Rule::IrIdentity | Rule::PageWeight => Level::Warning,
            Rule::ReportingDeadlines => Level::Info,
        }
    }
}

impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}
