# Messages of notify: what `crisis-site publish` tells the team ([[notify]])

## The payload's text, one line per announcement, for chat tools

notify-added-numbered = [{ $site }] report no. { $number } published: { $title }
notify-added = [{ $site }] published: { $title }
notify-amended-numbered = [{ $site }] report no. { $number } amended: { $title }
notify-amended = [{ $site }] amended: { $title }
notify-publish-failed = [{ $site }] PUBLISHING FAILED: { $target } did not get the site for { $moment }: { $cause }. Readers still see what it held before.
# A line with the announcement's address after it.
notify-with-address = { $line } { $url }

## An entry that could not be told (printed as a warning; the publish stands)

notify-failed = the team was not told through the `[[notify]]` entry on line { $line } of site.toml: { $why }; the publish stands, so tell the team another way and fix the entry
notify-webhook-status = webhook { $webhook } answered HTTP { $status }, expected a 2xx answer
notify-webhook-unreachable = webhook { $webhook } could not be reached ({ $cause })
notify-webhook-timeout = webhook { $webhook } did not answer within { $seconds } s
notify-command-start = command `{ $program }` could not be run ({ $cause })
notify-command-exit = command `{ $program }` exited with status { $status }, expected 0
notify-command-signal = command `{ $program }` was ended by a signal
notify-command-timeout = command `{ $program }` did not finish within { $seconds } s and was stopped
notify-webhook-env-missing = the environment variable { $variable } that should hold the webhook's address is not set; expected it set where crisis-site publish runs (in the systemd unit's Environment= or EnvironmentFile=, or the shell)
notify-webhook-env-invalid = the environment variable { $variable } does not hold a web address; expected the webhook's https://… address
