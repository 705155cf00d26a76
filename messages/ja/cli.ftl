# Messages of cli

# コマンドラインがライブラリのメッセージの前後に出す行。
error-line = エラー: { $text }
warning-line = 注意: { $text }
rebuilt = { $ms } ミリ秒で生成し直しました
rebuild-failed = { $count } 件の問題があり、生成し直せませんでした。プレビューは最後に成功した生成を表示し続けます
# まだ一度も生成できていないときの失敗: 表示できる成功した生成がありません。
rebuild-failed-no-build = { $count } 件の問題があり、生成し直せませんでした。まだ一度も生成に成功していないため、プレビューにはこれらの問題だけを表示します
check-failed = 公開前チェックは、生成も失敗させる { $count } 件の問題で止まりました
build-failed = { $count } 件の問題があり、生成できませんでした。{ $output } は元のままです
external-links = サイト外へのリンク（取得はしていません）: { $count } 件
check-counts = 公開前チェック: エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
standby = 待機中: このサイトはまだ公開状態ではありません（site.toml の `standby = true`）。すべてのページに noindex が付き、robots.txt はすべてのクローラーを拒否します。公開するときは `standby = false` にしてください
built = { $count } 件の発表を { $output } に生成しました（{ $languages } で { $pages } ページ、{ $files } ファイル、{ $ms } ミリ秒）
# 発表の PDF: 件数と、新たに組版した数（残りは前回の出力のまま）。
built-pdfs = PDF { $count } 件：{ $typeset } 件を組版、{ $kept } 件は前回のまま

# 公開前チェックのエラーで止まった生成: 件数、元のままのもの、次の二つの道。
cli-build-refused = 公開前チェックで、公開される内容に { $count } 件のエラーが見つかったため、生成を取りやめました（`crisis-site check` と同じ指摘です）。{ $output } は元のままです。直すか、それでも公開する場合は --publish-with-errors を付けてください
# 指示されて公開前チェックのエラーを含んだまま公開した生成。
cli-published-errors = 公開前チェックのエラー { $count } 件を含んだまま公開しました（--publish-with-errors）。上に挙げた指摘は、読者にもそのまま見えます

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
# 同じサイトで別の `crisis-site new` が発表に番号を付けているあいだ。
cli-new-waiting = 別の `crisis-site new` がこのサイトに発表を書いています。同じ番号にならないよう、終わるまで待ちます


# `crisis-site theme export DIR`: 書き出したもの、それからファイルの使い方。
cli-export-wrote = 組み込みのテーマを { $folder } に書き出しました（{ $count } ファイル）:
cli-export-next = これらは読むためのファイルです。変えたいファイルだけをサイトの templates/、static/、i18n/ に写してください（i18n のファイルには変える文言だけを書けば足ります）。ほかのファイルは crisis-site のものを使い続け、更新したときに修正が届きます。
cli-export-refused = theme export はファイルを上書きしないため、何も書き出していません（書き出し先に既存のファイルが { $count } 件あります）。新しいフォルダーか空のフォルダーに書き出すか、既存のファイルを別の場所に移してください。
cli-export-failed = テーマを書き出せませんでした（theme export）
