# rsync のメッセージ

rsync-missing = rsync の公開先「{ $target }」（{ $remote }）：このマシンに rsync がありません。rsync をインストールしてください（Debian・Ubuntu：apt-get install rsync、macOS：brew install rsync）
rsync-start = rsync の公開先「{ $target }」（{ $remote }）：rsync を起動できません
rsync-unreachable = rsync の公開先「{ $target }」の { $remote } で rsync に接続できません：{ $reason }。ホストが動いていること、ssh がパスワードなどを尋ねずにログインできること（鍵がホストの authorized_keys にあり、ホストが known_hosts にあること。ssh -o BatchMode=yes で確かめられます）、ホストに rsync がインストールされていることを確認してください。何も送信していません
rsync-foreign = rsync の公開先「{ $target }」：{ $remote } には crisis-site が公開したのではないファイルがあり（中に { $marker } がありません）、公開するとそれらが削除されます。空のフォルダー、存在しないフォルダー、または crisis-site で公開したことのあるフォルダーを指定してください。何も送信していません
rsync-failed = rsync の公開先「{ $target }」の { $remote } を更新できませんでした。rsync が終了ステータス { $status } で終了しました：{ $stderr }
rsync-parent-missing = rsync の公開先「{ $target }」：{ $remote } も、それを作るフォルダー { $parent } も、ホストにありません。rsync が作れるのはパスの最後のフォルダーだけです。ホストに { $parent } を作るか、location を直してください。何も送信していません
