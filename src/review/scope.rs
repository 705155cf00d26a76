//! How much of the review a command runs.

/// How much of the review to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every rule not turned off, and the addresses outside the site: what `check`
    /// and the preview's review page show.
    Everything,
    /// Only the rules whose level is error: whether `build` may publish.
    Errors,
}
