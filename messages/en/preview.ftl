# Messages of preview

# The overlay over a page of the last good build, after a rebuild failed.
preview-overlay-heading = crisis-site: the last edit broke the build. This page is the last good build. Fix these and save:
# The preview's own page where no good build has a page to show.
preview-no-build-title = crisis-site: no good build yet
preview-no-build-text = No build since the preview started has made this page, so there is no good page of the site to show here. Fix these problems and save; this page reloads by itself:
