# Messages of base

# ファイル操作の失敗: していたこと、システムの理由。
io-failed = { $context }: { $cause }
foreign-output = { $path }: crisis-site が書いたフォルダーではない（中に { $marker } がない）ため、置き換えません。空のフォルダー、存在しないフォルダー、または以前の生成の出力先を指定してください。

## 日付と日時（site.toml、冒頭の設定）

time-expected = 「2023-06-06T17:00:00+09:00」のように日時を書いてください（時差を書かない場合はサイトのタイムゾーンで読みます）。
time-expected-when = 「2023-06-06」のような日付か、「2023-06-06T17:00:00+09:00」のような日時を書いてください（時差を書かない場合はサイトのタイムゾーンで読みます）。
time-wrong-type = 値の種類が違います（{ $found } になっています）。{ $expected }
time-not-local = 「{ $text }」はサイトのタイムゾーンにない時刻です。{ $expected }
time-no-time = 「{ $text }」には時刻がありません。{ $expected }
time-not-date-time = 「{ $text }」は日時として読めません。{ $expected }
time-not-when = 「{ $text }」は日付としても日時としても読めません。{ $expected }
# 手書きの日付（全角数字、スラッシュ、年月日）: 書くべき形。
time-write-as = 「{ $text }」は crisis-site が読める日付の書き方ではありません。「{ $written }」と書いてください（時差を書かない場合はサイトのタイムゾーンで読みます）。
# コマンドラインの `--now` が日時として読めないとき: 入力から作った書き方の例。
now-invalid = --now の「{ $text }」は日時として読めません。「{ $local }」（site.toml のタイムゾーンで読みます）や「{ $fixed }」のように書いてください。
time-not-offset = 「{ $text }」は時差（UTC からのずれ）として読めません。「+09:00」や「-05:00」のように書いてください。
time-bad-pattern = 「{ $pattern }」は日付の書式として読めません（chrono の strftime の書式で書いてください）。
time-pattern-not-day = 「{ $pattern }」には時刻か時差が入っています。%Y、%m、%d のような日付の項目だけで書いてください。

## 言語

lang-not-code = 「{ $code }」は言語コードではありません。「ja」や「en」のような小文字のコードを書いてください。

## テキストファイル

# UTF-8 以外の文字コードで保存されたファイル（その名前を示す）。
encoding-saved-as = このファイルは UTF-8 ではなく { $encoding } で保存されています。UTF-8 で保存し直してください（エディターの「名前を付けて保存」で文字コードに UTF-8 を選びます）。
encoding-not-utf8 = このファイルは UTF-8 のテキストではありません。UTF-8 で保存し直してください（エディターの「名前を付けて保存」で文字コードに UTF-8 を選びます）。
time-year-range = 「{ $text }」はサイトのタイムゾーンで 9999 年より後（または 1 年より前）になります。4 桁の年で日付を書いてください。
