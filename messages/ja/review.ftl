# Messages of review

# 指摘の直し方（指摘の次の行）。
finding-hint = 直し方: { $hint }

# 書き手が書いたものを括弧で示す形と、その並べ方: 「a」、「b」。
review-quoted = 「{ $text }」
review-list = { $first }、{ $rest }

## numbering（第N報の番号）

review-number-reused = 第{ $number }報の番号は、「{ $slug }」でも使われています。
review-number-reused-hint = 第N報の番号は、発表ごとに別の番号にしてください。
review-number-gap = 第{ $number }報の前に、公開されていない番号が{ $count }つあります（{ $missing }）。
review-number-gap-hint = 抜けている報を公開するか、1、2、3 … と続くように番号を振り直してください。
review-number-order = 第{ $number }報の日付（{ $date }）が、第{ $earlier }報（「{ $slug }」、{ $earlier_date }）より後になっています。
review-number-order-hint = 番号は日付の順に大きくなるようにしてください。日付か番号を確かめてください。

## stale（更新の途切れ）

review-stale-nothing = 事案の状態が「{ $status }」なのに、発表が1件も公開されていません。
review-stale-nothing-hint = 最初の発表を公開してください。何が起きたか、何をしているか、どこに問い合わせればよいかを書きます。
review-stale = 最新の発表「{ $slug }」（{ $date }）から{ $age }日たっています。事案の状態は「{ $status }」のままで、更新の間隔は{ $days }日です。
review-stale-hint = 新しい情報がなくてもその旨を伝える更新を公開するか、next_update で次の更新の予定を示してください。

## contact-desk（お問い合わせ窓口）

review-no-contact-desk = お問い合わせ窓口が設定されていません。
review-no-contact-desk-hint = [[contacts]] に窓口を追加してください。読み手には、どこに問い合わせればよいかが必要です。
review-contact-desks-closed = 事案の状態が「{ $status }」なのに、お問い合わせ窓口がすべて受付を終えています（{ $names }）。
review-contact-desks-closed-hint = 窓口の `until` を延ばすか、今受け付けている窓口を追加してください。

## key-report-pending（主な報告）

review-key-report-pending = 主な報告「{ $id }」（{ $title }）はまだ準備中です。
review-key-report-pending-hint = 準備ができたら、key_report = "{ $id }" を付けて報告を公開してください。

## next-update-late（次の更新の遅れ）

review-next-update-late = 次の更新は { $at } の予定でしたが、それより新しい発表が公開されていません。
review-next-update-late-hint = 更新を公開するか、いつ更新するかを知らせる短い発表を公開してください。

## confidential-marker（社外秘の表示）

review-confidential-text = 公開する文章に、秘密扱いを示す言葉があります: { $markers }
review-confidential-text-hint = その言葉を削除してください。公開する発表が読み手に秘密を求めることはありません（秘密にすべきことは公開しません）。
review-confidential-attachment = 添付ファイルの名前に、秘密扱いを示す言葉があります: { $markers }
review-confidential-attachment-hint = ファイル名を変え、文書そのものにも同じ表示がないか確かめてください。添付ファイルは誰でも読めるように公開されます。

## required-sections（必要な節）

review-missing-section = kind = "{ $kind }" の発表「{ $slug }」に、{ $topic }の節がありません。
review-missing-section-hint = その内容の節を `##` の見出しで追加してください。見出しには次のどれかの言葉を入れます: { $phrases }
# 漏えい等の本人通知に書くべき事項。
review-topic-overview = 事態の概要
review-topic-personal-data = 漏えいした（おそれのある）個人データの項目
review-topic-cause = 原因
review-topic-secondary-damage = 二次被害またはそのおそれの有無
review-topic-contact = お問い合わせ窓口などの参考情報

## translation-outdated（古くなった翻訳）

review-translation-outdated = { $at } に{ $what }。この翻訳（{ $own }）より後の変更です。
review-original-updated = 原文が更新されました
review-original-corrected = 原文が「{ $slug }」で訂正されました
review-translation-outdated-hint = 翻訳を原文に合わせて直し、直した日時を翻訳の `updated` に設定してください。

## pdf-only（PDF だけの発表）

review-pdf-only = 本文に、添付ファイル（{ $names }）のほかはほとんど何も書かれていません。本文は半角換算で{ $columns }字で、{ $least }字に足りません。
review-pdf-only-hint = 要点（何が起きたか、誰に影響があるか、何をすればよいか）をページそのものに書いてください。スマートフォンや読み上げソフトでは PDF が読みにくいためです。

## image-alt（画像の代替テキスト）

review-image-alt-unnamed = 画像に代替テキストがありません。
review-image-alt = 画像「{ $src }」に代替テキストがありません。
review-image-alt-hint = 画像が何を示しているかを代替テキストに書いてください（`![示している内容](file.png)`）。画像を見られない読み手にも、その情報が必要です。

## broken-link（切れたリンク）

review-link-invalid = 「{ $href }」は正しい URL ではありません。
review-link-outside = 「{ $href }」はサイトの外（最上位のフォルダーより上）を指しています。
review-link-missing = 「{ $href }」の行き先「{ $path }」が、生成した出力にありません。
review-link-no-id = 「{ $href }」の行き先「{ $path }」に、id が「{ $fragment }」の場所がありません。
review-link-in-entry = フィードの項目 { $entry } の中: { $message }
# どの本文にも書かれていないリンクの出どころ。
review-link-templates = テーマのテンプレート（themes/{ $theme }/templates/、またはサイトの templates/）か site.toml の設定
review-link-from-templates-hint = このリンクは{ $templates }から来ています。そこで直してください。
review-link-in-source-hint = { $source } のリンクを直してください。
review-link-not-in-source-hint = このリンクは { $source } には書かれていません。{ $templates }を確かめてください。
review-link-in-entry-hint = フィードの項目の内容は発表の本文です。本文のリンクを直すか、テーマの partials/feed_entry.html を直してください。
review-link-of-feed-hint = フィードのリンクは crisis-site 自身が作っています。不具合として報告してください。

## ir-identity（適時開示の記載事項）

review-ir-identity = IR の発表が{ $count }件公開されていますが、`[ir]` に { $missing } がありません。
review-ir-identity-hint = 適時開示には証券コード、取引所、問い合わせ先を記載します。site.toml の [ir] に追加してください。

## page-weight（ページの重さ）

review-page-weight = ページの重さが { $total } KB（HTML { $html } KB + CSS { $css } KB）で、上限の { $budget } KB を超えています。
review-page-weight-hint = アクセスが集中しても表示できるように、ページを短くするか、詳しい内容を添付ファイルに移すか、[check] の page_weight_kb を上げてください。
review-script = ページに <script> 要素があります。公開するページにはスクリプトを入れません。
review-script-hint = テーマのテンプレート（themes/{ $theme }/templates/、またはサイトの templates/）から削除してください。

## reporting-deadlines（個人情報保護委員会への報告期限）

review-ppc-preliminary = 個人情報保護委員会への速報: 事態を知った日（{ $aware }）から速やかに、おおむね3〜5日以内（{ $by } ごろまで）に提出します。{ $left }
review-ppc-final = 個人情報保護委員会への確報: 事態を知った日（{ $aware }）から{ $days }日以内（{ $by } まで）に提出します。{ $left }
review-ppc-final-wrongful = 個人情報保護委員会への確報: 不正の目的による漏えいのおそれがあるため、事態を知った日（{ $aware }）から{ $days }日以内（{ $by } まで）に提出します。{ $left }
review-ppc-hint = これは一般的な決まりの確認で、法的助言ではありません。どの報告がいつまでに必要かは、弁護士と個人情報保護委員会のガイドラインで確かめてください。
# 期限まであと何日か。
review-deadline-today = 今日が期限です。
review-deadline-left = あと{ $days }日です。
review-deadline-passed = 期限を{ $days }日過ぎています。

# phone-number: お問い合わせ窓口の `phone` に電話番号と内線以外のものが書かれている。
phone-more-than-a-number = お問い合わせ窓口「{ $desk }」の `phone` に、電話番号のほかに「{ $rest }」が書かれています。電話をかけるリンク（tel:）には含めません。
phone-not-a-number = お問い合わせ窓口「{ $desk }」の `phone`「{ $phone }」が電話番号で始まっていません。電話をかけるリンク（tel:）を付けずに表示します。
phone-number-hint = `phone` には電話番号だけを書いてください。内線があれば「03-1234-5678 内線 2」のように続けて書けます。受付時間は窓口の `hours` に、そのほかの注記は `name` に書いてください。

## placeholder, empty-section

# 公開される文、または site.toml の値に残った仮の記入（書かれたとおり）。
review-placeholder = 公開される文に仮の記入「{ $placeholder }」が残っています。
review-placeholder-hint = 仮の記入を、実際の内容に書き換えてください。まだ公開できない発表は下書き（`draft = true`）のままにできます。
# 下に何もない見出し（見出しの文言）。
review-empty-section = 見出し「{ $heading }」の下に本文がありません（次の同じか上の階層の見出しまで、またはファイルの終わりまで）。
review-empty-section-hint = 本文を書くか、見出しを削除してください。
review-official-pdf = 正式な PDF「{ $name }」に{ $what }がありません（タイトル「{ $title }」、日付 { $date }）。読む人や取引所が、食い違う二つの文書を目にすることになります。
review-official-pdf-title = 発表のタイトル
review-official-pdf-date = 発表の日付
review-official-pdf-both = 発表のタイトルまたは日付
review-official-pdf-hint = ページと PDF のタイトルと日付をそろえるか、開示した PDF を添付してください。
review-official-pdf-unreadable = 正式な PDF「{ $name }」の文字を読み取れないため、ページと照合できません（破損・暗号化、または画像として取り込まれたページ）。
review-official-pdf-unreadable-hint = 文書から保存した（文字を含む）PDF を添付してください。取引所やスクリーンリーダーにも必要です。
