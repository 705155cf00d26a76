//! Raw HTML that leaves an element open, or closes one it did not open.

use crate::markdown::tests::refused_at;

#[test]
fn raw_html_elements_must_close_in_the_body() {
    let left_open = |e: &str| {
        format!(
            "raw HTML `<{e}>` is never closed, so it would take over the rest of the page \
             (the list of announcements, the contact desks, the footer); expected `</{e}>` \
             later in the body"
        )
    };
    // A lone `<select>` puts the rest of the page in a dropdown; an unclosed `<s>`
    // strikes through the contact desks.
    assert_eq!(
        refused_at("intro\n\n<select>\n<option>a\n\ntext\n"),
        [(3, left_open("select"))]
    );
    assert_eq!(
        refused_at("本文。\n\n電話は <s>0120 です。\n"),
        [(3, left_open("s"))]
    );
    assert_eq!(
        refused_at("a\n\n</div>\n\nb </b>\n"),
        [
            (
                3,
                "raw HTML `</div>` closes an element the body has not opened; expected it \
                 removed, or the `<div>` it closes written before it"
                    .to_string()
            ),
            (
                5,
                "raw HTML `</b>` closes an element the body has not opened; expected it \
                 removed, or the `<b>` it closes written before it"
                    .to_string()
            )
        ]
    );
    assert_eq!(
        refused_at("<div>\n<span>\n</div>\n"),
        [(
            3,
            "raw HTML `</div>` closes its element while `<span>` inside it is still open; \
             expected `</span>` before it"
                .to_string()
        )]
    );
    // Across blocks with markdown between, void elements, end tags HTML lets the
    // writer leave out, and any case: closed.
    for md in [
        "<details><summary>s</summary>\n\nbody\n\n</details>\n",
        "<ul>\n<li>a\n<li>b<br>\n</ul>\n\n<P>x<img src=a.png>\n\n<DIV>\n\nx\n\n</div>\n",
        "<table>\n<tr><td>1<td>2\n<tr><th>3\n</table>\n\nText <span>a</span> <b><i>b</i></b>\n",
    ] {
        assert!(refused_at(md).is_empty(), "{md}: {:?}", refused_at(md));
    }
}

#[test]
fn a_long_html_block_is_followed_in_one_pass() {
    // Each tag's place in the markdown is found only for a tag refused: finding every
    // tag's took 31 s for this block.
    let md = format!(
        "<div>\n{}</div>\n\n<b>\n",
        "<span>x</span>\n".repeat(20_000)
    );
    assert_eq!(
        refused_at(&md),
        [(
            20_004,
            "raw HTML `<b>` is never closed, so it would take over the rest of the page (the \
             list of announcements, the contact desks, the footer); expected `</b>` later in \
             the body"
                .to_string()
        )]
    );
}
