# Messages of TOML files (site.toml, front matter, theme strings): slips of the
# keyboard first, then what the TOML reader and serde say, in the writers' words.

## Slips, each at its line and column

toml-full-width-space = a full-width space (`　`) is not a space TOML reads; type a half-width space, or delete it
toml-full-width-equals = the `＝` after `{ $key }` is full-width; type a half-width `=`
toml-full-width-hash = the `＃` is full-width; type a half-width `#` to start a comment
toml-curly-quotes = `{ $quote }` is not a quote TOML reads; put the text between straight double quotes: "…"
toml-colon = `{ $key }` is followed by `{ $colon }`; TOML sets a key with `=`: { $key } = …
toml-full-width-digits = `{ $value }` has full-width digits; type them half-width: { $written }
toml-unquoted-date = the date `{ $value }` needs quotes and the form crisis-site reads: { $key } = "{ $written }"
toml-unquoted-text = text is written between quotes: { $key } = "{ $value }"

## Tables

toml-table-not-list = `[{ $name }]` is one of a list; write `[[{ $name }]]` (two brackets) above each one
toml-key-under-table = `{ $key }` is below `{ $table }` (line { $table_line }), so TOML reads it as a key of that table, which has none of that name; move it above line { $first_table_line }, the file's first table, where the keys of the file itself go

## What the TOML reader says

toml-unknown-key-suggest = unknown key `{ $key }`; did you mean `{ $suggestion }`?
toml-unknown-key-list = unknown key `{ $key }`; expected one of { $expected }
toml-unknown-key = unknown key `{ $key }`
toml-missing-key = missing required key `{ $key }`
toml-unknown-value = unknown value `{ $value }`; expected { $expected }
toml-duplicate-key = this key is already set earlier in the same table; expected each key once
toml-wrong-type = wrong type: { $found }, { $expected }
toml-wrong-type-only = wrong type: { $found }
toml-expected = expected { $what }
toml-expected-whole-number = expected a whole number (without quotes)
toml-expected-boolean = expected true or false (without quotes)
# Anything else the TOML reader says, in its own words.
toml-syntax = { $detail }
toml-something-else = something else
toml-one = { $one }
toml-list = { $init } or { $last }
