# Messages of commands

## build

# A build without `base_url`: what is left out, and how to fix it.
no-base-url = `base_url` is not set (site.toml, or --base-url): the Atom feeds, sitemap.xml, canonical and share-preview URLs are left out, robots.txt names no sitemap, status.json and summary.json have no URLs, and banner.html links to the site relative to itself (which works only where it is framed, not included); set it to the address the site is published at

## check

# The check builds the site into a temporary folder first, as `build` would.
commands-check-scratch = cannot create a folder for the check's build
