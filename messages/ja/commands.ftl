# Messages of commands

## 生成（build）

# base_url がない生成: 何が省かれるか、どう直すか。
no-base-url = `base_url` が設定されていません（site.toml または --base-url）。Atom フィード、sitemap.xml、正規 URL と共有プレビューの URL が省かれ、robots.txt はサイトマップを示さず、status.json と summary.json に URL が入らず、banner.html はサイトへ相対リンクになります（埋め込みではなく枠内表示でのみ動きます）。公開先のアドレスを `base_url` に設定してください。

## テーマの書き出し（theme export）

# theme export の書き出し先がファイル。
commands-export-not-a-folder = フォルダーではなくファイルです。組み込みのテーマを書き出すフォルダーを指定してください（theme export は上書きしません）。
# 組み込みのテーマのファイルが、書き出し先のその場所にすでにある。
commands-export-exists = すでにあります
commands-export-cannot-create = { $folder } を作れません
commands-export-cannot-write = { $file } に書き込めません
