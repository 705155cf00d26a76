# Messages of markdown

## Heading ids

markdown-heading-id-theme = heading id `{ $id }` is one the theme uses for its own elements (`main`, `…-heading`, `key-report-…`); expected another id
markdown-heading-id-twice = heading id `{ $id }` is used by an earlier heading; expected each id once

## Raw HTML and links that published pages may not carry

# An element, and why it is refused.
markdown-element = raw HTML `<{ $element }>` is not allowed; { $why }
markdown-no-script = published pages carry no script and embed no other page
markdown-no-svg = SVG and MathML inside HTML are read by other parsing rules, where script hides from this check; show the figure with `<img src="FILE.svg">` instead
markdown-no-form = published pages collect no input; link to the form's own page instead
markdown-no-base = it would change where every link of the page points
markdown-no-meta = it could redirect the page or change its rules
markdown-no-link = it would load a style sheet or other resource from elsewhere
markdown-no-style = it would restyle the whole page, the theme's notices included; use a `style` attribute on the element instead
# Attributes.
markdown-event-attribute = raw HTML attribute `{ $attribute }` is not allowed; published pages carry no JavaScript
markdown-srcdoc = raw HTML attribute `srcdoc` is not allowed; published pages embed no other page
markdown-formaction = raw HTML attribute `formaction` is not allowed; published pages collect no input
markdown-data-attribute = raw HTML `{ $attribute }` with a data: URL is not allowed; expected a link to a file (data: URLs only for images, `data:image/…`)
markdown-script-attribute = raw HTML `{ $attribute }` with a { $scheme }: URL is not allowed; published pages carry no JavaScript
# Markdown links and images.
markdown-data-link = link to `{ $url }`: data: URLs are allowed only for images (`data:image/…`); expected a link to a file
markdown-script-link = link to `{ $url }`: { $scheme }: URLs are not allowed; published pages carry no JavaScript
# Raw HTML that leaves the tokenizer inside a tag, a comment or raw text.
markdown-left-open = raw HTML is left open: an unfinished tag, an unclosed comment, or a `<textarea>`, `<title>` or other element whose text runs on; expected it closed before the HTML ends (an HTML block ends at a blank line)
markdown-element-left-open = raw HTML `<{ $element }>` is never closed, so it would take over the rest of the page (the list of announcements, the contact desks, the footer); expected `</{ $element }>` later in the body
markdown-end-tag-not-open = raw HTML `</{ $element }>` closes an element the body has not opened; expected it removed, or the `<{ $element }>` it closes written before it
markdown-end-tag-inner-open = raw HTML `</{ $element }>` closes its element while `<{ $inner }>` inside it is still open; expected `</{ $inner }>` before it
