//! `crisis-site publish --plan`: the moments to come at which the published site
//! changes by itself, and what changes at each, so that the team can confirm
//! beforehand that 第5報 goes live at 15:00:00.

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::base::Error;
use crate::base::time::Moment;
use crate::load::{self, Cache};
use crate::model::Publish;
use crate::state::moments::{self, Coming};

/// The moments to come, from a moment on.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The moment they are counted from, in the site's zone.
    pub now: DateTime<FixedOffset>,
    /// The moments after it, soonest first.
    pub coming: Vec<Coming>,
}

/// The plan of the site in `root` from `now` on. The site is loaded with its
/// embargoed announcements and revisions (never its drafts), and every problem it
/// has is reported as `build` reports it.
pub fn plan(root: &Path, now: Moment) -> Result<Plan, Error> {
    let publish = Publish {
        drafts: false,
        future: true,
        now,
        base_url: None,
        preview: false,
    };
    let loaded = load::load(root, &publish, &Cache::none()).map_err(Error::Invalid)?;
    let site = loaded.site;
    Ok(Plan {
        now: site.now,
        coming: moments::coming(&site, site.now),
    })
}
