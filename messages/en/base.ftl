# Messages of base

# A file operation failed: what was being done, then the system's reason.
io-failed = { $context }: { $cause }
foreign-output = { $path }: refusing to replace it, since crisis-site did not write it (no { $marker } inside); expected an empty folder, a missing one, or the output of an earlier build

## Dates and times (site.toml, front matter)

time-expected = expected an RFC 3339 date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)
time-expected-when = expected a date such as 2023-06-06 or a date-time such as 2023-06-06T17:00:00+09:00 (without the offset, the site's timezone is used)
time-wrong-type = wrong type: found { $found }; { $expected }
time-not-local = `{ $text }` is not a valid local time; { $expected }
time-no-time = `{ $text }` has no time of day; { $expected }
time-not-date-time = `{ $text }` is not a date-time; { $expected }
time-not-when = `{ $text }` is not a date or a date-time; { $expected }
# A date written by hand (full-width digits, slashes, 年月日): the form to type.
time-write-as = `{ $text }` is not written the way crisis-site reads dates; write `{ $written }` (without the offset, the site's timezone is used)
# `--now` on the command line that is not a date and time: what to type, from what was typed.
now-invalid = --now: `{ $text }` is not a date and time; type e.g. `{ $local }` (read in site.toml's timezone) or `{ $fixed }`
time-not-offset = `{ $text }` is not a UTC offset; expected a value such as "+09:00" or "-05:00"
time-bad-pattern = `{ $pattern }` is not a valid date pattern (chrono strftime syntax)
time-pattern-not-day = `{ $pattern }` names a time of day or zone; expected only date fields such as %Y, %m, %d

## Languages

lang-not-code = `{ $code }` is not a language code; expected a lowercase code such as `ja` or `en`

## Text files

# A file saved in another encoding than UTF-8, named.
encoding-saved-as = the file is saved as { $encoding }, not UTF-8; save it again as UTF-8 (in the editor's "Save as", choose the encoding UTF-8)
encoding-not-utf8 = the file is not UTF-8 text; save it again as UTF-8 (in the editor's "Save as", choose the encoding UTF-8)
time-year-range = `{ $text }` is after the year 9999 in the site's timezone (or before the year 1); expected a date with a four-digit year
