//! Splitting a content file into its TOML front matter and its markdown body.
//!
//! Front matter sits between two `+++` lines at the very top of the file, the
//! convention of Zola and Hugo.

/// A content file cut into its two parts.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The TOML between the `+++` lines; `None` when the file has none.
    pub front_matter: Option<&'a str>,
    /// The line of the file on which the front matter's first line stands.
    pub front_matter_line: usize,
    /// The markdown after the closing `+++`.
    pub body: &'a str,
    /// The line of the file on which the body starts.
    pub body_line: usize,
}

const FENCE: &str = "+++";

/// Cuts `text` at its front-matter fences.
///
/// Errors carry the 1-based line they concern and say what was expected.
pub fn split(text: &str) -> Result<Split<'_>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    match first.trim_end() {
        FENCE => {}
        "---" => {
            return Err((
                1,
                "front matter starts with `---` (YAML); expected TOML between `+++` lines".into(),
            ));
        }
        _ => {
            return Ok(Split {
                front_matter: None,
                front_matter_line: 1,
                body: text,
                body_line: 1,
            });
        }
    }
    let start = first.len();
    let mut offset = start;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            return Ok(Split {
                front_matter: Some(&text[start..offset]),
                front_matter_line: 2,
                body: &text[offset + line.len()..],
                // Line 1 is the opening fence, `index` lines of TOML, then this fence.
                body_line: index + 3,
            });
        }
        offset += line.len();
    }
    Err((
        1,
        "front matter opened with `+++` is never closed; expected a second `+++` line after it"
            .into(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body() {
        let s = split("+++\ntitle = \"a\"\n+++\nbody\n").unwrap();
        assert_eq!(s.front_matter, Some("title = \"a\"\n"));
        assert_eq!(s.body, "body\n");
        assert_eq!(s.front_matter_line, 2);
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn handles_crlf_and_bom() {
        let s = split("\u{feff}+++\r\ntitle = \"a\"\r\n+++\r\nbody").unwrap();
        assert_eq!(s.front_matter, Some("title = \"a\"\r\n"));
        assert_eq!(s.body, "body");
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let s = split("# Hello\n").unwrap();
        assert_eq!(s.front_matter, None);
        assert_eq!(s.body, "# Hello\n");
    }

    #[test]
    fn unclosed_and_yaml_front_matter_are_errors() {
        assert_eq!(split("+++\ntitle = 1\n").unwrap_err().0, 1);
        assert!(
            split("---\ntitle: a\n---\n")
                .unwrap_err()
                .1
                .contains("YAML")
        );
    }
}
