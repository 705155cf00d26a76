# Messages of s3: the `s3` target of `crisis-site publish`
# s3 のメッセージ：crisis-site publish の s3 公開先

## 送信前に確かめる鍵・リージョン・エンドポイント

s3-no-credentials = 公開先「{ $target }」（バケット「{ $bucket }」）の認証情報がありません。環境変数 AWS_ACCESS_KEY_ID と AWS_SECRET_ACCESS_KEY（一時的な鍵なら AWS_SESSION_TOKEN も）を設定するか、{ $credentials } または { $config } のプロファイル「{ $profile }」に aws_access_key_id と aws_secret_access_key を書いてください（別のプロファイルは AWS_PROFILE で選べます）。何も送信していません
s3-env-half = 公開先「{ $target }」：環境変数 { $set } は設定されていますが、{ $missing } がありません。両方を設定するか、どちらも設定せずに ~/.aws/credentials のプロファイルを使ってください。何も送信していません
s3-profile-half = 公開先「{ $target }」：{ $file } のプロファイル「{ $profile }」に { $set } はありますが、{ $missing } がありません。両方を書いてください。何も送信していません
s3-profile-missing = 公開先「{ $target }」：AWS_PROFILE が指定するプロファイル「{ $profile }」は、{ $credentials } にも { $config } にもありません。どちらかにあるプロファイルの名前を指定するか、AWS_PROFILE を外して「default」を使ってください。何も送信していません
s3-profile-indirect = 公開先「{ $target }」：{ $file } のプロファイル「{ $profile }」は「{ $key }」で鍵を得る設定ですが、crisis-site はこの方法に対応していません。プロファイルに aws_access_key_id と aws_secret_access_key を書くか、鍵を環境変数で渡してください（「aws configure export-credentials --profile { $profile } --format env」で表示できます）。何も送信していません
s3-file-invalid = 公開先「{ $target }」：{ $file } を AWS の設定ファイルとして読めません（{ $reason }）。[プロファイル名] の見出しと「key = value」の行で書いてください。何も送信していません
s3-source-env = 環境変数 AWS_ACCESS_KEY_ID
s3-source-profile = { $file } のプロファイル「{ $profile }」
s3-endpoint-invalid = 公開先「{ $target }」：endpoint「{ $endpoint }」はウェブのアドレスではありません。https://…（社内ネットワークのストレージなら http://…）で書いてください（例：https://ACCOUNT.r2.cloudflarestorage.com）。何も送信していません
s3-store-invalid = 公開先「{ $target }」：{ $endpoint } のストレージへの接続を設定できません（{ $reason }）。ストレージが応答するエンドポイントとリージョンを指定してください。何も送信していません
s3-key-invalid = 公開先「{ $target }」：{ $path } はオブジェクトのキーにできません（{ $reason }）。何も送信していません
s3-runtime = 公開先「{ $target }」：送信のためのネットワーク処理を開始できません

## 一覧の取得（ここで失敗すれば何も書き込んでいません）

s3-unreachable = 公開先「{ $target }」：バケット「{ $bucket }」の一覧を取得するために { $endpoint } に接続できません（{ $reason }）。何も送信していません。エンドポイント（site.toml の「endpoint」か AWS_ENDPOINT_URL）とネットワークを確認してください
s3-denied = 公開先「{ $target }」：{ $endpoint } がバケット「{ $bucket }」について { $source } の鍵を拒否しました（{ $reason }）。何も送信していません。鍵の ID とシークレット、その鍵にバケットの一覧・書き込み・削除の権限があることを確認してください
s3-no-bucket = 公開先「{ $target }」：{ $endpoint } にバケット「{ $bucket }」がありません（{ $reason }）。何も送信していません。location「{ $location }」のバケット名、リージョン、エンドポイントを確認するか、先にバケットを作成してください
s3-list-failed = 公開先「{ $target }」：{ $endpoint } のバケット「{ $bucket }」の一覧を取得できませんでした（{ $reason }）。何も送信していません

## 送信

s3-put-failed = 公開先「{ $target }」：{ $path } を { $endpoint } のバケット「{ $bucket }」に送信できませんでした（{ $reason }）。それまでに送ったファイルはバケットにあり、何も削除していないため、閲覧者には欠けのないサイトが表示されます。もう一度公開して送信を完了してください
s3-delete-failed = 公開先「{ $target }」：{ $path } を { $endpoint } のバケット「{ $bucket }」から削除できませんでした（{ $reason }）。新しいファイルと変更したファイルはすべて送信済みですが、削除するはずのファイルの一部がバケットに残っています。もう一度公開して削除してください

## 理由

s3-reason-status = HTTP { $status } { $code }: { $text }
s3-reason-bare = HTTP { $status }
s3-reason-network = { $text }
