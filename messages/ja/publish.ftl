# publish のメッセージ：site.toml の [[publish]] と [[notify]]、crisis-site publish

## site.toml の [[publish]] と [[notify]]

publish-name-invalid = 「[[publish]]」の name「{ $name }」は --to で指定できる名前ではありません。英数字・「-」・「_」（64 文字まで）で書いてください（例：「prod」「staging」）
publish-name-twice = 「[[publish]]」の name「{ $name }」が 2 回宣言されています。公開先の名前は 1 回ずつにしてください
publish-secret-key = 「{ $key }」は認証情報です。site.toml（コミットされ共有されるファイル）には決して書かないでください。環境変数か各ツールの標準の設定に置いてください（AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY または ~/.aws/credentials、ssh の鍵、git の認証ヘルパー）
publish-kind-unknown = 「[[publish]]」の kind「{ $kind }」は公開先の種類ではありません。{ $hint }
publish-key-kind = 「{ $key }」は { $owner } の公開先のための項目で、この公開先は { $kind } です。削除してください
publish-location = 「location」の「{ $location }」は { $kind } の公開先として読めません。folder ならパス（「../www」）、rsync なら user@host:path（「deploy@web1.example.jp:/srv/incident」）、s3 なら s3://bucket か s3://bucket/folder、git ならリポジトリの URL かパスを書いてください
publish-webhook = 「[[notify]]」の webhook「{ $url }」はウェブのアドレスではありません。https://…（社内ネットワークなら http://）で書いてください
publish-webhook-env = 「[[notify]]」の webhook_env「{ $name }」は環境変数の名前ではありません。英大文字・数字・「_」で書いてください（例：「SLACK_WEBHOOK_URL」）
publish-command-empty = 「[[notify]]」の command が空です。プログラムと引数を書いてください（例：["/usr/local/bin/tell-team", "--channel", "incident"]）
publish-notify-how = 「[[notify]]」には知らせ方を 1 つ書いてください：webhook = "https://…"、webhook_env = "変数名"（アドレスを環境変数に置く場合）、command = ["program", "argument"] のいずれか 1 つです
publish-notify-target = 「[[notify]]」が公開先「{ $name }」を指定していますが、「[[publish]]」にありません。{ $hint }
publish-no-targets = 「[[publish]]」の公開先の名前を書いてください。site.toml には公開先がありません

## 送信

publish-read-failed = { $path } を読めません
publish-write-failed = { $path } に書き込めません

## 公開記録

publish-log-write = 公開記録 { $path } に追記できません
publish-log-line = 公開記録のこの行は crisis-site が書いた記録として読めません（{ $cause }）。crisis-site が追記したままにしてください。写しから行を戻すか、ファイルを別の場所に移して新しい記録を始めてください

## 送信の前

publish-none-declared = site.toml に「[[publish]]」の公開先がありません。たとえば [[publish]] name = "prod" kind = "folder" location = "../www" のように宣言してください
publish-target-unknown = 「{ $name }」という「[[publish]]」の公開先はありません。{ $hint }
publish-to-needed = publish には「--to 名前」（「[[publish]]」の公開先の名前）が必要です（または --plan か --status）
publish-watch-now = publish --watch はこのマシンの時計に従うため --now は指定できません。ある時刻に何が公開されるかは「publish --plan --now …」で確認してください
publish-what-drafts = 下書き（--drafts）
publish-what-future = 解禁前の発表（--future）
publish-what-standby = 待機中のサイト（standby = true）
publish-not-staging = 公開先「{ $target }」はステージング用ではありませんが、この生成には{ $what }が含まれています。ステージング用の公開先なら staging = true を付け、そうでなければそれを含めずに生成してください
publish-cannot-watch = { $path } の変更を監視できません
publish-cannot-lock = 公開のロック { $path } を取得できません
publish-waiting-for-another = このサイトの別の公開が実行中です。終わるのを待っています
publish-older = 公開先「{ $target }」は { $held } 時点のサイトを保持しており、この生成の { $moment } より新しいため、何も送信していません（発表を取り下げてしまわないためです）。もう一度公開してください（--now なしか、より後の時刻で）

## 公開

publish-done = { $moment } 時点のサイトを { $target } に公開しました：全 { $files } ファイルのうち 追加 { $added }、変更 { $changed }、削除 { $removed }
publish-unchanged = { $target } は { $moment } 時点のサイトをすでに保持しています（{ $files } ファイル、{ $digest }）。何も送信していません
publish-announcement-live = 公開：{ $slug }
publish-announcement-amended = 更新：{ $slug }
publish-retrying = { $target } への公開の { $attempt } 回目が失敗しました：{ $cause }。{ $seconds } 秒後にもう一度試します
publish-invalid = { $count } 件の問題があり、{ $target } には何も送信していません
publish-refused = { $target } には何も送信していません：{ $cause }
publish-review = 公開しようとした内容に、点検で { $count } 件のエラーが見つかりました。{ $target } には何も送信していません（直すか、--publish-with-errors でそのまま公開してください。その場合は公開記録に残ります）
publish-failed = 公開に失敗しました：{ $attempts } 回試しましたが、{ $moment } 時点のサイトを { $target } に送れませんでした：{ $cause }。読者には以前の内容が表示されたままです。原因を直して、もう一度公開してください
publish-watch-retry = { $retry } に再試行します（それより前に次の時刻が来ればその時刻に）
publish-watch-idle = 予定された時刻はありません。サイトの編集を待っています
publish-watch-next = { $at } まで待ちます。その時刻に：
publish-watch-plan-failed = 今後の時刻を求められません：{ $cause }。サイトが直るのを待っています
publish-watch-reloaded = サイトが変更されました。今後の時刻を求め直します

## 各時刻に変わること

publish-change-numbered = 第{ $number }報「{ $title }」（{ $slug }）が公開されます
publish-change-published = 「{ $title }」（{ $slug }）が公開されます
publish-change-revised = 「{ $title }」（{ $slug }）の改訂が反映されます
publish-change-desk-opens = 窓口「{ $name }」の受付が始まります
publish-change-desk-closes = 窓口「{ $name }」の受付が終わります
publish-change-alert-starts = お知らせ「{ $text }」の表示が始まります
publish-change-alert-ends = お知らせ「{ $text }」の表示が終わります
publish-change-promise-due = { $slug } が予告した次の発表の時刻になります（以後、サイトは遅れていると表示します）

## --plan と --status

publish-plan = { $from } より後の予定：{ $count } 件
publish-plan-to = { $from } より後の予定：{ $count } 件（publish --watch がそれぞれ { $target } に公開します）
publish-plan-invalid = { $count } 件の問題があり、今後の時刻を求められません
publish-plan-failed = 今後の時刻を求められません：{ $cause }
publish-status-none = site.toml に「[[publish]]」の公開先がありません
publish-status-invalid = site.toml または公開記録に { $count } 件の問題があります
publish-status-failed = 公開記録を読めません：{ $cause }
publish-status-target = { $target }（{ $kind }、{ $location }）：
publish-status-live = { $sent_at } から公開中（{ $moment } 時点のサイト、実行者 { $by }）：{ $files } ファイル、{ $digest }。最終確認 { $checked }
publish-status-never = 公開したことはありません
publish-status-failed-last = 最後の試行（{ $at }）は失敗しました：{ $cause }
publish-status-announcement = { $slug }：{ $at } から公開中
