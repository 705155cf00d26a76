# Messages of commands

## build

# A build without `base_url`: what is left out, and how to fix it.
no-base-url = `base_url` is not set (site.toml, or --base-url): the Atom feeds, sitemap.xml, canonical and share-preview URLs are left out, robots.txt names no sitemap, status.json and summary.json have no URLs, and banner.html links to the site relative to itself (which works only where it is framed, not included); set it to the address the site is published at

## theme export

# DIR of `theme export` is a file.
commands-export-not-a-folder = is a file; expected a folder to write the built-in theme into (theme export never overwrites)
# One file of the built-in theme is already at its path under DIR.
commands-export-exists = already exists
commands-export-cannot-create = cannot create { $folder }
commands-export-cannot-write = cannot write { $file }
