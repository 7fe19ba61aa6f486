# Messages of trame status and trame check.

status-header = { $documents ->
        [one] one page
       *[other] { $documents } pages
    } ({ $languages })
status-empty = No translated page found: a translation is a file beside its page (x.fr.md for x.md) or in a language folder (content/fr/x.md).
status-cell = { $percent }% ({ $stale } stale, { $missing } missing{ $untranslated ->
        [0] {""}
       *[other] , { $untranslated } untranslated
    })
status-total = Total
status-none = —
status-section-top = (top)
check-coverage = { $percent }% of the page is translated; { $required }% is required
check-section-missing = section “{ $section }” is not fully translated: { $missing ->
        [0] { $english ->
                [one] one segment is left in English
               *[other] { $english } segments are left in English
            }
        [one] { $english ->
                [0] one segment is missing
                [one] one segment is missing, one is left in English
               *[other] one segment is missing, { $english } are left in English
            }
       *[other] { $english ->
                [0] { $missing } segments are missing
                [one] { $missing } segments are missing, one is left in English
               *[other] { $missing } segments are missing, { $english } are left in English
            }
    } ({ $source }:{ $first }-{ $last })
check-stale = the English changed since this was translated ({ $source }:{ $line }):
check-removed = the English of this segment was deleted; the translation still has it
check-moved = { $count ->
    [one] one block of this translation is English that moved to { $page }: move it to that page's translation
   *[other] { $count } blocks of this translation are English that moved to { $page }: move them to that page's translation
}
check-finding-source = { $rule } “{ $value }” of the English ({ $source }:{ $line }) is missing here
check-finding-target = { $rule } “{ $value }” is here but not in the English ({ $source })
check-finding-anchor = link to “#{ $value }” leads to no heading of this page (a translated heading gets another anchor: write {"{"}#{ $value }{"}"} after the heading it means, or link to its new anchor)
check-finding-markdown = Markdown broken here but not in the English ({ $source }): { $value }
check-summary = trame check: { $errors ->
        [one] one error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] one warning
       *[other] { $warnings } warnings
    } in { $translations ->
        [one] one translation
       *[other] { $translations } translations
    }
check-github-left-out = not shown as annotations in this file: { $errors ->
        [one] one more error
       *[other] { $errors } more errors
    }, { $warnings ->
        [one] one more warning
       *[other] { $warnings } more warnings
    } (GitHub shows { $limit } of each kind per file); trame check lists them all
check-junit-failures = { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }
check-step-title = trame check: { $errors ->
        [0] passed
       *[other] failed
    }
check-step-language = Language
check-step-pages = Pages
check-step-translated = Translated
check-step-percent = { $percent }%
check-step-stale = Stale
check-step-missing = Missing
check-step-untranslated = Untranslated
check-step-errors = Errors
check-step-warnings = Warnings
check-step-files = Files with the most errors
check-step-file = File
check-step-more-files = { $count ->
        [one] and one more file with findings
       *[other] and { $count } more files with findings
    }
check-step-failed = cannot append the job summary to { $path }
severity-error = error
severity-warning = warning
scanning = reading pages and history…
error-config = bad configuration: { $detail }
status-wrote = wrote { $path }
html-title = Translation status
html-totals = Totals per language (click a column to sort)
html-language = Language
html-pages = Pages
html-segments = Segments translated
html-words = Words to translate
html-without = Pages without translation
html-section = Section
html-coverage = Translated
html-stale = Stale
html-missing = Missing
html-untranslated = Untranslated
html-lang-heading = { $lang }: { $pages ->
        [0] no translated page
        [one] one translated page
       *[other] { $pages } translated pages
    }
html-stale-count = { $count ->
        [one] One stale segment
       *[other] { $count } stale segments
    }
html-english = English, line { $lines }
html-translation = Translation, line { $lines }
html-not-translated = { $count ->
        [one] One page has no translation; this command starts it:
       *[other] { $count } pages have no translation; each command starts one:
    }
html-legend = Open a page to see its sections and stale segments. In the English changes, ~~deleted words are struck through~~ and __added words are underlined__.
html-sort = Sort by this column
html-nothing = No translation found.
html-footer = Made by trame { $version }.
check-md-base = Compared with { $base } ({ $commit }): { $needing ->
        [0] nothing new to translate
        [one] one segment newly needs work
       *[other] { $needing } segments newly need work
    }, { $fixed ->
        [0] none fixed
        [one] one fixed
       *[other] { $fixed } fixed
    }.
check-md-new = { $state }: { $file }:{ $line } “{ $text }”
check-md-fixed = fixed ({ $state } before): { $file }:{ $line } “{ $text }”
check-md-more = { $count ->
        [one] and one more change
       *[other] and { $count } more changes
    }
check-md-report = Full translation status
