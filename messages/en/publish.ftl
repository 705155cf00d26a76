# Messages of publish: site.toml's [[publish]] and [[notify]], and `crisis-site publish`

## [[publish]] and [[notify]] in site.toml

publish-name-invalid = `[[publish]]` name `{ $name }` is not a name `--to` can take; expected letters, digits, `-` and `_` (at most 64), such as "prod" or "staging"
publish-name-twice = `[[publish]]` name `{ $name }` is declared twice; expected each target's name once
publish-secret-key = `{ $key }` holds a credential, which must never be in site.toml (it is committed and shared); expected it in the environment or the standard configuration of the tool (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or ~/.aws/credentials, an ssh key, git's credential helper)
publish-kind-unknown = `[[publish]]` kind `{ $kind }` is not a kind of target; { $hint }
publish-key-kind = `{ $key }` is for { $owner } targets, and this one is { $kind }; expected it left out
publish-location = `location` `{ $location }` is not where a { $kind } target goes; expected for folder a path ("../www"), for rsync user@host:path ("deploy@web1.example.jp:/srv/incident"), for s3 s3://bucket or s3://bucket/folder, for git the repository's URL or path
publish-webhook = `[[notify]]` webhook `{ $url }` is not a web address; expected https://… (or http:// on your own network)
publish-webhook-env = `[[notify]]` webhook_env `{ $name }` is not the name of an environment variable; expected capital letters, digits and `_`, such as "SLACK_WEBHOOK_URL"
publish-command-empty = `[[notify]]` command is empty; expected the program and its arguments, such as ["/usr/local/bin/tell-team", "--channel", "incident"]
publish-notify-how = `[[notify]]` entry needs one way to tell: expected one of webhook = "https://…", webhook_env = "VARIABLE" (the address in an environment variable) or command = ["program", "argument"]
publish-notify-target = `[[notify]]` names target `{ $name }`, which `[[publish]]` does not declare; { $hint }
publish-no-targets = expected a name of a `[[publish]]` target, and site.toml declares none

## Sending

publish-read-failed = cannot read { $path }
publish-write-failed = cannot write { $path }

## The publish log

publish-log-write = cannot add to the publish log { $path }
publish-log-line = this line of the publish log is not a record crisis-site wrote ({ $cause }); expected the log left as crisis-site appended it: restore the line from a copy, or move the file aside to start a new log

## Before sending

publish-none-declared = site.toml declares no `[[publish]]` target; expected one, such as [[publish]] name = "prod" kind = "folder" location = "../www"
publish-target-unknown = no `[[publish]]` target is named `{ $name }`; { $hint }
publish-to-needed = publish needs `--to NAME`, the name of a `[[publish]]` target (or --plan, or --status)
publish-watch-now = publish --watch follows the machine's clock and takes no --now; expected `publish --plan --now …` to see what a moment will publish
publish-what-drafts = drafts (--drafts)
publish-what-future = embargoed statements (--future)
publish-what-standby = a site in standby (standby = true)
publish-not-staging = target `{ $target }` is not a staging target, and this build holds { $what }; expected staging = true on the target if it is one, or the build without them
publish-cannot-watch = cannot watch { $path } for changes
publish-cannot-lock = cannot take the publish lock { $path }
publish-waiting-for-another = another publish of this site is running; waiting for it to end
publish-older = target `{ $target }` holds the site for { $held }, later than this build's { $moment }; nothing was sent, so that no statement is taken back off the site: publish again (without --now, or with a later one)

## Publishing

publish-done = published to { $target } for { $moment }: { $added } added, { $changed } changed, { $removed } removed, of { $files } files
publish-unchanged = { $target } already holds the site for { $moment } ({ $files } files, { $digest }); nothing sent
publish-announcement-live = live: { $slug }
publish-announcement-amended = amended: { $slug }
publish-retrying = try { $attempt } of publishing to { $target } failed: { $cause }; trying again in { $seconds } s
publish-invalid = { $count } problems; nothing was sent to { $target }
publish-refused = nothing was sent to { $target }: { $cause }
publish-review = the review found { $count } errors in what would be published; nothing was sent to { $target } (fix them, or publish anyway with --publish-with-errors, which the log records)
publish-failed = PUBLISHING FAILED: { $target } did not get the site for { $moment } after { $attempts ->
        [one] one try
       *[other] { $attempts } tries
    }: { $cause }. Readers still see what the target held before; fix the cause and publish again
publish-watch-retry = tried again at { $retry }, or at the next moment if it comes first
publish-watch-idle = no moment is coming: waiting for edits to the site
publish-watch-next = waiting until { $at } for:
publish-watch-plan-failed = the moments to come cannot be worked out: { $cause }; waiting for the site to be fixed
publish-watch-reloaded = the site changed: the moments to come are worked out again

## What changes at a moment

publish-change-numbered = report no. { $number } "{ $title }" ({ $slug }) is published
publish-change-published = "{ $title }" ({ $slug }) is published
publish-change-revised = a revision of "{ $title }" ({ $slug }) comes into force
publish-change-desk-opens = contact desk "{ $name }" opens
publish-change-desk-closes = contact desk "{ $name }" closes
publish-change-alert-starts = alert "{ $text }" starts
publish-change-alert-ends = alert "{ $text }" ends
publish-change-promise-due = the next update promised by { $slug } falls due (the site then says it is late)

## --plan and --status

publish-plan = { $count } moments to come after { $from }:
publish-plan-to = { $count } moments to come after { $from }, each published to { $target } by publish --watch:
publish-plan-invalid = { $count } problems; the moments to come cannot be worked out
publish-plan-failed = the moments to come cannot be worked out: { $cause }
publish-status-none = site.toml declares no `[[publish]]` target
publish-status-invalid = { $count } problems in site.toml or the publish log
publish-status-failed = the publish log cannot be read: { $cause }
publish-status-target = { $target } ({ $kind }, { $location }):
publish-status-live = live since { $sent_at } (the site for { $moment }, sent by { $by }): { $files } files, { $digest }; last confirmed { $checked }
publish-status-never = never published
publish-status-failed-last = the latest try, at { $at }, FAILED: { $cause }
publish-status-announcement = { $slug }: live since { $at }
