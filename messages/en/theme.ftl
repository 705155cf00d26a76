# Messages of theme

## Where the theme's files come from

# site.toml names a theme whose folder is missing; the place is site.toml's `theme` line.
theme-not-found = theme `{ $name }` not found: there is no folder { $folder }; create it with the templates, static files or strings the site changes (every other file comes from the built-in theme), or remove `theme` to use the built-in theme
# A file or folder of the theme that the file system refuses to read.
theme-unreadable = cannot be read: { $error }
# A theme file saved in another encoding than UTF-8 (Shift_JIS, UTF-16).
theme-not-utf8 = is not UTF-8 text; save it as UTF-8

# A static file whose name crisis-site keeps for its own files in the output.
theme-static-reserved = names beginning with `{ $reserved }` are crisis-site's own in the output folder (its marker `.crisis-site-output`); rename the file
# A static file in the folder the build keeps for the files it names by their content.
theme-static-assets = the folder { $folder } is the build's own: it holds the files it names by their content (the stylesheet), which browsers and hosts keep for a year, so a file there could never be changed for readers; move the file to another folder of static/

## Strings (i18n/LANG.toml)

# The site is in a language no layer of the theme has strings for.
theme-no-strings = no strings for `{ $lang }`: the site has content in `{ $lang }`, but the built-in theme has strings only for { $languages }; write this file with every string (`crisis-site theme export DIR` writes the built-in i18n/en.toml to start from)
theme-strings-unreadable = cannot be read ({ $error }); every language of the site needs the theme's strings
theme-missing-strings = missing strings { $keys }; expected every one of them
# A date pattern that cannot show dates; the problem says why.
theme-bad-pattern = `{ $key }`: { $problem }

## Templates

theme-template-failed = template `{ $name }` failed: { $error }
# A template of the built-in theme failed: the site's own files around it lack what it uses.
theme-built-in-template-failed = template `{ $name }` of the built-in theme failed: { $error }; the site's own templates or strings lack what it uses (`crisis-site theme export DIR` writes the built-in files to read)
theme-templates-failed = templates failed: { $error }
