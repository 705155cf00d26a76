# rsync のメッセージ
