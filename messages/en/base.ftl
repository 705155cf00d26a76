# Messages of base

# Text not yet moved into the catalogs.
untranslated = { $text }

# A file operation failed: what was being done, then the system's reason.
io-failed = { $context }: { $cause }
foreign-output = { $path }: refusing to replace it, since crisis-site did not write it (no { $marker } inside); expected an empty folder, a missing one, or the output of an earlier build
