# git のメッセージ

git-missing = git の公開先「{ $target }」（{ $location }）：このマシンに git がありません。git をインストールしてください（Debian・Ubuntu：apt-get install git、macOS：xcode-select --install）
git-start = git の公開先「{ $target }」（{ $location }）：git を実行できません
git-unreachable = git の公開先「{ $target }」のリポジトリ { $location } を読めません：{ $reason }。push できるリポジトリ（URL、またはサイトのフォルダーからのパス）を指定し、認証情報は git の認証ヘルパーか ssh の鍵に置いてください。何も送信していません
git-rejected = git の公開先「{ $target }」：{ $location } がブランチ「{ $branch }」への新しいコミットを受け付けませんでした。読み込んだ後にブランチが更新されています（ほかの人が push しました）。もう一度公開してください。その更新の上にコミットします
git-failed = git の公開先「{ $target }」（{ $location }）：git { $step } が失敗しました：{ $reason }

## コミットメッセージ（常に英語で書きます。リポジトリの記録なので、誰が公開しても同じにするためです）

git-commit-subject = crisis-site：追加 { $added }、変更 { $changed }、削除 { $removed }
git-commit-added = 追加された発表：
git-commit-changed = 変更された発表：
