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
