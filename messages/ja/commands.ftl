# Messages of commands

## 生成（build）

# base_url がない生成: 何が省かれるか、どう直すか。
no-base-url = `base_url` が設定されていません（site.toml または --base-url）。Atom フィード、sitemap.xml、正規 URL と共有プレビューの URL が省かれ、robots.txt はサイトマップを示さず、status.json と summary.json に URL が入らず、banner.html はサイトへ相対リンクになります（埋め込みではなく枠内表示でのみ動きます）。公開先のアドレスを `base_url` に設定してください。

# 公開しなかったファイル: エディター・OS・バージョン管理の残したもの。
commands-leftover-skipped = 「{ $path }」は公開しませんでした。エディター・OS・バージョン管理が残すファイル（Office の所有者ファイル、Thumbs.db、desktop.ini、.DS_Store、バックアップやスワップファイル、.git/）です。この表示をなくすには、削除するか、サイトのフォルダーの外へ移してください。

## 公開前チェック（check）

# 公開前チェックは、build と同じように、まず一時フォルダーにサイトを生成します。
commands-check-scratch = 公開前チェック用の一時フォルダーを作れませんでした

## init と new が書くファイル

commands-cannot-create = { $path } を作れません
commands-cannot-write = { $path } に書き込めません
commands-cannot-replace = { $path } を置き換えられません

## init

commands-init-is-a-file = ファイルです。新しいサイトには、まだないフォルダーか空のフォルダーを指定してください（init は上書きしません）。
commands-init-not-empty = 空ではありません。新しいサイトには、まだないフォルダーか空のフォルダーを指定してください（init は上書きしません）。
commands-init-cannot-move = 新しいサイトを { $path } に移せません

## new

commands-new-title-empty = タイトルが空です。発表のタイトルを指定してください（例: crisis-site new "システム障害について（第2報）" --channel pr）。
commands-new-title-lines = タイトルが複数行になっています。1行で指定してください。
commands-new-title-front-matter = タイトルに「+++」だけの行があり、冒頭の設定（+++ で囲んだ部分）を終わらせてしまいます。「+++」の行を含まない1行で指定してください。
commands-new-slug-taken = 発表「{ $slug }」はすでにあります。別のスラッグ（URL に使う名前）を --slug で指定してください。
commands-new-main-language = 「{ $lang }」はサイトの主な言語です。翻訳の言語（例: en）を指定してください。
commands-new-no-original = 翻訳する発表「{ $of }」がありません。{ $folder } に { $of }.md か { $of }/index.md が必要です。
# 同じ内容に、サイトの発表のうち打ち間違いらしいものを添えたもの。
commands-new-no-original-like = 翻訳する発表「{ $of }」は { $folder } にありません。「{ $best }」のことですか？
commands-new-file-exists = すでにあります。新しいファイルを指定してください（何も変更していません）。
# 2つの `new` が同じ番号を使わないよう、順番を待つためのファイル。
commands-new-cannot-lock = { $path } をロックできません（2つの `crisis-site new` が同じ番号を使わないためのファイルです）

## テーマの書き出し（theme export）

# theme export の書き出し先がファイル。
commands-export-not-a-folder = フォルダーではなくファイルです。組み込みのテーマを書き出すフォルダーを指定してください（theme export は上書きしません）。
# 組み込みのテーマのファイルが、書き出し先のその場所にすでにある。
commands-export-exists = すでにあります
commands-export-cannot-create = { $folder } を作れません
commands-export-cannot-write = { $file } に書き込めません
