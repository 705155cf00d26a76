# Messages of git

git-missing = git target `{ $target }` ({ $location }): this machine has no `git` program; expected it installed (Debian and Ubuntu: apt-get install git; macOS: xcode-select --install)
git-start = git target `{ $target }` ({ $location }): cannot run `git`
git-unreachable = git target `{ $target }` cannot read the repository { $location }: { $reason }; expected a repository you can push to (its URL, or a path from the site's folder), with your credentials in git's credential helper or an ssh key; nothing was sent
git-rejected = git target `{ $target }`: { $location } refused the new commit on branch `{ $branch }`, since the branch moved after it was read (someone else pushed meanwhile); publish again, which builds on what they pushed
git-failed = git target `{ $target }` ({ $location }): `git { $step }` failed: { $reason }

## The commit message (always in English: a record in the repository, the same whoever publishes)

git-commit-subject = crisis-site: { $added } added, { $changed } changed, { $removed } removed
git-commit-added = Announcements added:
git-commit-changed = Announcements changed:
