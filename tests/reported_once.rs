//! One mistake is reported once: a file that cannot be read or parsed gives its own
//! problems and no second one elsewhere about it being missing, neither from a
//! correction that names it nor from its translations.

use crate::support::TestSite;

const ANN: &str = "content/announcements";

#[test]
fn a_correction_of_an_announcement_with_a_problem_says_nothing_more() {
    // fix.md corrects wrong.md.
    let problems = TestSite::fixture("incident").refused(|s| {
        s.edit(&format!("{ANN}/wrong.md"), "\"pr\"", "\"news\"");
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/wrong.md:4: unknown channel `news`; expected \"ir\", \"pr\" or [\"ir\", \"pr\"]"
        )]
    );
}

#[test]
fn a_correction_of_an_announcement_that_cannot_be_read_says_nothing_more() {
    let problems = TestSite::fixture("incident").refused(|s| {
        s.write(&format!("{ANN}/wrong.md"), "no front matter\n");
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/wrong.md:1: missing front matter; expected the file to start with a `+++` \
             line, then title, date and channel, then a closing `+++` line"
        )]
    );
}

#[test]
fn a_correction_of_a_missing_announcement_is_still_reported() {
    let problems = TestSite::fixture("incident").refused(|s| {
        s.remove(&format!("{ANN}/wrong.md"));
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/fix.md:5: `corrects` names `wrong`, which is not an announcement; expected \
             the slug of an earlier announcement (its file or folder name)"
        )]
    );
}

#[test]
fn the_translation_of_an_original_with_a_problem_says_nothing_more() {
    // first.md has a translation, first.en.md.
    let problems = TestSite::basic().refused(|s| {
        s.edit(&format!("{ANN}/first.md"), "number = 1", "number = 0");
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/first.md:5: `number` is 0; the series starts at 1"
        )]
    );
}

#[test]
fn the_translation_in_a_folder_without_index_md_says_nothing_more() {
    // both/ holds index.md, index.en.md and report.pdf.
    let problems = TestSite::basic().refused(|s| {
        s.remove(&format!("{ANN}/both/index.md"));
    });
    assert_eq!(
        problems,
        [format!(
            "{ANN}/both: announcement folder without index.md; expected {ANN}/both/index.md in \
             the site's main language (ja)"
        )]
    );
}
