# Messages of model

## 発表

# 発表の URL にできないファイル名・フォルダー名。
model-slug-invalid = 「{ $name }」は発表の URL（スラッグ）に使えません。半角の英小文字 a-z、数字、「-」、「_」だけの名前にしてください（例:「2023-06-06-first-notice」）。
model-slug-reserved = 「{ $name }」はスラッグ（発表やページのフォルダー名）に使えません。Windows が装置の名前（con、prn、aux、nul、com1〜com9、lpt1〜lpt9）として予約しているため、そこではサイトをコピーも公開もできません。別の名前にしてください。
# 種類にない `kind` と、種類の一覧。
model-kind-unknown = 「{ $kind }」という種類（kind）はありません。{ $known } と書いてください。
model-kind-last = "{ $kind }"
model-kind-or = "{ $kind }" または { $rest }

## site.toml

model-level-unknown = 「{ $level }」という重さ（レベル）はありません。"error"、"warning"、"info"、"off" のどれかを書いてください。
model-key-report-id-invalid = 主な報告の ID「{ $id }」は使えません。半角の英小文字、数字、「-」だけにしてください（例:「investigation-report」）。

# `base_url`: 何が違うか、どう書くか。
model-base-url-expected = 公開先のアドレスを「https://incident.example.jp/」のように書いてください。
model-base-url-not-absolute = 「{ $url }」は完全なアドレス（URL）ではありません（{ $cause }）。{ $expected }
model-base-url-not-web = 「{ $url }」は https:// または http:// で始まるアドレスではありません。{ $expected }
model-base-url-query = 「{ $url }」に「?」や「#」で始まる部分があります。サイトのアドレスだけにしてください。{ $expected }
model-base-url-user-info = 「{ $url }」の「@」の前にユーザー名やパスワードがあります（ここでは省いています）。このままでは全ページの正規 URL、サイトマップ、フィード、JSON に公開されます。「user:password@」を除いてください。{ $expected }

## ファイル名

model-name-reserved = 「{ $name }」という名前は、Windows が装置の名前（con、prn、aux、nul、com1〜com9、lpt1〜lpt9。拡張子が付いても同じ）として予約しているため、そこではサイトをコピーも公開もできません。名前を変えてください。
model-name-character = 「{ $name }」という名前に、Windows がファイル名に使えない「{ $character }」が含まれています（: * | ? < > " \ と制御文字）。名前を変えてください。
model-name-trailing = 「{ $name }」という名前は、点か空白で終わっています。Windows はこれを取り除くため、そこではリンクが切れます。名前を変えてください。

## [redirects]

# 使えない古いパスまたは転送先: そのパス、理由、どう書くか。
model-redirect-from = [redirects] の古いパス「{ $from }」は{ $reason }。{ $expected }
model-redirect-to = [redirects] の転送先「{ $to }」は{ $reason }。{ $expected }
model-redirect-from-expected = サイトのページの古いパスを書いてください（例:「announcements/old-slug/」。先頭の「/」はあってもなくても構いません。「..」「?」「#」は使えません）。
model-redirect-to-expected = サイトのページのパス（例:「announcements/2026-09-15-new-slug/」。「#見出しの ID」を付けても構いません）か、https:// で始まるアドレスを書いてください。
# パスが使えない理由。
model-redirect-web-address = ウェブアドレスで、このサイトのパスではありません
model-redirect-not-a-page = 「.{ $extension }」のファイルを指していて、転送用のページでは置き換えられません（ページとは「/」で終わるフォルダーか「.html」のファイルです）
model-redirect-no-host = ホスト名（例: www.example.jp）がありません
model-redirect-bad-address = 正しいウェブアドレスではありません（{ $cause }）
model-redirect-empty = 空です
model-redirect-scheme = サイトのパスではありません
model-redirect-query = 「?」以降（クエリ）を含んでいます。この部分はファイルのパスではありません
model-redirect-fragment = 「#」以降を含んでいます。ブラウザーはこの部分をサイトに送りません
model-redirect-encoding = パーセントエンコード（%E6 など）が UTF-8 として読めません
model-redirect-backslash = 「\」を含んでいます。サイトのパスの区切りは「/」です
model-redirect-climbs = 「..」「.」または空の部分（「//」）を含んでいます
# 同じ古いパスの 2 通りの書き方。
model-redirect-twice = [redirects] の古いパス「{ $from }」は、{ $line } 行目の「{ $earlier }」と同じパス（{ $file }）です。古いパスはそれぞれ 1 回だけ書いてください。
