# Messages of trame status and trame check.

status-header = { $documents ->
        [one] one page
       *[other] { $documents } pages
    } ({ $languages })
status-cell = { $percent }% ({ $stale } stale, { $missing } missing{ $untranslated ->
        [0] {""}
       *[other] , { $untranslated } untranslated
    })
status-none = —
status-section-top = (top)
check-coverage = { $percent }% of the page is translated; { $required }% is required
check-section-missing = section “{ $section }” is untranslated: { $count ->
        [one] one segment is missing
       *[other] { $count } segments are missing
    } ({ $source }:{ $first }-{ $last })
check-stale = the English changed since this was translated ({ $source }:{ $line }):
check-removed = the English of this segment was deleted; the translation still has it
check-finding-source = { $rule } “{ $value }” of the English ({ $source }:{ $line }) is missing here
check-finding-target = { $rule } “{ $value }” is here but not in the English ({ $source })
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
severity-error = error
severity-warning = warning
scanning = reading pages and history…
error-config = bad configuration: { $detail }
