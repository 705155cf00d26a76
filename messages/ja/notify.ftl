# notify のメッセージ
