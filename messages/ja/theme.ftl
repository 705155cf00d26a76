# Messages of theme

## テーマのファイルがどこから来るか

# site.toml が名前を挙げたテーマのフォルダーがない。場所は site.toml の `theme` の行。
theme-not-found = テーマ「{ $name }」が見つかりません（{ $folder } というフォルダーがありません）。変えたいテンプレート・静的ファイル・文言だけを入れてこのフォルダーを作ってください（ほかのファイルは組み込みのテーマのものを使います）。組み込みのテーマを使う場合は `theme` の行を消してください。
# ファイルシステムが読ませないテーマのファイルやフォルダー。
theme-unreadable = 読み込めません: { $error }
# UTF-8 以外（Shift_JIS、UTF-16）で保存されたテーマのファイル。
theme-not-utf8 = UTF-8 のテキストではありません。UTF-8 で保存し直してください。

# crisis-site が出力で自分のファイルに使う名前の静的ファイル。
theme-static-reserved = 「{ $reserved }」で始まる名前は、crisis-site が出力フォルダーで自分のファイル（目印の .crisis-site-output）に使います。ファイル名を変えてください。
# 生成が内容から名前を付けるファイルのためのフォルダーにある静的ファイル。
theme-static-assets = フォルダー { $folder } は生成が使います。内容から名前を付けるファイル（スタイルシート）を置き、ブラウザーやホスティングが1年間保存するため、ここに置いたファイルは変更しても読者に届きません。static/ の別のフォルダーに移してください。

## 文言（i18n/LANG.toml）

# どの層のテーマにも文言がない言語でサイトが書かれている。
theme-no-strings = 「{ $lang }」の文言がありません。サイトに「{ $lang }」の内容がありますが、組み込みのテーマの文言は { $languages } だけです。このファイルを作り、すべての文言を書いてください（`crisis-site theme export フォルダー名` で組み込みの i18n/en.toml を書き出せるので、それを元にできます）。
theme-strings-unreadable = 読み込めません（{ $error }）。サイトの言語ごとにテーマの文言が必要です。
theme-missing-strings = 文言 { $keys } がありません。サイトの言語ごとに、すべての文言が必要です。
# 日付を表示できない日付の書式。理由は problem が言う。
theme-bad-pattern = `{ $key }`: { $problem }

## テンプレート

theme-template-failed = テンプレート「{ $name }」でエラーになりました: { $error }
# 組み込みのテーマのテンプレートでエラー: まわりのサイト側のファイルに、それが使うものが欠けている。
theme-built-in-template-failed = 組み込みのテーマのテンプレート「{ $name }」でエラーになりました: { $error }。サイト側のテンプレートや文言に、このテンプレートが使うものが欠けています（`crisis-site theme export フォルダー名` で組み込みのファイルを書き出して読めます）。
theme-templates-failed = テンプレートでエラーになりました: { $error }
