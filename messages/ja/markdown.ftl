# Messages of markdown

## 見出しの ID

markdown-heading-id-theme = 見出しの ID「{ $id }」は、テーマが自分の部品に使う ID（「main」「…-heading」「key-report-…」）です。別の ID にしてください。
markdown-heading-id-twice = 見出しの ID「{ $id }」は、前の見出しですでに使われています。ID はそれぞれ 1 回だけ使ってください。

## 公開するページに入れられない HTML とリンク

# 要素と、書けない理由。
markdown-element = 本文の HTML に「<{ $element }>」は書けません。{ $why }
markdown-no-script = 公開するページにはスクリプトを入れず、ほかのページも埋め込みません。
markdown-no-svg = HTML の中の SVG と MathML は別の規則で読まれ、スクリプトがこの確認をすり抜けるおそれがあります。図は「<img src="FILE.svg">」のように画像として表示してください。
markdown-no-form = 公開するページでは入力を受け付けません。フォームのページへのリンクにしてください。
markdown-no-base = ページのすべてのリンク先が変わってしまいます。
markdown-no-meta = ページをほかへ転送したり、ページの規則を変えたりできてしまいます。
markdown-no-link = スタイルシートなどをほかの場所から読み込んでしまいます。
markdown-no-style = テーマのお知らせ表示も含めて、ページ全体の見た目が変わってしまいます。その要素の「style」属性を使ってください。
# 属性。
markdown-event-attribute = 本文の HTML に属性「{ $attribute }」は書けません。公開するページには JavaScript を入れません。
markdown-srcdoc = 本文の HTML に属性「srcdoc」は書けません。公開するページにはほかのページを埋め込みません。
markdown-formaction = 本文の HTML に属性「formaction」は書けません。公開するページでは入力を受け付けません。
markdown-data-attribute = 本文の HTML の「{ $attribute }」に data: URL は書けません。ファイルへのリンクにしてください（data: URL は画像「data:image/…」にだけ使えます）。
markdown-script-attribute = 本文の HTML の「{ $attribute }」に { $scheme }: URL は書けません。公開するページには JavaScript を入れません。
# markdown のリンクと画像。
markdown-data-link = 「{ $url }」へのリンク: data: URL は画像（「data:image/…」）にだけ使えます。ファイルへのリンクにしてください。
markdown-script-link = 「{ $url }」へのリンク: { $scheme }: URL は使えません。公開するページには JavaScript を入れません。
# タグ、コメント、中身が続く要素の途中で終わっている HTML。
markdown-left-open = 本文の HTML が閉じていません。タグが途中で終わっているか、コメントが閉じていないか、「<textarea>」「<title>」などの要素の中身が続いたままです。HTML が終わる前に閉じてください（HTML のかたまりは空行で終わります）。
markdown-element-left-open = 本文の HTML の「<{ $element }>」が閉じられていません。このままではページの残り（発表の一覧、お問い合わせ窓口、フッター）がこの要素に飲み込まれます。本文の後ろに「</{ $element }>」を書いてください。
markdown-end-tag-not-open = 本文の HTML の「</{ $element }>」は、本文で開いていない要素を閉じています。削除するか、閉じる相手の「<{ $element }>」を前に書いてください。
markdown-end-tag-inner-open = 本文の HTML の「</{ $element }>」は、中の「<{ $inner }>」が閉じられる前に要素を閉じています。先に「</{ $inner }>」を書いてください。
