# Messages of config

## The file

config-not-found = not found; every site needs a site.toml at its root (run in the site's folder or pass --root)

## Values

# A key whose value cannot be read, and why.
config-key-invalid = `{ $key }`: { $invalid }
config-base-url = `base_url` { $invalid }
config-home-latest-zero = `home_latest` is 0; expected how many of the newest announcements the home page lists (1 or more)
config-feed-limit-zero = `feed_limit` is 0; expected how many announcements each feed carries (1 or more)
config-translation-main = `translations.{ $code }` is the site's main language; expected the words in the entry itself
config-key-report-twice = key report id `{ $id }` is declared twice; expected each id once

## [[contacts]] and [[alerts]]

config-alert-empty = `[[alerts]]` entry has an empty `text`; expected the warning
config-alert-translation-empty = `[[alerts]]` translation has an empty `text`; expected the warning (or leave `text` out to show the original's)
config-link-invalid = link `{ $link }` is neither a web address nor a path inside the site; expected https://… or a path from the site's root such as "faq/" (no leading `/`, no `..`)
config-link-backslash = link `{ $link }` holds a backslash `\`, which browsers read as `/` (so `\\host\x` leads to another site); expected `/` between the parts of a path from the site's root, such as "announcements/SLUG/"
config-link-hidden = link `{ $link }` spells a `/`, `\`, `.` or control character another way (`%2F`, `%5C`, `%2E`, a tab or line break, a space at either end), which a browser may read as a path to another site; expected the path written out plainly, such as "faq/"
config-until-before-from = `{ $table }.until` ({ $until }) is before `from` ({ $from }); expected the end of the period, after its start

## [incident]

config-aware-on-alone = `incident.aware_on` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no aware_on
config-wrongful-act-alone = `incident.wrongful_act` is set but `incident.personal_data` is not true; expected personal_data = true with it, or no wrongful_act
config-aware-on-missing = `incident.personal_data` is true but `incident.aware_on` is missing; expected the day the company became aware of the leak, e.g. aware_on = 2026-09-14

## [check] and [ir]

config-rule-unknown = `[check.levels]`: unknown rule `{ $rule }`; { $hint }
config-rule-level = `[check.levels]` `{ $rule }`: { $invalid }
config-stale-zero = `[check] stale_after_days` is 0; expected a number of days, 1 or more
config-page-weight-zero = `[check] page_weight_kb` is 0; expected a budget in KB, 1 or more
config-ir-empty = `[ir] { $key }` is empty; expected a value, or leave the key out
config-securities-code = `[ir] securities_code` `{ $code }` is not a securities code; expected 4 digits or capital letters starting with a digit, such as "9999" or "130A"
config-pdf-font-empty = [pdf] font is empty; name a font family (for example "Noto Sans CJK JP"), or remove the key to use the built-in BIZ UDPGothic
