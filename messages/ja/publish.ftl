# publish のメッセージ：site.toml の [[publish]] と [[notify]]、crisis-site publish

## site.toml の [[publish]] と [[notify]]

publish-name-invalid = 「[[publish]]」の name「{ $name }」は --to で指定できる名前ではありません。英数字・「-」・「_」（64 文字まで）で書いてください（例：「prod」「staging」）
publish-name-twice = 「[[publish]]」の name「{ $name }」が 2 回宣言されています。公開先の名前は 1 回ずつにしてください
publish-secret-key = 「{ $key }」は認証情報です。site.toml（コミットされ共有されるファイル）には決して書かないでください。環境変数か各ツールの標準の設定に置いてください（AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY または ~/.aws/credentials、ssh の鍵、git の認証ヘルパー）
publish-kind-unknown = 「[[publish]]」の kind「{ $kind }」は公開先の種類ではありません。{ $hint }
publish-key-kind = 「{ $key }」は { $owner } の公開先のための項目で、この公開先は { $kind } です。削除してください
publish-location = 「location」の「{ $location }」は { $kind } の公開先として読めません。folder ならパス（「../www」）、rsync なら user@host:path（「deploy@web1.example.jp:/srv/incident」）、s3 なら s3://bucket か s3://bucket/folder、git ならリポジトリの URL かパスを書いてください
publish-webhook = 「[[notify]]」の webhook「{ $url }」はウェブのアドレスではありません。https://…（社内ネットワークなら http://）で書いてください
publish-command-empty = 「[[notify]]」の command が空です。プログラムと引数を書いてください（例：["/usr/local/bin/tell-team", "--channel", "incident"]）
publish-notify-how = 「[[notify]]」には知らせ方を 1 つ書いてください：webhook = "https://…" か command = ["program", "argument"] のどちらか一方です
publish-notify-target = 「[[notify]]」が公開先「{ $name }」を指定していますが、「[[publish]]」にありません。{ $hint }
publish-no-targets = 「[[publish]]」の公開先の名前を書いてください。site.toml には公開先がありません

## 送信

publish-read-failed = { $path } を読めません
publish-write-failed = { $path } に書き込めません
