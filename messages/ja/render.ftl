# Messages of render

# 出力先にすでにあるもの（サイトのフォルダーのファイルでない場合）。
render-generated-page = 生成されるページ
render-collision = { $path } に書き出されますが、そこには別のもの（{ $other }）も書き出されます。出力先のパスごとにファイルは1つだけです。どちらかの名前を変えてください。
render-feed-failed = Atom フィードを書き出せませんでした: { $error }

## [redirects]（転送）

render-redirect-assets = 「{ $from }」からの転送は、フォルダー { $folder } にページを書き出します。ここは生成が内容から名前を付けるファイルのフォルダーで、ブラウザーが1年間保存するため、そのページは後から変更できません。{ $folder } の外の古いパスを指定してください。
render-redirect-replaces = 「{ $from }」からの転送が、生成で { $path } に書き出すもの（{ $other }）を置き換えてしまいます。転送元には、生成でもう書き出さない古いパスを指定してください（転送か、そのページを削除してください）。
render-redirect-needs-folder = 「{ $from }」からの転送にはフォルダー { $folder }/ が必要ですが、生成ではそこにファイル（{ $other }）を書き出します。転送元には、生成でもう書き出さない古いパスを指定してください。
render-redirect-no-target = 転送先「{ $to }」はサイトのページではありません。生成で書き出すページかファイルのパス（announcements/SLUG/ など）を指定してください。
render-redirect-loop = 転送が輪になっています: { $chain }。それぞれの転送が、生成で書き出すページに行き着くようにしてください。
render-pdf-font-unknown = [pdf] の font の「{ $name }」は、テーマやサイトの fonts/ のフォントにも、このマシンにインストールされたフォントにもありません。{ $hint }
render-pdf-no-fonts = フォントファイルをサイトの fonts/ フォルダに置くか、この行を削除して組み込みの BIZ UDPゴシックを使ってください。
render-pdf-layout-missing = PDF のレイアウト「{ $layout }」がテーマにありません。元に戻してください（crisis-site theme export で組み込みのものを書き出せます）。
render-pdf-failed = PDF のレイアウトでエラーが起きました：{ $error }
render-pdf-failed-hint = PDF のレイアウトでエラーが起きました：{ $error }（typst のヒント：{ $hint }）
render-pdf-not-ua = { $error }
render-pdf-not-ua-warning = { $path } はタグ付き PDF ですが PDF/UA-1 にはなりません。フォントで表示できない文字が本文にあります（{ $error }）。その文字を含むフォントを [pdf] の font に指定するか、本文から外してください。
