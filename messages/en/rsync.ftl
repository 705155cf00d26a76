# Messages of rsync
