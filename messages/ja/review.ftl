# Messages of review

# 指摘の直し方（指摘の次の行）。
finding-hint = 直し方: { $hint }

# phone-number: お問い合わせ窓口の `phone` に電話番号と内線以外のものが書かれている。
phone-more-than-a-number = お問い合わせ窓口「{ $desk }」の `phone` に、電話番号のほかに「{ $rest }」が書かれています。電話をかけるリンク（tel:）には含めません。
phone-not-a-number = お問い合わせ窓口「{ $desk }」の `phone`「{ $phone }」が電話番号で始まっていません。電話をかけるリンク（tel:）を付けずに表示します。
phone-number-hint = `phone` には電話番号だけを書いてください。内線があれば「03-1234-5678 内線 2」のように続けて書けます。受付時間は窓口の `hours` に、そのほかの注記は `name` に書いてください。
