# Messages of preview

# 生成し直せなかったときに、最後に成功した生成のページの上に出す表示。
preview-overlay-heading = crisis-site: 最後の編集で生成できなくなりました。このページは最後に成功した生成のものです。次の問題を直して保存してください：
# 成功した生成に表示できるページがないときの、プレビュー自身のページ。
preview-no-build-title = crisis-site: まだ生成に成功していません
preview-no-build-text = プレビューを始めてから、このページを生成できたことはまだありません。そのため、表示できるサイトのページがありません。次の問題を直して保存してください。このページは自動で読み込み直します：

# プレビューのサーバー。
preview-cannot-start = プレビューのサーバーを起動できません
preview-no-address = プレビューのサーバーのアドレスを読めません
preview-cannot-listen = { $address }:{ $port } で待ち受けできません
preview-ports-taken = { $address } で待ち受けできません。ポート { $first } から { $last } はすべて使われています。--port でポートを指定してください
preview-cannot-watch = { $path } の変更を見張れません
# サイトの内容以外の理由で失敗した生成し直し。
preview-build-error = { $cause }

# プレビューの全ページに出るバーと、そのリンク先の公開前チェックのページ。
preview-review-bar = プレビュー · 公開前チェックの指摘（crisis-site check）
preview-review-title = 公開前チェック（crisis-site check）
preview-review-intro = 今公開した場合のサイト（下書きなし、公開予定の発表なし）について、crisis-site check が出す指摘です。このページはプレビューにだけあります。
preview-review-back = サイトに戻る
preview-review-counts = エラー { $errors } 件、警告 { $warnings } 件、情報 { $infos } 件
preview-review-build-fails = 生成を失敗させる問題が { $count } 件あります
preview-review-unreadable = サイトを読めませんでした

# プレビューのアドレス以外を名指しした要求に返すページ（421）。
preview-wrong-host-title = crisis-site: このプレビューのアドレスではありません
preview-wrong-host = このプレビューは自分のアドレス { $url } でだけ応答します。この要求は「{ $host }」を指定していました。別のサイトのページがプレビューを通して下書きを読もうとしている可能性があります。上のアドレスを開いてください。

# --bind で他のコンピューターからプレビューを開けるようにしたときに、起動時に出す注意。
preview-exposed = プレビューは { $address } で待ち受けています。このアドレスに届くすべてのコンピューターから、表示中の下書きと公開予定の発表を読めます。意図したものでなければ Ctrl-C で止めてください
preview-exposed-everywhere = プレビューはこのコンピューターのすべてのアドレス（{ $address }）で待ち受けています。ここに届くすべてのコンピューターから、表示中の下書きと公開予定の発表を読めます。他のコンピューターからは、{ $address } ではなくこのコンピューター自身のアドレスとポート { $port } で開きます。意図したものでなければ Ctrl-C で止めてください
