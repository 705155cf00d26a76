# Messages of publish: site.toml's [[publish]] and [[notify]], and `crisis-site publish`

## [[publish]] and [[notify]] in site.toml

publish-name-invalid = `[[publish]]` name `{ $name }` is not a name `--to` can take; expected letters, digits, `-` and `_` (at most 64), such as "prod" or "staging"
publish-name-twice = `[[publish]]` name `{ $name }` is declared twice; expected each target's name once
publish-secret-key = `{ $key }` holds a credential, which must never be in site.toml (it is committed and shared); expected it in the environment or the standard configuration of the tool (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY or ~/.aws/credentials, an ssh key, git's credential helper)
publish-kind-unknown = `[[publish]]` kind `{ $kind }` is not a kind of target; { $hint }
publish-key-kind = `{ $key }` is for { $owner } targets, and this one is { $kind }; expected it left out
publish-location = `location` `{ $location }` is not where a { $kind } target goes; expected for folder a path ("../www"), for rsync user@host:path ("deploy@web1.example.jp:/srv/incident"), for s3 s3://bucket or s3://bucket/folder, for git the repository's URL or path
publish-webhook = `[[notify]]` webhook `{ $url }` is not a web address; expected https://… (or http:// on your own network)
publish-command-empty = `[[notify]]` command is empty; expected the program and its arguments, such as ["/usr/local/bin/tell-team", "--channel", "incident"]
publish-notify-how = `[[notify]]` entry needs one way to tell: expected either webhook = "https://…" or command = ["program", "argument"], not both and not neither
publish-notify-target = `[[notify]]` names target `{ $name }`, which `[[publish]]` does not declare; { $hint }
publish-no-targets = expected a name of a `[[publish]]` target, and site.toml declares none

## Sending

publish-read-failed = cannot read { $path }
publish-write-failed = cannot write { $path }
