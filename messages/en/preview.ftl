# Messages of preview

# The overlay over a page of the last good build, after a rebuild failed.
preview-overlay-heading = crisis-site: the last edit broke the build. This page is the last good build. Fix these and save:
# The preview's own page where no good build has a page to show.
preview-no-build-title = crisis-site: no good build yet
preview-no-build-text = No build since the preview started has made this page, so there is no good page of the site to show here. Fix these problems and save; this page reloads by itself:

# The preview's server.
preview-cannot-start = cannot start the preview server
preview-no-address = cannot read the preview server's address
preview-cannot-listen = cannot listen on { $address }:{ $port }
preview-ports-taken = cannot listen on { $address }: ports { $first } to { $last } are all taken; pass --port
preview-cannot-watch = cannot watch { $path }
# A rebuild that failed on something other than the site's content.
preview-build-error = { $cause }

# The bar on every page of the preview, and the review page it links.
preview-review-bar = Preview · review findings (crisis-site check)
preview-review-title = crisis-site check
preview-review-intro = The review crisis-site check would print for the site as it would be published now: no drafts, nothing embargoed. This page exists only in the preview.
preview-review-back = Back to the site
preview-review-counts = { $errors } error, { $warnings } warning, { $infos } info
preview-review-build-fails = { $count ->
    [one] { $count } problem fails the build
   *[other] { $count } problems fail the build
  }
preview-review-unreadable = the site could not be read

# The page for a request that names another address than the preview's (421).
preview-wrong-host-title = crisis-site: not this preview's address
preview-wrong-host = This preview answers only at its own address, { $url }, and this request named `{ $host }`. A page of another site may be trying to read the drafts through it; open the address above instead.

# Said on starting, when --bind makes the preview reachable from other machines.
preview-exposed = the preview listens on { $address }, so every machine that can reach that address can read the drafts and embargoed statements it shows; stop it (Ctrl-C) unless that is meant
preview-exposed-everywhere = the preview listens on every address of this machine ({ $address }), so every machine that can reach it can read the drafts and embargoed statements it shows; others open it at this machine's own address with port { $port } (not { $address }); stop it (Ctrl-C) unless that is meant
