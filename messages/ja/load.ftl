# Messages of load

## 書き間違えたかもしれない名前

# どれにも当たらない名前についてのメッセージの結び: ありそうな書き間違い、またはある名前。
load-did-you-mean = 「{ $name }」のことですか？
load-expected-one-of = { $names }のどれかを書いてください。
# 書く形のままの名前の一覧: 1 つ、または 1 つと残り。
load-name = 「{ $name }」
load-names = 「{ $name }」、{ $rest }

## ファイル

load-unreadable = 読み込めません（{ $cause }）。
load-symlink = 「{ $target }」へのシンボリックリンクです。サイトのフォルダーの外のものがリンクを通して公開されないよう、crisis-site はシンボリックリンクを読みません。リンクではなく、ファイルやフォルダーそのものをここに置いてください。
load-not-regular = 通常のファイルではなく、{ $kind ->
    [fifo] 名前付きパイプ（FIFO）
    [socket] ソケット
    [device] デバイス
   *[other] 特殊なファイル
  }です。読み込むと終わらないおそれがあるため、crisis-site は通常のファイルとフォルダーだけを読みます。サイトのフォルダーから取り除いてください。
load-not-announcement = 発表のファイルではありません。NAME.md にするか、index.md と添付ファイルを入れたフォルダー NAME/ にしてください。
load-markdown-in-folder = 発表のフォルダーに markdown のファイルがあります。このフォルダーに置ける markdown は index.md と index.LANG.md だけです（ほかのファイルは添付ファイルとして公開されます）。

# ブラウザーが実行してしまう添付ファイル・静的ファイル（SVG、XHTML、XML、HTML）。
load-active-file = 「{ $what }」が含まれています。ページから開くと、読者のブラウザーでプログラムとして動きます。添付ファイルと静的ファイルはデータだけにしてください。取り除くか、PDF や PNG にして公開してください。
load-active-unreadable = XML として読めません（{ $cause }）。読者のブラウザーでプログラムとして動くかどうかを確かめられません。作成したソフトで保存し直すか、PDF や PNG にして公開してください。
load-active-compressed = 圧縮された SVG で、読者のブラウザーで動くプログラムが含まれていないかを確かめられません。圧縮せずに（.svg）添付するか、PDF や PNG にしてください。
load-attachment-collision = 「{ $name }」と「{ $other }」は、大文字と小文字、または文字の符号化（Unicode の正規化）しか違わないため、Windows や macOS、多くの公開先では同じ一つのファイルになります。どちらかの名前を変えてください。
load-folder-without-index = 発表のフォルダーに index.md がありません。サイトの主な言語（{ $main }）で { $folder }/index.md を作ってください。
load-same-slug = スラッグ「{ $slug }」はすでに { $first } で使われています。1 つの発表のファイルは 1 つだけにしてください（NAME.md か NAME/index.md のどちらか）。
load-translation-no-original = 翻訳の元になる発表がありません。サイトの主な言語（{ $main }）で { $folder }/{ $name }.md か { $folder }/{ $name }/index.md を作ってください。
load-overview-name = ファイル名が違います。_index.md にするか、翻訳ならサイトの主な言語（{ $main }）以外の言語で _index.LANG.md（例: _index.en.md）にしてください。
load-not-in-site = サイトのファイルではありません。発表は { $announcements }、ページは { $pages }、概要は { $overview } に置いてください。

## 発表の冒頭の設定

load-missing-front-matter = 冒頭の設定（+++ で囲んだ部分）がありません。ファイルの 1 行目を「+++」にして title、date、channel を書き、次の「+++」の行で閉じてください。
# 読めない値のキーと、その理由。
load-key-invalid = 「{ $key }」: { $invalid }
load-number-zero = 「number」が 0 です。第N報の番号は 1 から始まります（例: number = 1）。
load-channel-unknown = 「{ $channel }」という channel はありません。適時開示は "ir"、お知らせは "pr"、両方なら ["ir", "pr"] と書いてください（例: channel = "pr"）。
load-channel-empty = 「channel」の一覧が空です。適時開示は "ir"、お知らせは "pr"、両方なら ["ir", "pr"] と書いてください（例: channel = "pr"）。
load-channel-wrong-type = 「channel」が { $value } になっています。適時開示は "ir"、お知らせは "pr"、両方なら ["ir", "pr"] と書いてください（例: channel = "pr"）。
load-next-update-before-date = 「next_update」の { $next } が、発表の「date」（{ $date }）より前です。次の発表を予定している日時を書いてください。
load-updated-before-date = 「updated」の { $updated } が、発表の「date」（{ $date }）より前です。公開した本文を最後に直した日時を書いてください。
load-updated-before-revision = 「updated」の { $updated } が、最新の訂正・追記（{ $revision }）より前です。最後に訂正・追記した日時を書くか、「updated」を消してください（消すと最新の訂正・追記の日時を使います）。

## 発表の表

load-entry-empty-name = 「[[{ $table }]]」の項目の「name」が空です。名前を書いてください。
load-entry-twice = 「[[{ $table }]]」に「{ $name }」が 2 回あります。1 つの発表ではそれぞれ 1 回だけ書いてください。
# text が空の項目と、text に書くこと。
load-entry-empty-text = 「[[{ $table }]]」の項目の「text」が空です。{ $expected }を書いてください。
load-timeline-text = 何が起きたか
load-revision-text = 何を訂正・追記したか
load-revision-before-date = 訂正・追記の日時 { $at } が、発表の「date」（{ $date }）より前です。公開した本文を訂正・追記した日時を書いてください。

## 翻訳と元の発表

# 翻訳が違う値で繰り返した値: ここでの値、元の発表での値。
load-differs = 「{ $key }」がここでは{ $here }、元の発表 { $original } では{ $there }です。同じ値にするか、消してください（翻訳は元の発表の値を引き継ぎます）。
load-entry-differs = 「[[{ $table }]]」の { $n } 番目の項目の「{ $key }」がここでは{ $here }、元の発表 { $original } では{ $there }です。同じ値にするか、消してください（翻訳は元の発表の値を引き継ぎます）。
# 元の発表にない値。
load-not-set = 未設定
load-table-count = 「[[{ $table }]]」の項目がここでは { $here } 件、元の発表 { $original } では { $there } 件です。元の発表と同じ項目を同じ順に書いてください。
load-translation-updated-before-date = 「updated」の { $updated } が、発表の「date」（{ $date }）より前です。この翻訳を最後に直した日時を書いてください。

## 発表どうし

load-corrects-unknown = 「corrects」に書いた「{ $target }」という発表はありません。{ $hint }
load-corrects-expected = 訂正する元の発表のスラッグ（ファイル名かフォルダー名）を書いてください。
load-corrects-not-earlier = 「corrects」に書いた「{ $target }」の日時（{ $corrected }）が、この発表（{ $date }）より前ではありません。訂正できるのは、この発表より前の発表です。
load-key-report-undeclared = 主な報告「{ $id }」は site.toml にありません。{ $hint }
load-no-key-reports = site.toml に主な報告がまだありません。この ID で「[[key_reports]]」を追加してください。
load-key-report-twice = 主な報告「{ $id }」はすでに { $first } で使われています。1 つの主な報告に使う発表は 1 つだけにしてください。

## ページ

load-page-missing-front-matter = 冒頭の設定（+++ で囲んだ部分）がありません。ファイルの 1 行目を「+++」にして title = "…" を書き、次の「+++」の行で閉じてください。
load-not-page = ページのファイルではありません。NAME.md（翻訳は NAME.LANG.md）にしてください（ページにはフォルダーや添付ファイルは使えません）。
load-page-name-invalid = 「{ $name }」はページの名前（ページの URL）に使えません。半角の英小文字 a-z、数字、「-」、「_」だけの名前にしてください（例:「faq」）。
# サイトが作るフォルダーと同じ名前のページ: 公開される場所、それが誰のフォルダーか。
load-page-name-taken = ページ名「{ $name }」は { $name }/ に公開されますが、そこは{ $taken }です。別の名前にしてください（{ $reserved }とサイトの言語コードは使えません）。
load-site-folder = サイトが自分で使うフォルダー
load-language-folder = その言語のページを置くフォルダー
load-page-translation-no-original = 翻訳の元になるページがありません。サイトの主な言語（{ $main }）で { $file } を作ってください。
load-home-pages-twice = 「home_pages」に「{ $name }」が 2 回あります。ページはそれぞれ 1 回だけ書いてください。
load-home-pages-unknown = 「home_pages」: { $folder }/ に「{ $name }」というページはありません。{ $hint }
load-no-pages = ページがまだありません。{ $file } を作ってください。

## ファイル

load-name-not-lang = ファイル名の「.md」の前に「.{ $code }」があり、翻訳の言語として読みましたが、{ $reason }
load-name-main-lang = 「.{ $code }.md」はサイトの主な言語（{ $main }）です。原文は { $name }.md です（翻訳は別の言語で「名前.言語.md」と名付けます）。

## 冒頭の設定（+++ で囲んだ部分）

load-front-matter-yaml = 冒頭の設定が「---」（YAML）で始まっています。「+++」の行で囲んで TOML で書いてください。
load-front-matter-unclosed = 冒頭の設定が「+++」で始まっていますが、閉じられていません。設定の後にもう一度「+++」の行を書いてください。
load-title-empty = 「title」（題名）が空です。題名を書いてください。
load-bidi-control = 「{ $key }」に文字の並ぶ向きを変える制御文字（U+202A〜U+202E、U+2066〜U+2069）があります。後ろの文字が入れ替わって表示されます（「rlo」、U+202E、「fdp.exe」と並べた名前は「rloexe.pdf」と読めます）。この文字を取り除いてください。
load-attachment-bidi = 添付ファイル名「{ $name }」に文字の並ぶ向きを変える制御文字（U+202A〜U+202E、U+2066〜U+2069）があります。名前が入れ替わって表示されます（「rlo」、U+202E、「fdp.exe」と並べた名前は「rloexe.pdf」と読めます）。この文字を含まない名前に変えてください。
# 読めない冒頭の設定の値: キー、その理由。
load-key-value = `{ $key }`: { $reason }

# チャンネルの一覧と同じ名前の発表（一覧のページに上書きされる）。
load-slug-is-list = 「{ $name }」は「{ $name }」の発表の一覧（announcements/{ $name }/）の名前で、この発表のページが一覧を置き換えてしまいます。「2023-06-06-{ $name }-notice」のように別の名前を付けてください。
load-official-pdf-not-pdf = official_pdf の「{ $name }」は PDF ではありません。開示した PDF ファイル（例：「{ $name }.pdf」）を指定するか、official_pdf を削除してビルドで PDF を作成してください。
load-official-pdf-missing = official_pdf の「{ $name }」は、この発表のフォルダにありません。{ $hint }
load-official-pdf-none = PDF を発表のフォルダ（NAME/index.md と同じ NAME/ の中）に置くか、official_pdf を削除してビルドで PDF を作成してください。
