# Messages of base

# Text not yet moved into the catalogs.
untranslated = { $text }

# ファイル操作の失敗: していたこと、システムの理由。
io-failed = { $context }: { $cause }
foreign-output = { $path }: crisis-site が書いたフォルダーではない（中に { $marker } がない）ため、置き換えません。空のフォルダー、存在しないフォルダー、または以前の生成の出力先を指定してください。
