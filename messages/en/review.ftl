# Messages of review

# How to fix a finding, on the line below it.
finding-hint = hint: { $hint }
