# Messages of commands

## build

# A build without `base_url`: what is left out, and how to fix it.
no-base-url = `base_url` is not set (site.toml, or --base-url): the Atom feeds, sitemap.xml, canonical and share-preview URLs are left out, robots.txt names no sitemap, status.json and summary.json have no URLs, and banner.html links to the site relative to itself (which works only where it is framed, not included); set it to the address the site is published at

# A file not published: a leftover of an editor, the system or version control.
commands-leftover-skipped = `{ $path }` was not published: it is a leftover of an editor, the operating system or version control (an Office owner file, Thumbs.db, desktop.ini, .DS_Store, a backup or swap file, .git/); delete it or move it out of the site's folder to silence this

## check

# The check builds the site into a temporary folder first, as `build` would.
commands-check-scratch = cannot create a folder for the check's build

## Files init and new write

commands-cannot-create = cannot create { $path }
commands-cannot-write = cannot write { $path }
commands-cannot-replace = cannot replace { $path }

## init

commands-init-is-a-file = is a file; expected a new or empty folder for the new site (init never overwrites)
commands-init-not-empty = is not empty; expected a new or empty folder for the new site (init never overwrites)
commands-init-cannot-move = cannot move the new site to { $path }

## new

commands-new-title-empty = the title is empty; expected the words of the announcement's title, e.g. crisis-site new "System failure (update 2)" --channel pr
commands-new-title-lines = the title runs over more than one line; expected one line
commands-new-title-front-matter = the title has a `+++` line, which would end the front matter; expected one line without it
commands-new-slug-taken = an announcement `{ $slug }` exists already; expected a new slug (pass --slug NAME)
commands-new-main-language = `{ $lang }` is the site's main language; expected the language of the translation, e.g. en
commands-new-no-original = no announcement `{ $of }` to translate; expected { $of }.md or { $of }/index.md in { $folder }
# The same, with the likely typo among the site's announcements.
commands-new-no-original-like = no announcement `{ $of }` to translate in { $folder }; did you mean `{ $best }`?
commands-new-file-exists = exists already; expected a new file (nothing was changed)
# The file two runs of `new` take turns on, so that they never give one number twice.
commands-new-cannot-lock = cannot lock { $path }, which keeps two runs of `crisis-site new` from taking the same number

## theme export

# DIR of `theme export` is a file.
commands-export-not-a-folder = is a file; expected a folder to write the built-in theme into (theme export never overwrites)
# One file of the built-in theme is already at its path under DIR.
commands-export-exists = already exists
commands-export-cannot-create = cannot create { $folder }
commands-export-cannot-write = cannot write { $file }
