# notify のメッセージ: `crisis-site publish` がチームに知らせる内容（[[notify]]）

## 通知の text（チャットツール向け、発表ごとに1行）

notify-added-numbered = [{ $site }] 第{ $number }報を公開しました：{ $title }
notify-added = [{ $site }] 公開しました：{ $title }
notify-amended-numbered = [{ $site }] 第{ $number }報を更新しました：{ $title }
notify-amended = [{ $site }] 更新しました：{ $title }
notify-publish-failed = [{ $site }] 公開に失敗しました：{ $target } に { $moment } 時点のサイトを送れませんでした：{ $cause }。読者には以前の内容が表示されたままです。
# 発表のアドレスを後ろに付けた行。
notify-with-address = { $line } { $url }

## 知らせられなかった通知先（警告として表示。公開はそのまま有効です）

notify-failed = site.toml の { $line } 行目の `[[notify]]` でチームに知らせられませんでした: { $why }。公開はそのまま有効です。ほかの方法でチームに知らせ、この設定を直してください。
notify-webhook-status = Webhook { $webhook } が HTTP { $status } を返しました（2xx が必要です）
notify-webhook-unreachable = Webhook { $webhook } に接続できませんでした（{ $cause }）
notify-webhook-timeout = Webhook { $webhook } が { $seconds } 秒以内に応答しませんでした
notify-command-start = コマンド `{ $program }` を実行できませんでした（{ $cause }）
notify-command-exit = コマンド `{ $program }` が終了ステータス { $status } で終わりました（0 が必要です）
notify-command-signal = コマンド `{ $program }` がシグナルで終了しました
notify-command-timeout = コマンド `{ $program }` が { $seconds } 秒以内に終わらなかったため、停止しました
notify-webhook-env-missing = webhook のアドレスを入れるはずの環境変数 { $variable } が設定されていません。crisis-site publish を実行する環境（systemd のユニットの Environment= か EnvironmentFile=、またはシェル）で設定してください
notify-webhook-env-invalid = 環境変数 { $variable } の値がウェブのアドレスではありません。webhook の https://… のアドレスを設定してください
