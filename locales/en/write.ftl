# Messages of trame write and trame sync.

write-error-lang = { $lang } is not a translation language: give a language code such as fr or it (not en)
write-error-not-a-source = { $path } is a translation: give its English page
write-error-changed = { $path } changed on disk since trame read it: nothing was written and the file on disk is kept; run the command again to start from its new content
write-error-save = cannot write { $path }
write-error-localize = cannot localize { $path }

write-new = { $path } (new { $lang } translation): { $memory ->
        [0] nothing from the translation memory
        [one] one segment from the translation memory
       *[other] { $memory } segments from the translation memory
    }, { $missing ->
        [0] none left in English
        [one] one left in English
       *[other] { $missing } left in English
    }
write-filled = { $path }: { $memory ->
        [0] nothing filled from the translation memory
        [one] one missing segment filled from the translation memory
       *[other] { $memory } missing segments filled from the translation memory
    }, { $missing ->
        [0] none still missing
        [one] one still missing
       *[other] { $missing } still missing
    }
write-missing = { $location } ({ $kind }), in English: { $text }
write-from-memory = { $location } ({ $kind }), from the translation memory: { $text }
write-suggestion = translation memory, { $similarity }% similar: { $text }
write-wrote = wrote { $path }
write-unchanged = { $path } is up to date: nothing to write
write-dry-run = dry run: nothing was written

sync-change = { $location }: { $old } → { $new }
sync-left = { $location }: not carried, { $reason }
sync-reason-count = { $kind ->
        [url] links
        [code] code spans
       *[number] numbers
    } were added or removed ({ $old } before, { $new } now)
sync-reason-conflicting = { $value } now has several values, or stays in places
sync-reason-not-found = the translation does not contain { $value }
sync-reason-repeated = the translation has { $value } { $count ->
        [one] once
       *[other] { $count } times
    }
sync-reason-outdated = the translation does not match its segments
sync-reason-several = the English is translated by several segments
sync-reason-context = the old English cannot be read on its own
sync-reason-code-changed = the translation's code block is not the old English one (its comments translated?): update it by hand
sync-summary = { $changes ->
        [0] no change
        [one] one change
       *[other] { $changes } changes
    } in { $files ->
        [0] no file
        [one] one file
       *[other] { $files } files
    }, { $left ->
        [0] nothing left for translators
        [one] one change left for translators
       *[other] { $left } changes left for translators
    }

# trame export, import and tm.

export-wrote = wrote { $units ->
        [0] no unit
        [one] one unit
       *[other] { $units } units
    } from { $pages ->
        [0] no page
        [one] one page
       *[other] { $pages } pages
    } to { $path }
tm-wrote = wrote { $count ->
        [0] no pair
        [one] one aligned pair
       *[other] { $count } aligned pairs
    } to { $path }
import-error-xliff = { $path } is not an XLIFF 1.2 file trame can read: { $detail }
import-error-po = { $path }, line { $line }: not a PO file trame can read: { $detail }
import-error-no-language = { $path } does not say which language it translates to
import-refused = { $id } ({ $text }): not imported, { $reason }
import-reason-english-changed = its English changed since the export (export it again)
import-reason-no-page = its page is not a page of this project in this language
import-reason-code-missing = the inline code { $code } is missing
import-reason-code-added = the inline code { $code } is not in the English
import-reason-code-altered = the inline code { $code } was changed or is not one trame wrote
import-reason-segments = the translation here is { $expected ->
        [one] one segment
       *[other] { $expected } segments
    } separated by blank lines, and the text has { $found ->
        [one] one
       *[other] { $found }
    }
import-reason-localize = the translation file cannot take it: { $detail }
import-summary = { $units ->
        [0] no unit imported
        [one] one unit imported
       *[other] { $units } units imported
    } into { $files ->
        [0] no file
        [one] one file
       *[other] { $files } files
    }, { $unchanged ->
        [0] none unchanged
        [one] one unchanged
       *[other] { $unchanged } unchanged
    }, { $refused ->
        [0] none refused
        [one] one refused
       *[other] { $refused } refused
    }
import-reviews = { $count ->
        [one] one segment recorded as reviewed
       *[other] { $count } segments recorded as reviewed
    }
