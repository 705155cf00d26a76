//! The preview-only review page: the findings `crisis-site check` would print for the
//! site as it would be published now (no drafts, nothing embargoed).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::decorate::{Shown, decorate, escaped, preview_response};
use super::preview::Shared;
use crate::base::{Error, Message};
use crate::model::{Level, Publish};
use crate::msg;
use crate::pipeline;
use crate::review::Scope;

/// The review page's template.
const REVIEW: &str = include_str!("review.html");

/// The review page: preview-only, never part of a build.
pub async fn review_page(State(shared): State<Arc<Shared>>) -> Response {
    let reviewing = Arc::clone(&shared);
    let (summary, items) = match tokio::task::spawn_blocking(move || findings(&reviewing)).await {
        Ok(found) => found,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let lang = shared.current().lang;
    let said = |message: Message| escaped(&message.text(lang));
    let page = REVIEW
        .replace("{lang}", lang.code())
        .replace("{title}", &said(msg!("preview-review-title")))
        .replace("{intro}", &said(msg!("preview-review-intro")))
        .replace("{back}", &said(msg!("preview-review-back")))
        .replace("{summary}", &escaped(&summary))
        .replace("{findings}", &items);
    preview_response(
        StatusCode::OK,
        decorate(&page, &shared.current(), Shown::Own).into_bytes(),
        "text/html; charset=utf-8",
    )
}

/// The findings of the review as the page's summary and list items.
fn findings(shared: &Shared) -> (String, String) {
    let lang = shared.current().lang;
    let now = shared
        .now
        .unwrap_or_else(|| chrono::Local::now().fixed_offset().into());
    let publish = Publish {
        base_url: shared.base_url.clone(),
        ..Publish::release(now)
    };
    let item = |text: &str| format!("<li>{}</li>", escaped(text));
    match pipeline::render(&shared.root, &publish, &shared.cache) {
        Ok(rendered) => {
            let report = pipeline::review(&rendered, Scope::Everything);
            let [errors, warnings, infos] =
                [Level::Error, Level::Warning, Level::Info].map(|level| report.count(level));
            let summary = msg!("preview-review-counts", errors, warnings, infos).text(lang);
            let items = report
                .findings
                .iter()
                .map(|f| item(&f.text(lang)))
                .collect();
            (summary, items)
        }
        Err(Error::Invalid(problems)) => {
            let count = problems.len();
            (
                msg!("preview-review-build-fails", count).text(lang),
                problems.iter().map(|p| item(&p.text(lang))).collect(),
            )
        }
        Err(other) => (
            msg!("preview-review-unreadable").text(lang),
            item(&other.text(lang)),
        ),
    }
}
