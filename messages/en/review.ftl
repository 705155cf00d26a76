# Messages of review

# How to fix a finding, on the line below it.
finding-hint = hint: { $hint }

# What the writer typed, quoted, and a list of such: `a`, `b`.
review-quoted = `{ $text }`
review-list = { $first }, { $rest }

## numbering

review-number-reused = number { $number } is also used by `{ $slug }`
review-number-reused-hint = give each report of the series its own number
review-number-gap = number { $number } follows a gap: { $count ->
        [one] number { $missing } is
       *[other] numbers { $missing } are
    } not published
review-number-gap-hint = publish the missing report, or renumber the series so it runs 1, 2, 3 …
review-number-order = number { $number } is dated { $date }, after number { $earlier } (`{ $slug }`, { $earlier_date })
review-number-order-hint = numbers must rise with the dates; check the date or the number

## stale

review-stale-nothing = nothing is published while the incident is `{ $status }`
review-stale-nothing-hint = publish a first announcement: what happened, what is being done, whom to call
review-stale = the newest announcement, `{ $slug }` ({ $date }), is { $age } days old while the incident is `{ $status }`; the cadence is { $days } days
review-stale-hint = publish an update, even to say there is no news, or promise the next one with next_update

## contact-desk

review-no-contact-desk = no contact desk is configured
review-no-contact-desk-hint = add a [[contacts]] desk: readers must know whom to call
review-contact-desks-closed = every contact desk has closed ({ $names }) while the incident is `{ $status }`
review-contact-desks-closed-hint = extend a desk's `until`, or add a desk that answers now

## key-report-pending

review-key-report-pending = key report `{ $id }` ({ $title }) is still in preparation
review-key-report-pending-hint = publish the report with key_report = "{ $id }" when it is ready

## next-update-late

review-next-update-late = the next update was promised for { $at } and nothing newer is published
review-next-update-late-hint = publish the update, or a short notice saying when it will come

## confidential-marker

review-confidential-text = published text marks itself confidential: { $markers }
review-confidential-text-hint = remove the marker: a public statement never asks readers to keep it secret (and what must stay secret is not published)
review-confidential-attachment = attachment's file name marks it confidential: { $markers }
review-confidential-attachment-hint = rename the file, and check that the document itself carries no such marker: it is published for anyone to read

## required-sections

review-missing-section = { $kind } `{ $slug }` has no section on { $topic }
review-missing-section-hint = add a `##` section on it, with a heading containing one of: { $phrases }
# The topics a breach notice owes its readers.
review-topic-overview = the overview of the incident
review-topic-personal-data = the items of personal data involved
review-topic-cause = the cause
review-topic-secondary-damage = whether there is secondary damage or a risk of it
review-topic-contact = whom to contact and other useful information

## translation-outdated

review-translation-outdated = { $what } on { $at }, after this translation ({ $own })
review-original-updated = the original was updated
review-original-corrected = the original was corrected by `{ $slug }`
review-translation-outdated-hint = bring the translation in line with the original, then set its `updated` to when you did

## pdf-only

review-pdf-only = the text says little besides its attachments ({ $names }): { $columns } columns of text, fewer than { $least }
review-pdf-only-hint = state the key facts in the page itself (what happened, who is affected, what to do); phones and screen readers handle PDFs badly

## image-alt

review-image-alt-unnamed = an image has no alternative text
review-image-alt = image `{ $src }` has no alternative text
review-image-alt-hint = say what the image shows in its alt text (`![what it shows](file.png)`): readers who cannot see it need the facts it carries

## broken-link

review-link-invalid = `{ $href }` is not a valid URL
review-link-outside = `{ $href }` climbs out of the site
review-link-missing = `{ $href }` points to `{ $path }`, which is not in the output
review-link-no-id = `{ $href }`: `{ $path }` has no id `{ $fragment }`
review-link-in-entry = { $message } (in the entry { $entry })
# Where a link no content file holds comes from.
review-link-templates = the theme's templates (themes/{ $theme }/templates/, or the site's templates/) or site.toml
review-link-from-templates-hint = the link comes from { $templates }; fix it there
review-link-in-source-hint = fix the link in { $source }
review-link-not-in-source-hint = the link is not written in { $source }: look in { $templates }
review-link-in-entry-hint = the entry's content is the announcement's body: fix the link there, or in the theme's partials/feed_entry.html
review-link-of-feed-hint = the feed's links come from crisis-site itself; report it

## ir-identity

review-ir-identity = { $count } IR { $count ->
        [one] announcement is
       *[other] announcements are
    } published, but `[ir]` lacks { $missing }
review-ir-identity-hint = an IR disclosure (適時開示) names the securities code, the exchange and a contact; add them to site.toml's [ir]

## page-weight

review-page-weight = the page weighs { $total } KB ({ $html } KB HTML + { $css } KB CSS), over the budget of { $budget } KB
review-page-weight-hint = crisis pages must load under a traffic spike: shorten the page, move detail into an attachment, or raise [check] page_weight_kb
review-script = the page has a <script> element; published pages carry no script
review-script-hint = remove it from the theme's templates (themes/{ $theme }/templates/, or the site's templates/)

## reporting-deadlines

review-ppc-preliminary = preliminary report to the PPC (速報): promptly, about 3–5 days after becoming aware on { $aware } (by { $by }): { $left }
review-ppc-final = final report to the PPC (確報): within { $days } days of { $aware } (by { $by }): { $left }
review-ppc-final-wrongful = final report to the PPC (確報): within { $days } days of { $aware }, as the leak may result from a wrongful act (by { $by }): { $left }
review-ppc-hint = a reminder, not legal advice: confirm with counsel and the PPC's guidelines which reports are owed and by when
# How far today is from a deadline.
review-deadline-today = due today
review-deadline-left = { $days ->
        [one] 1 day left
       *[other] { $days } days left
    }
review-deadline-passed = passed { $days ->
        [one] 1 day
       *[other] { $days } days
    } ago

# phone-number: a contact desk's `phone` holds more than a number and its extension.
phone-more-than-a-number = the phone number of the contact desk `{ $desk }` has more in it than the number: `{ $rest }`; the tel: link leaves it out
phone-not-a-number = the phone number of the contact desk `{ $desk }` does not start with a number: `{ $phone }`; it is shown without a tel: link
phone-number-hint = keep only the number in `phone`, with its extension if there is one (`03-1234-5678 内線 2`, `ext. 2`); put the hours in the desk's `hours`, and any other note in its `name`

## placeholder, empty-section

# A placeholder left in published text or in a value of site.toml, as written.
review-placeholder = published text still holds the placeholder `{ $placeholder }`
review-placeholder-hint = write what it stands for in its place; an announcement not ready yet can stay a draft (`draft = true`)
# A heading with nothing under it, by its text.
review-empty-section = the section `{ $heading }` is empty: nothing follows its heading before the next heading of its level or above
review-empty-section-hint = write the section, or delete its heading
review-official-pdf = the official PDF `{ $name }` does not carry { $what } (title "{ $title }", date { $date }); readers and the exchange would see two texts that disagree
review-official-pdf-title = the announcement's title
review-official-pdf-date = the announcement's date
review-official-pdf-both = the announcement's title or date
review-official-pdf-hint = make the title and date of the page and of the PDF the same, or attach the PDF that was filed
review-official-pdf-unreadable = the text of the official PDF `{ $name }` cannot be read (damaged, encrypted, or pages scanned as images), so it cannot be compared with the page
review-official-pdf-unreadable-hint = attach the PDF as saved from the document (with its text), as exchanges and screen readers need it
