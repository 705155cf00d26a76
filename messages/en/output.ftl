# Messages of output

# What writing the output was doing when the file system said no; the system's
# reason follows.
output-cannot-write = cannot write { $path }
output-cannot-create = cannot create { $path }
output-cannot-create-in = cannot create a folder in { $folder }
output-cannot-read = cannot read { $path }
output-cannot-inspect = cannot inspect { $path }
output-cannot-copy = cannot copy { $source } to { $target }
output-cannot-move-in = cannot move the new build to { $path }
output-cannot-move-aside = cannot move the previous build { $path } aside
# A warning: the build succeeded, and nothing was lost.
output-previous-kept = the new site is in place, but the previous build could not be deleted from { $path } ({ $error }); delete it by hand
# The test hook CRISIS_SITE_PAUSE_AT names a step that does not exist.
output-unknown-phase = unknown phase `{ $value }`; expected one of { $phases }
# The output is a symbolic link to a folder that does not exist.
output-link-missing = { $path } is a symbolic link to { $target }, which does not exist; create that folder (empty), or remove the link
# The output folder is the site's folder, or holds it or one of its input folders.
output-holds-input = the output folder { $output } is or holds { $input }, which the build reads: replacing the output would take the site's files with it; build into a folder of its own, such as public/ in the site's folder
# The output folder is inside one of the site's input folders (content/, static/ …).
output-inside-input = the output folder { $output } is inside { $input }, which the build reads: each build would read the one before back in and publish it; build into a folder outside the site's inputs, such as public/ in the site's folder
# The output folder is a mount point (or the system says it is busy, as a bind mount is).
output-mount-point = { $path } is a mount point, which cannot be replaced as a whole; build into a folder inside it, such as { $inside }, and serve that folder
# The output folder is, or holds, the folder the build is run from.
output-current-folder = { $path } is or holds the folder the build is run from, which cannot be replaced as a whole; run the build from another folder, or build into a folder inside it, such as { $inside }
