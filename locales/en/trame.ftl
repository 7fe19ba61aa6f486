# trame user-interface strings (English, the reference language).

error = error: { $detail }
warning = warning: { $detail }
error-read = cannot read { $path }
error-utf8 = { $path } is not UTF-8 text: invalid byte sequence at byte { $offset }
error-no-markdown = no Markdown file found in { $path }
error-write-output = cannot write the output

segments-summary = { $path }: { $count ->
        [one] one segment
       *[other] { $count } segments
    }

align-summary = { $source } → { $target }: { $rows ->
        [one] one row
       *[other] { $rows } rows
    }, { $review ->
        [0] none to review
        [one] one to review (marked ?)
       *[other] { $review } to review (marked ?)
    }

diag-unclosed-front-matter = the front matter opened on this line is never closed; it is read as Markdown
diag-bad-front-matter = the front matter cannot be parsed ({ $message }); its values are not segmented
diag-unclosed-code-fence = this code fence is never closed and runs to the end of the file
diag-unclosed-shortcode = this shortcode is never closed

kind-front-matter = front matter
kind-heading = heading
kind-paragraph = paragraph
kind-list-item = list item
kind-table-cell = table cell
kind-blockquote = quote
kind-shortcode-param = shortcode
