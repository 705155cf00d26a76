# Messages of commands

## 生成（build）

# base_url がない生成: 何が省かれるか、どう直すか。
no-base-url = `base_url` が設定されていません（site.toml または --base-url）。Atom フィード、sitemap.xml、正規 URL と共有プレビューの URL が省かれ、robots.txt はサイトマップを示さず、status.json と summary.json に URL が入らず、banner.html はサイトへ相対リンクになります（埋め込みではなく枠内表示でのみ動きます）。公開先のアドレスを `base_url` に設定してください。

## 公開前チェック（check）

# 公開前チェックは、build と同じように、まず一時フォルダーにサイトを生成します。
commands-check-scratch = 公開前チェック用の一時フォルダーを作れませんでした
