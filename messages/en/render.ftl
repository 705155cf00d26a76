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
render-pdf-font-unknown = [pdf] font names `{ $name }`, which is neither among the fonts of the theme's or the site's fonts/ nor installed on this machine; { $hint }
render-pdf-no-fonts = put its font files in the site's fonts/ folder, or remove the key to use the built-in BIZ UDPGothic
render-pdf-layout-missing = the PDF layout `{ $layout }` is missing from the theme; restore it (crisis-site theme export writes the built-in one)
render-pdf-failed = the PDF layout failed: { $error }
render-pdf-failed-hint = the PDF layout failed: { $error } (typst says: { $hint })
render-pdf-not-ua = { $error }
render-pdf-not-ua-warning = { $path } is tagged but not PDF/UA-1, since its text has a character its fonts cannot show ({ $error }); set [pdf] font to a font that has it, or leave it out of the text
