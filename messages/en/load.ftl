# Messages of load

## Names the writer may have mistyped

# The end of a message about a name that names nothing: the likely typo, or the
# names there are.
load-did-you-mean = did you mean `{ $name }`?
load-expected-one-of = expected one of { $names }
# A list of names as the writer types them: one, or one followed by the rest.
load-name = `{ $name }`
load-names = `{ $name }`, { $rest }

## Files

load-unreadable = cannot be read: { $cause }
load-symlink = is a symbolic link to `{ $target }`; crisis-site reads no symbolic link, so that nothing outside the site's folder is ever published through one. Put the file or folder itself here instead
load-not-regular = is not a regular file but { $kind ->
    [fifo] a named pipe (FIFO)
    [socket] a socket
    [device] a device
   *[other] a special file
  }; crisis-site reads only regular files and folders, since reading this one could wait or go on forever. Remove it from the site's folder
load-not-announcement = not an announcement; expected NAME.md, or a folder NAME/ with index.md and its attachments
load-markdown-in-folder = markdown file in an announcement folder; expected only index.md and index.LANG.md there (other files are published as attachments)

# An attachment or static file that a browser would run (SVG, XHTML, XML, HTML).
load-active-file = holds `{ $what }`, which would run as a program in the reader's browser when the file is opened from the page; an attachment or a static file must be data: remove it, or publish the file as PDF or PNG
load-active-unreadable = cannot be read as XML ({ $cause }), so whether it would run as a program in the reader's browser cannot be told; save it again from the program that made it, or publish the file as PDF or PNG
load-active-compressed = is a compressed SVG, whose content cannot be checked for programs that would run in the reader's browser; attach it uncompressed (.svg), or as PDF or PNG
load-attachment-collision = `{ $name }` and `{ $other }` differ only in upper and lower case or in how their characters are encoded (Unicode normalization), so they are one file on Windows, on macOS and on many hosts; rename one of them
load-folder-without-index = announcement folder without index.md; expected { $folder }/index.md in the site's main language ({ $main })
load-same-slug = slug `{ $slug }` is already used by { $first }; expected one file per announcement (NAME.md or NAME/index.md, not both)
load-translation-no-original = translation with no original; expected { $folder }/{ $name }.md or { $folder }/{ $name }/index.md in the site's main language ({ $main })
load-overview-name = unexpected file name; expected _index.md, or _index.LANG.md for a translation (e.g. _index.en.md) in a language other than the site's ({ $main })
load-not-in-site = not part of the site; announcements go in { $announcements }, pages in { $pages }, the overview in { $overview }

## An announcement's front matter

load-missing-front-matter = missing front matter; expected the file to start with a `+++` line, then title, date and channel, then a closing `+++` line
# A key whose value cannot be read, and why.
load-key-invalid = `{ $key }`: { $invalid }
load-number-zero = `number` is 0; the series starts at 1
load-channel-unknown = unknown channel `{ $channel }`; expected "ir", "pr" or ["ir", "pr"]
load-channel-empty = empty channel list; expected "ir", "pr" or ["ir", "pr"]
load-channel-wrong-type = `channel` is { $value }; expected "ir", "pr" or ["ir", "pr"]
load-next-update-before-date = `next_update` { $next } is before the announcement's `date` ({ $date }); expected when the next update is promised
load-updated-before-date = `updated` { $updated } is before the announcement's `date` ({ $date }); expected when the published text was last amended
load-updated-before-revision = `updated` { $updated } is before the newest revision ({ $revision }); expected the time of the latest amendment (or leave `updated` out to use it)

## The tables of an announcement

load-entry-empty-name = `[[{ $table }]]` entry has an empty `name`; expected its name
load-entry-twice = `[[{ $table }]]` lists `{ $name }` twice; expected each one once per announcement
# An entry without its text, and what the text says.
load-entry-empty-text = `[[{ $table }]]` entry has an empty `text`; expected { $expected }
load-timeline-text = what happened
load-revision-text = what was amended
load-revision-before-date = revision dated { $at } is before the announcement's `date` ({ $date }); expected the time the published text was amended

## A translation against its original

# A value a translation repeats differently: as here, as in the original.
load-differs = `{ $key }` is { $here } here but { $there } in the original { $original }; expected the same value (or leave it out: translations inherit it)
load-entry-differs = `{ $key }` of `[[{ $table }]]` entry { $n } is { $here } here but { $there } in the original { $original }; expected the same value (or leave it out: translations inherit it)
# A value the original does not have.
load-not-set = not set
load-table-count = `[[{ $table }]]` has { $here ->
    [one] { $here } entry
   *[other] { $here } entries
  } here but { $there ->
    [one] { $there } entry
   *[other] { $there } entries
  } in the original { $original }; expected the original's entries, in the same order
load-translation-updated-before-date = `updated` { $updated } is before the announcement's `date` ({ $date }); expected when this translation was last amended

## Across announcements

load-corrects-unknown = `corrects` names `{ $target }`, which is not an announcement; { $hint }
load-corrects-expected = expected the slug of an earlier announcement (its file or folder name)
load-corrects-not-earlier = `corrects` names `{ $target }`, dated { $corrected }, not before this announcement ({ $date }); expected an earlier announcement
load-key-report-undeclared = key report `{ $id }` is not declared in site.toml; { $hint }
load-no-key-reports = no key reports are declared; add a [[key_reports]] entry with this id
load-key-report-twice = key report `{ $id }` is already filled by { $first }; expected each key report to be filled by one announcement

## Guide pages

load-page-missing-front-matter = missing front matter; expected the file to start with a `+++` line, then title = "…", then a closing `+++` line
load-not-page = not a page; expected NAME.md, or NAME.LANG.md for a translation (pages have no folders or attachments)
load-page-name-invalid = `{ $name }` cannot be a page name (the page's URL); expected lowercase letters a-z, digits, `-` and `_`, such as `faq`
# A page named like a folder the site makes: where it would go, whose folder that is.
load-page-name-taken = page name `{ $name }` would be published at { $name }/, which is { $taken }; expected another name (not { $reserved }, nor a language code of the site)
load-site-folder = the site's own folder
load-language-folder = the folder of the site's pages in that language
load-page-translation-no-original = translation with no original; expected { $file } in the site's main language ({ $main })
load-home-pages-twice = `home_pages` lists `{ $name }` twice; expected each page once
load-home-pages-unknown = `home_pages`: there is no page `{ $name }` in { $folder }/; { $hint }
load-no-pages = there are no pages yet; expected a file { $file }

## Files

load-name-not-lang = file name has `.{ $code }` before `.md`, read as a translation's language: { $reason }
load-name-main-lang = `.{ $code }.md` is the site's main language ({ $main }); the original is { $name }.md (translations are NAME.LANG.md in another language)

## Front matter

load-front-matter-yaml = front matter starts with `---` (YAML); expected TOML between `+++` lines
load-front-matter-unclosed = front matter opened with `+++` is never closed; expected a second `+++` line after it
load-title-empty = `title` is empty; expected the title
load-bidi-control = `{ $key }` holds a bidirectional control character (U+202A–U+202E or U+2066–U+2069), which shows the text after it reordered (`rlo`, U+202E, `fdp.exe` reads as "rloexe.pdf"); expected the text without it
load-attachment-bidi = attachment name `{ $name }` holds a bidirectional control character (U+202A–U+202E or U+2066–U+2069), which shows the name reordered (`rlo`, U+202E, `fdp.exe` reads as "rloexe.pdf"); expected the file renamed without it
# A value of the front matter that cannot be read: the key, then why.
load-key-value = `{ $key }`: { $reason }

# An announcement named like a channel's list, whose page it would be written over.
load-slug-is-list = `{ $name }` is the name of the list of `{ $name }` announcements (announcements/{ $name }/), which this announcement's page would replace; give it another name, such as `2023-06-06-{ $name }-notice`
load-official-pdf-not-pdf = official_pdf names `{ $name }`, which is not a PDF; name the PDF file beside the announcement that was filed (for example "{ $name }.pdf"), or remove official_pdf to have the build make the PDF
load-official-pdf-missing = official_pdf names `{ $name }`, which is not a file beside this announcement; { $hint }
load-official-pdf-none = put the PDF in the announcement's folder (NAME/index.md with NAME/FILE.pdf), or remove official_pdf to have the build make the PDF
