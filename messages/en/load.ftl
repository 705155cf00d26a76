# Messages of load

## Files

load-cannot-read = cannot be read: { $cause }
load-name-not-lang = file name has `.{ $code }` before `.md`, read as a translation's language: { $reason }
load-name-main-lang = `.{ $code }.md` is the site's main language ({ $main }); the original is { $name }.md (translations are NAME.LANG.md in another language)

## Front matter

load-front-matter-yaml = front matter starts with `---` (YAML); expected TOML between `+++` lines
load-front-matter-unclosed = front matter opened with `+++` is never closed; expected a second `+++` line after it
load-title-empty = `title` is empty; expected the title
# A value of the front matter that cannot be read: the key, then why.
load-key-value = `{ $key }`: { $reason }
