# Messages of model

## Announcements

# A file or folder name that cannot be an announcement's URL.
model-slug-invalid = `{ $name }` cannot be a slug (the announcement's URL); expected a name of lowercase letters a-z, digits, `-` and `_`, such as `2023-06-06-first-notice`
model-slug-reserved = `{ $name }` cannot be a slug (the announcement's or page's folder): Windows reserves it for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9), so the site could not be copied or served there; choose another name
# A `kind` that is not one of the kinds, and the list of the kinds.
model-kind-unknown = unknown kind `{ $kind }`; expected { $known }
model-kind-last = "{ $kind }"
model-kind-or = "{ $kind }" or { $rest }

## site.toml

model-level-unknown = unknown level `{ $level }`; expected "error", "warning", "info" or "off"
model-key-report-id-invalid = key report id `{ $id }` is not valid; expected lowercase letters, digits and hyphens

# `base_url`: what is wrong with it, then what it should look like.
model-base-url-expected = expected e.g. https://incident.example.jp/
model-base-url-not-absolute = `{ $url }` is not an absolute URL ({ $cause }); { $expected }
model-base-url-not-web = `{ $url }` is not an https:// or http:// URL; { $expected }
model-base-url-query = `{ $url }` has a query or fragment; { $expected } (a site address only)
model-base-url-user-info = `{ $url }` holds a user name or password before `@` (left out here), which every page's canonical link, the sitemap, the feeds and the JSON would publish; { $expected } (without `user:password@`)

## Names of files

model-name-reserved = the name `{ $name }` is one Windows reserves for a device (con, prn, aux, nul, com1–com9, lpt1–lpt9, with any extension), so the site could not be copied or served there; rename it
model-name-character = the name `{ $name }` holds `{ $character }`, which Windows does not allow in file names (: * | ? < > " \ and control characters); rename it
model-name-trailing = the name `{ $name }` ends in a dot or a space, which Windows drops, so the link to it would break there; rename it

## [redirects]

# An old path or a target that cannot be used: the path, why, then what it should
# look like.
model-redirect-from = redirect from `{ $from }` { $reason }; { $expected }
model-redirect-to = redirect to `{ $to }` { $reason }; { $expected }
model-redirect-from-expected = expected the old path of a page of the site, such as "announcements/old-slug/" (a leading `/` is allowed; no `..`, `?` or `#`)
model-redirect-to-expected = expected the path of a page of the site, such as "announcements/2026-09-15-new-slug/" (a `#part` is allowed), or an https:// address
# Why a path cannot be used.
model-redirect-web-address = is a web address, not a path of this site
model-redirect-not-a-page = names a `.{ $extension }` file, which a redirect page cannot stand in for (a page is a folder, ending in `/`, or an `.html` file)
model-redirect-no-host = has no host
model-redirect-bad-address = is not a valid web address ({ $cause })
model-redirect-empty = is empty
model-redirect-scheme = is not a path of the site
model-redirect-query = has a query (`?`), which is not part of a file's path
model-redirect-fragment = has a fragment (`#`), which browsers never send to the site
model-redirect-encoding = is not valid percent-encoded UTF-8
model-redirect-backslash = has a `\`; paths of the site use `/`
model-redirect-climbs = has a `..`, a `.` or an empty part (`//`)
# Two ways of writing one old path.
model-redirect-twice = redirect from `{ $from }` is the same old path as `{ $earlier }` on line { $line } ({ $file }); expected each old path once
