# trame user-interface strings (English, the reference language).

error = error: { $detail }
warning = warning: { $detail }
error-read = cannot read { $path }
error-utf8 = { $path } is not UTF-8 text: invalid byte sequence at byte { $offset }
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

note-no-repository = { $path } is not in a git repository: staleness is unknown, only missing segments are reported
note-shallow = this is a shallow clone: translations older than its history are compared with its oldest commit
note-not-committed = { $path } is not committed: its segments count as translated against the current English
note-skipped-directory = { $path } is a directory, not a page: skipped
note-skipped-special = { $path } is not a regular file (a FIFO, socket or device): skipped without opening it
note-skipped-unreadable = cannot read { $path } ({ $detail }): skipped
note-skipped-utf8 = { $path } is not UTF-8 text (invalid byte sequence at byte { $offset }): skipped
note-skipped-no-markdown = no Markdown file found in { $path }
note-skipped-too-large = { $path } is { $size ->
        [one] one byte
       *[other] { $size } bytes
    }, more than the limit of { $limit } (max-page-bytes in trame.toml): skipped
note-skipped-outside = { $path } is a link that leads outside the repository: skipped
note-removed-temp = removed { $path }, a temporary file left by an interrupted save
error-outside = { $path } is outside the repository ({ $root }): refused
note-orphan = { $path } ({ $lang }) is a translation with no source page
note-orphan-likely = { $path } ({ $lang }) is a translation with no source page; it probably translates { $source }, renamed since
error-unknown-lang = { $found ->
    [none] no translation in “{ $lang }”: this site has no translation yet
   *[other] no translation in “{ $lang }”; languages found: { $found }
}
error-nothing-read = no page could be read
stale-moved-to = its English is now in { $page }: move this translation there
stale-summary = { $source } → { $target } ({ $lang }): { $stale } stale, { $missing } missing, { $untranslated } untranslated, { $removed } removed, { $linkonly } link-only, { $cosmetic } cosmetic
state-up-to-date = up to date
state-cosmetic = cosmetic
state-link-only = link only
state-already-updated = already updated
state-stale = stale
state-missing = missing
state-untranslated = untranslated
state-removed = removed
error-no-translation = no { $lang } translation found for { $path }
error-no-segment = there is no segment { $number }: the page has { $count ->
        [one] one segment
       *[other] { $count } segments
    }
review-recorded = { $count ->
        [one] recorded one review in { $path }
       *[other] recorded { $count } reviews in { $path }
    }
review-unchanged = { $path } already had { $count ->
        [one] this review
       *[other] these reviews
    }; nothing written
dismiss-recorded = { $count ->
        [one] dismissed { $rules } on one segment, recorded in { $path }
       *[other] dismissed { $rules } on { $count } segments, recorded in { $path }
    }
dismiss-unchanged = { $path } already had { $count ->
        [one] this dismissal
       *[other] these dismissals
    }; nothing written
dismiss-nothing = no { $rules } finding to dismiss; nothing written
error-unknown-rule = unknown rule “{ $name }”; rules: { $rules }
note-unknown-rule = { $path }:{ $line }: “{ $name }” in trame.ignore is not a rule and is left out; rules: { $rules }

diag-unclosed-front-matter = the front matter opened on this line is never closed; it is read as Markdown
diag-bad-front-matter = the front matter cannot be parsed ({ $message }); its values are not segmented
diag-unclosed-code-fence = this code fence is never closed and runs to the end of the file
diag-unclosed-shortcode = this shortcode is never closed
diag-fence-with-text = this line starts like a closing code fence but has text after it, so it closes nothing and the code block goes on
diag-broken-table = these lines look like table rows, but Markdown reads them as a paragraph: the header row and the delimiter row under it (|---|) must have as many cells, and each row must be on its own line
diag-broken-list = these lines look like a numbered list, but Markdown reads list numbers in ASCII digits only (1. 2. 3.): numbered with other digits, they are one paragraph

kind-front-matter = front matter
kind-heading = heading
kind-paragraph = paragraph
kind-list-item = list item
kind-table-cell = table cell
kind-blockquote = quote
kind-shortcode-param = shortcode
kind-code = code block
kind-shortcode = shortcode block
error-lang-before-command = --lang before a command is the interface's: `trame --lang { $lang }` alone opens the interface in that language; a command that takes a language takes it after its name
