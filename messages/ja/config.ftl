# Messages of config

config-not-found = 見つかりません。サイトのフォルダーの一番上に site.toml が必要です（サイトのフォルダーで実行するか、--root で指定してください）。
