//! Reading site.toml: defaults, and every problem of a run reported together.

use super::*;

const MINIMAL: &str = "title = \"t\"\norganization = \"o\"\n[incident]\nstatus = \"responding\"\n";

#[test]
fn defaults_apply() {
    let config = parse(MINIMAL).unwrap();
    assert_eq!(config.language.as_str(), "ja");
    assert_eq!(config.timezone.local_minus_utc(), 9 * 3600);
    assert_eq!(config.timezone_name, "UTC+09:00");
    assert_eq!(config.theme, None);
    assert_eq!(config.theme_name(), "default");
}

#[test]
fn several_problems_are_reported_together() {
    let text = format!("{MINIMAL}timezone = \"JST\"\n");
    // `timezone` after a table header belongs to [incident], where it is unknown:
    // the writer is told to move it up.
    let problems = parse(&text).unwrap_err();
    assert_eq!(
        problems.iter().map(|p| p.to_string()).collect::<Vec<_>>(),
        [
            "site.toml:5: `timezone` is below `[incident]` (line 3), so TOML reads it as a key \
          of that table, which has none of that name; move it above line 3, the file's first \
          table, where the keys of the file itself go"
        ]
    );

    let text = "title = \"t\"\norganization = \"o\"\ntimezone = \"JST\"\nlanguage = \"Japanese\"\n\
                [incident]\nstatus = \"responding\"\n";
    let problems = parse(text).unwrap_err();
    let lines: Vec<_> = problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, vec![Some(3), Some(4)]);
}
