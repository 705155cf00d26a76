# Messages of config

## ファイル

config-not-found = 見つかりません。サイトのフォルダーの一番上に site.toml が必要です（サイトのフォルダーで実行するか、--root でフォルダーを指定してください）。

## 値

# 読めない値のキーと、その理由。
config-key-invalid = 「{ $key }」: { $invalid }
config-base-url = 「base_url」の{ $invalid }
config-home-latest-zero = 「home_latest」が 0 です。トップページに並べる最新の発表の数を 1 以上で書いてください（例: home_latest = 5）。
config-feed-limit-zero = 「feed_limit」が 0 です。各フィードに載せる発表の数を 1 以上で書いてください（例: feed_limit = 50）。
config-translation-main = 「translations.{ $code }」はサイトの主な言語です。この言語の文言は「translations」ではなく、項目そのものに書いてください。
config-key-report-twice = 主な報告の ID「{ $id }」が 2 回あります。ID はそれぞれ 1 回だけにしてください。

## [[contacts]] と [[alerts]]

config-alert-empty = 「[[alerts]]」の項目の「text」が空です。注意の文言を書いてください。
config-alert-translation-empty = 「[[alerts]]」の翻訳の「text」が空です。注意の文言を書くか、「text」を消してください（消すと元の言語の文言を表示します）。
config-link-invalid = リンク「{ $link }」はウェブアドレスでもサイト内のパスでもありません。https://… か、サイトの一番上からのパス（例: "faq/"。先頭の「/」と「..」は使えません）を書いてください。
config-link-backslash = リンク「{ $link }」に「\」があります。ブラウザは「\」を「/」として読むため、「\\host\x」のようなリンクはほかのサイトへ移ります。パスの区切りには「/」を使い、"announcements/SLUG/" のようにサイトの一番上から書いてください。
config-link-hidden = リンク「{ $link }」は「/」「\」「.」や制御文字を別の書き方（「%2F」「%5C」「%2E」、タブ、改行、前後の空白）で書いています。ブラウザがほかのサイトへのパスとして読むおそれがあります。"faq/" のように、そのままの文字で書いてください。
config-until-before-from = 「{ $table }.until」（{ $until }）が「from」（{ $from }）より前です。期間の終わりは始まりより後にしてください。

## [incident]

config-aware-on-alone = 「incident.aware_on」がありますが、「incident.personal_data」が true ではありません。personal_data = true を書くか、aware_on を消してください。
config-wrongful-act-alone = 「incident.wrongful_act」がありますが、「incident.personal_data」が true ではありません。personal_data = true を書くか、wrongful_act を消してください。
config-aware-on-missing = 「incident.personal_data」が true ですが、「incident.aware_on」がありません。漏えいを知った日を書いてください（例: aware_on = 2026-09-14）。

## [check] と [ir]

config-rule-unknown = 「[check.levels]」: 「{ $rule }」というチェック項目はありません。{ $hint }
config-rule-level = 「[check.levels]」の「{ $rule }」: { $invalid }
config-stale-zero = 「[check]」の「stale_after_days」が 0 です。日数を 1 以上で書いてください（例: stale_after_days = 3）。
config-page-weight-zero = 「[check]」の「page_weight_kb」が 0 です。ページの重さの上限を KB で、1 以上で書いてください（例: page_weight_kb = 30）。
config-ir-empty = 「[ir]」の「{ $key }」が空です。値を書くか、このキーを消してください。
config-securities-code = 「[ir]」の「securities_code」の「{ $code }」は証券コードではありません。数字で始まる半角 4 文字の数字・英大文字にしてください（例: "9999"、"130A"）。
config-pdf-font-empty = [pdf] の font が空です。フォント名（例：「Noto Sans CJK JP」）を書くか、この行を削除して組み込みの BIZ UDPゴシックを使ってください。
