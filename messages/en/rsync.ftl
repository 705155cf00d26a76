# Messages of rsync

rsync-missing = rsync target `{ $target }` ({ $remote }): this machine has no `rsync` program; expected it installed (Debian and Ubuntu: apt-get install rsync; macOS: brew install rsync)
rsync-start = rsync target `{ $target }` ({ $remote }): cannot start `rsync`
rsync-unreachable = rsync target `{ $target }` cannot reach rsync on { $remote }: { $reason }; expected the host up, ssh logging in without a question (your key in the host's authorized_keys, the host in your known_hosts, as `ssh -o BatchMode=yes` checks) and rsync installed there; nothing was sent
rsync-foreign = rsync target `{ $target }`: { $remote } holds files crisis-site did not publish (no { $marker } inside), which publishing would delete; expected an empty or missing folder, or one crisis-site published to; nothing was sent
rsync-failed = rsync target `{ $target }` could not update { $remote }: rsync exited with status { $status }: { $stderr }
rsync-parent-missing = rsync target `{ $target }`: neither { $remote } nor the folder it would be made in, { $parent }, exists on the host, and rsync makes only the last folder of a path; create { $parent } there (or correct the location); nothing was sent
