# Messages of output

# 出力を書いている途中でファイル操作が失敗したとき、していたこと（この後にシステムの理由が続きます）。
output-cannot-write = { $path } に書き込めませんでした
output-cannot-create = { $path } を作れませんでした
output-cannot-create-in = { $folder } の中にフォルダーを作れませんでした
output-cannot-read = { $path } を読めませんでした
output-cannot-inspect = { $path } を確かめられませんでした
output-cannot-copy = { $source } を { $target } にコピーできませんでした
output-cannot-move-in = 新しい生成結果を { $path } に移せませんでした
output-cannot-move-aside = 前回の生成結果 { $path } を一時的に別の場所へ移せませんでした
# 注意: 生成は成功し、失われたものはありません。
output-previous-kept = 新しいサイトに置き換えましたが、前回の生成結果を { $path } から削除できませんでした（{ $error }）。手で削除してください。
# テスト用の CRISIS_SITE_PAUSE_AT に、ない段階が指定されたとき。
output-unknown-phase = 「{ $value }」という段階はありません。次のどれかを指定してください: { $phases }
# 出力先がシンボリックリンクで、その行き先のフォルダーがないとき。
output-link-missing = { $path } は { $target } へのシンボリックリンクですが、そのフォルダーがありません。空のフォルダーを作るか、リンクを削除してください。
# 出力先が、サイトのフォルダーや入力のフォルダーそのものか、それを含むとき。
output-holds-input = 出力先のフォルダー { $output } は、生成が読み込む { $input } そのものか、それを含むフォルダーです。置き換えるとサイトのファイルも失われるため、生成しません。サイトのフォルダーの public/ など、出力専用のフォルダーを指定してください。
# 出力先が、入力のフォルダー（content/、static/ など）の中にあるとき。
output-inside-input = 出力先のフォルダー { $output } は、生成が読み込む { $input } の中にあります。次の生成がこの出力を読み込んで公開してしまうため、生成しません。サイトのフォルダーの public/ など、入力のフォルダーの外を指定してください。
# 出力先がマウントポイントのとき（バインドマウントのように、使用中だとシステムが答えたときも）。
output-mount-point = { $path } はマウントポイントのため、まとめて置き換えられません。{ $inside } など、その中のフォルダーに生成し、そのフォルダーを公開してください。
# 出力先が、生成を実行しているフォルダーそのものか、それを含むとき。
output-current-folder = { $path } は生成を実行しているフォルダーそのものか、それを含むため、まとめて置き換えられません。別のフォルダーから実行するか、{ $inside } など、その中のフォルダーに生成してください。
