# Messages of cli

# Lines the command line prints around the messages of the library.
error-line = error: { $text }
warning-line = warning: { $text }
rebuilt = rebuilt in { $ms } ms
rebuild-failed = rebuild failed with { $count ->
    [one] { $count } problem
   *[other] { $count } problems
  }; the preview keeps showing the last good build
# A failed rebuild when no rebuild has succeeded yet: there is no good build to show.
rebuild-failed-no-build = rebuild failed with { $count ->
    [one] { $count } problem
   *[other] { $count } problems
  }; there is no good build yet, so the preview shows only these problems
check-failed = check failed with { $count ->
    [one] { $count } problem
   *[other] { $count } problems
  } that also fail the build
build-failed = build failed with { $count ->
    [one] { $count } problem
   *[other] { $count } problems
  }; { $output } was left as it was
external-links = external links (not fetched): { $count }
check-counts = check: { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
  }, { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
  }, { $infos } info
standby = standby: the site is not live (site.toml `standby = true`); every page says noindex and robots.txt disallows all crawlers; set `standby = false` to go live
built = built { $count ->
    [one] { $count } announcement
   *[other] { $count } announcements
  } into { $output } ({ $pages } pages in { $languages }, { $files } files) in { $ms } ms
# The PDFs of the announcements: how many, and how many were typeset anew (the others
# were the previous output's, made from the same source).
built-pdfs = { $count ->
    [one] { $count } PDF
   *[other] { $count } PDFs
  }: { $typeset } typeset, { $kept } unchanged from the previous build

# A build the review's errors stopped: how many, what was kept, and the two ways on.
cli-build-refused = build refused: the review found { $count ->
    [one] { $count } error
   *[other] { $count } errors
  } in what would be published (as `crisis-site check` reports them); { $output } was left as it was; fix { $count ->
    [one] it
   *[other] them
  }, or pass --publish-with-errors to publish anyway
# A build that published the review's errors because it was told to.
cli-published-errors = published with { $count ->
    [one] { $count } error
   *[other] { $count } errors
  } of the review (--publish-with-errors): readers see { $count ->
    [one] it
   *[other] them
  } as listed above

# A command that stopped on something other than the site's content: what failed,
# then why.
command-failed = { $what }: { $cause }
init = init failed
new = new failed
serve = the preview stopped
check = check failed
build-output-kept = build failed; the output folder was left as it was
init-wrote = wrote a new site to { $folder } ({ $count } files):
init-next = next: cd { $folder } && crisis-site serve
serving = serving the preview at { $url } (drafts and embargoed announcements included; Ctrl-C stops)
# While another `crisis-site new` numbers an announcement in the same site.
cli-new-waiting = another `crisis-site new` is writing an announcement in this site; waiting for it to finish, so that the two do not take the same number


# `crisis-site theme export DIR`: what it wrote, then what the files are for.
cli-export-wrote = wrote the built-in theme to { $folder } ({ $count } files):
cli-export-next = these are for reading: copy into the site's templates/, static/ or i18n/ only the files you change (an i18n file needs only the strings you change); every other file keeps coming from crisis-site, with its fixes when you upgrade
cli-export-refused = theme export wrote nothing, since it never overwrites a file: { $count ->
    [one] { $count } file is
   *[other] { $count } files are
  } in the way; export into a new or empty folder, or move { $count ->
    [one] it
   *[other] them
  } away
cli-export-failed = theme export failed
