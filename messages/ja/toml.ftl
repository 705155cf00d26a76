# TOML ファイル（site.toml、冒頭の設定、テーマの文言）のメッセージ: まず打ち間違い、
# 次に TOML の読み取りと serde が言うことを、書き手の言葉で。

## 打ち間違い（行と桁を示す）

toml-full-width-space = 全角のスペース（「　」）があります。半角のスペースにするか、消してください。
toml-full-width-equals = 「{ $key }」の後の「＝」が全角です。半角の「=」に直してください。
toml-full-width-hash = 「＃」が全角です。コメントにするときは半角の「#」で始めてください。
toml-curly-quotes = 「{ $quote }」は TOML の引用符ではありません。文字列は半角の二重引用符 "…" で囲んでください。
toml-colon = 「{ $key }」の後が「{ $colon }」になっています。TOML では「=」で値を書きます: { $key } = …
toml-full-width-digits = 「{ $value }」に全角の数字があります。半角で書いてください: { $written }
toml-unquoted-date = 日付「{ $value }」は引用符で囲み、crisis-site が読める形で書いてください: { $key } = "{ $written }"
toml-unquoted-text = 文字列は引用符で囲んでください: { $key } = "{ $value }"

## 見出し（テーブル）

toml-table-not-list = 「[{ $name }]」は複数書ける項目です。一つごとに「[[{ $name }]]」（角かっこ二つ）と書いてください。
toml-key-under-table = 「{ $key }」が「{ $table }」（{ $table_line } 行目）より下にあるため、その見出しの項目として読まれますが、そこにはその名前の項目がありません。ファイル全体の項目は最初の見出し（{ $first_table_line } 行目）より上に書きます。そこへ移してください。

## TOML の読み取りが言うこと

toml-unknown-key-suggest = `{ $key }` というキーはありません。`{ $suggestion }` のことですか？
toml-unknown-key-list = `{ $key }` というキーはありません。書けるのは { $expected } です。
toml-unknown-key = `{ $key }` というキーはありません。
toml-missing-key = 必須のキー `{ $key }` がありません。
toml-unknown-value = `{ $value }` という値は使えません。書けるのは { $expected } です。
toml-duplicate-key = このキーは同じ見出しの中で前にも書かれています。各キーは一度だけ書いてください。
toml-wrong-type = 値の種類が違います（{ $found }）。{ $expected }
toml-wrong-type-only = 値の種類が違います（{ $found }）。
toml-expected = 期待される値: { $what }
toml-expected-whole-number = 整数を引用符なしで書いてください。
toml-expected-boolean = true か false を引用符なしで書いてください。
# TOML の読み取りが言うその他のこと（読み取りの言葉のまま）。
toml-syntax = TOML として読めません（{ $detail }）。引用符と「=」を確かめてください。
toml-something-else = ほかの値
toml-one = { $one }
toml-list = { $init }、{ $last } のいずれか
