# Messages of cli

# コマンドラインがライブラリのメッセージの前後に出す行。
error-line = エラー: { $text }
warning-line = 注意: { $text }
rebuilt = { $ms } ミリ秒で生成し直しました
rebuild-failed = { $count } 件の問題があり、生成し直せませんでした。プレビューは最後に成功した生成を表示し続けます
check-failed = 公開前チェックは、生成も失敗させる { $count } 件の問題で止まりました
build-failed = { $count } 件の問題があり、生成できませんでした。{ $output } は元のままです
external-links = サイト外へのリンク（取得はしていません）: { $count } 件
check-counts = 公開前チェック: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
standby = 待機中: このサイトはまだ公開状態ではありません（site.toml の `standby = true`）。すべてのページに noindex が付き、robots.txt はすべてのクローラーを拒否します。公開するときは `standby = false` にしてください
built = { $count } 件の発表を { $output } に生成しました（{ $languages } で { $pages } ページ、{ $files } ファイル、{ $ms } ミリ秒）

# サイトの内容以外の理由で止まったコマンド: 何が失敗したか、その理由。
command-failed = { $what }: { $cause }
init = サイトを作れませんでした（init）
new = 発表を書けませんでした（new）
serve = プレビューが止まりました
check = 公開前チェックができませんでした
build-output-kept = 生成できませんでした。出力先のフォルダーは元のままです
init-wrote = 新しいサイトを { $folder } に作りました（{ $count } ファイル）:
init-next = 次は: cd { $folder } && crisis-site serve
serving = プレビューを { $url } で表示しています（下書きと公開予定の発表も表示します。Ctrl-C で止まります）

# `crisis-site theme export DIR`: 書き出したもの、それからファイルの使い方。
cli-export-wrote = 組み込みのテーマを { $folder } に書き出しました（{ $count } ファイル）:
cli-export-next = これらは読むためのファイルです。変えたいファイルだけをサイトの templates/、static/、i18n/ に写してください（i18n のファイルには変える文言だけを書けば足ります）。ほかのファイルは crisis-site のものを使い続け、更新したときに修正が届きます。
cli-export-refused = theme export はファイルを上書きしないため、何も書き出していません（書き出し先に既存のファイルが { $count } 件あります）。新しいフォルダーか空のフォルダーに書き出すか、既存のファイルを別の場所に移してください。
cli-export-failed = テーマを書き出せませんでした（theme export）
