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
