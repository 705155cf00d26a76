# Messages of load

## ファイル

load-cannot-read = 読めません: { $cause }
load-name-not-lang = ファイル名の「.md」の前に「.{ $code }」があり、翻訳の言語として読みましたが、{ $reason }
load-name-main-lang = 「.{ $code }.md」はサイトの主な言語（{ $main }）です。原文は { $name }.md です（翻訳は別の言語で「名前.言語.md」と名付けます）。

## 冒頭の設定（+++ で囲んだ部分）

load-front-matter-yaml = 冒頭の設定が「---」（YAML）で始まっています。「+++」の行で囲んで TOML で書いてください。
load-front-matter-unclosed = 冒頭の設定が「+++」で始まっていますが、閉じられていません。設定の後にもう一度「+++」の行を書いてください。
load-title-empty = 「title」（題名）が空です。題名を書いてください。
# 読めない冒頭の設定の値: キー、その理由。
load-key-value = `{ $key }`: { $reason }
