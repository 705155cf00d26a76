# Messages of review

# How to fix a finding, on the line below it.
finding-hint = hint: { $hint }

# phone-number: a contact desk's `phone` holds more than a number and its extension.
phone-more-than-a-number = the phone number of the contact desk `{ $desk }` has more in it than the number: `{ $rest }`; the tel: link leaves it out
phone-not-a-number = the phone number of the contact desk `{ $desk }` does not start with a number: `{ $phone }`; it is shown without a tel: link
phone-number-hint = keep only the number in `phone`, with its extension if there is one (`03-1234-5678 内線 2`, `ext. 2`); put the hours in the desk's `hours`, and any other note in its `name`
