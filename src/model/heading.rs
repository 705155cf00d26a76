//! Headings of a markdown body and the anchors they give, with the contract between
//! the theme and the writers' headings: the ids the theme keeps for itself.

/// A heading of a body, for a table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// 1 for `#`, 2 for `##`, and so on.
    pub level: u8,
    /// Its `id`: the writer's `{#id}`, or one made from its text.
    pub id: String,
    /// Its text without markup.
    pub text: String,
}

/// Whether the default theme gives `id` to one of its own elements: `main` (the skip
/// link's target), a section heading `NAME-heading`, or a home-page block
/// `key-report-ID`. Headings never take these ids, wherever their body is shown; a
/// theme that adds ids of its own keeps to these forms.
pub fn theme_uses(id: &str) -> bool {
    id == "main" || id.ends_with("-heading") || id.starts_with("key-report-")
}
