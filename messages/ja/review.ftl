# Messages of review

# 指摘の直し方（指摘の次の行）。
finding-hint = 直し方: { $hint }
