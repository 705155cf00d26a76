# Messages of render

# What is at an output path already, when it is not a file of the site's folder.
render-generated-page = a generated page
render-collision = would be written to { $path } like { $other }; expected one file per output path (rename one of them)
render-feed-failed = cannot write the Atom feed: { $error }

## [redirects]

render-redirect-assets = redirect from `{ $from }` would write a page in { $folder }, the build's folder of files named by their content, which browsers keep for a year, so the page could never be changed; expected an old path outside { $folder }
render-redirect-replaces = redirect from `{ $from }` would replace { $other } at { $path }; expected an old path that the build no longer writes (remove the redirect, or the page)
render-redirect-needs-folder = redirect from `{ $from }` needs a folder { $folder }/, but the build writes { $other } there; expected an old path that the build no longer writes
render-redirect-no-target = redirect target `{ $to }` is not a page of the site; expected the path of a page or file the build writes, such as announcements/SLUG/
render-redirect-loop = redirects go round in a loop: { $chain }; expected each to lead to a page the build writes
