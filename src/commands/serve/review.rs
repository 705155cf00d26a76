//! The preview-only review page: the findings `crisis-site check` would print for the
//! site as it would be published now (no drafts, nothing embargoed).

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::decorate::{Shown, decorate, escaped, preview_response};
use super::preview::{Findings, Shared};
use crate::base::{Error, Message};
use crate::model::{Level, Publish};
use crate::msg;
use crate::pipeline;
use crate::review::Scope;

/// The review page's template.
const REVIEW: &str = include_str!("review.html");

/// The review page: preview-only, never part of a build.
pub async fn review_page(State(shared): State<Arc<Shared>>) -> Response {
    let Some(found) = reviewed(&shared).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let (summary, items) = &*found;
    let lang = shared.current().lang;
    let said = |message: Message| escaped(&message.text(lang));
    let page = REVIEW
        .replace("{lang}", lang.code())
        .replace("{title}", &said(msg!("preview-review-title")))
        .replace("{intro}", &said(msg!("preview-review-intro")))
        .replace("{back}", &said(msg!("preview-review-back")))
        .replace("{summary}", &escaped(summary))
        .replace("{findings}", items);
    preview_response(
        StatusCode::OK,
        decorate(&page, &shared.current(), Shown::Own).into_bytes(),
        "text/html; charset=utf-8",
    )
}

/// The review's summary and list items for the current rebuild: the ones made for it
/// already, or made now. Rendering the whole site for every request would let a few
/// reloads fill the memory, so they are made once per rebuild, and one at a time:
/// requests wait for the one being made. It is made in a task of its own, which holds
/// the lock until it is done, so a request that goes away never lets a second one
/// start beside it.
async fn reviewed(shared: &Arc<Shared>) -> Option<Arc<Findings>> {
    let shared = Arc::clone(shared);
    let making = tokio::spawn(async move {
        let mut slot = shared.review.lock().await;
        let version = shared.current().version;
        if let Some((made_for, found)) = &*slot
            && *made_for == version
        {
            return Some(Arc::clone(found));
        }
        let reviewing = Arc::clone(&shared);
        let found = tokio::task::spawn_blocking(move || findings(&reviewing))
            .await
            .ok()?;
        let found = Arc::new(found);
        *slot = Some((version, Arc::clone(&found)));
        Some(found)
    });
    making.await.ok().flatten()
}

/// The findings of the review as the page's summary and list items.
fn findings(shared: &Shared) -> Findings {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::serve::options::ServeOptions;

    /// Many requests at once make the review once; a rebuild makes it again.
    #[tokio::test]
    async fn the_review_is_made_once_per_rebuild() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        let now = chrono::DateTime::parse_from_rfc3339("2023-06-08T12:00:00+09:00").unwrap();
        crate::commands::init::init(&root, now).unwrap();
        let options = ServeOptions {
            root,
            bind: [127, 0, 0, 1].into(),
            port: None,
            open: false,
            now: Some(now.into()),
            messages: crate::base::MessageLang::En,
        };
        let address = "127.0.0.1:1111".parse().unwrap();
        let shared = Arc::new(Shared::new(&options, address, "http://127.0.0.1:1111/"));
        shared.rebuild(&options);
        let asked: Vec<_> = (0..8)
            .map(|_| {
                let shared = Arc::clone(&shared);
                tokio::spawn(async move { reviewed(&shared).await.unwrap() })
            })
            .collect();
        let mut found = Vec::new();
        for one in asked {
            found.push(one.await.unwrap());
        }
        assert!(found.iter().all(|f| Arc::ptr_eq(f, &found[0])));
        // What the page shows is the review itself.
        assert_eq!(*found[0], findings(&shared));
        let again = reviewed(&shared).await.unwrap();
        assert!(Arc::ptr_eq(&again, &found[0]));
        shared.rebuild(&options);
        let rebuilt = reviewed(&shared).await.unwrap();
        assert!(!Arc::ptr_eq(&rebuilt, &found[0]));
        assert_eq!(rebuilt, found[0]);
    }
}
