# Messages of the terminal interface.

tui-title = trame · { $count ->
        [one] one document
       *[other] { $count } documents
    }
tui-dashboard-empty = No translations found: trame looks for pages such as x.md with x.fr.md or x.it.md beside them.
tui-dashboard-problems = ⚠ { $orphans ->
    [0] {""}
    [one] one orphan translation
   *[other] { $orphans } orphan translations
}{ $orphans ->
    [0] {""}
   *[other] { $skipped ->
        [0] {""}
       *[other] ,{" "}
    }
}{ $skipped ->
    [0] {""}
    [one] one file skipped
   *[other] { $skipped } files skipped
} (see the status line)
tui-loading = { $total ->
        [0] reading the pages and their history…
       *[other] pages read: { $done } of { $total }…
    }
tui-load-failed = Not every page could be read: { $error }
tui-lang-en = English
tui-lang-fr = French
tui-lang-it = Italian
tui-count-translated = { $count } translated
tui-count-stale = { $count } stale
tui-count-missing = { $count } missing
tui-count-untranslated = { $count } untranslated
tui-count-link-only = { $count } link only
tui-count-cosmetic = { $count } cosmetic
tui-count-removed = { $count } removed
tui-percent = { $value }%
tui-missing-placeholder = not translated yet
tui-no-rows = No segment matches the filter or the search (Esc clears them).
tui-status-position = { $pos }/{ $total }
tui-status-unsaved = { $count ->
        [one] one unsaved edit
       *[other] { $count } unsaved edits
    }
tui-status-filter = filter: { $filter }
tui-status-search = search: { $query }
tui-filter-all = all
tui-filter-attention = needs attention
tui-search-prompt = Search (English and translations):
tui-hints-dashboard = n next to fix · Enter open · / search · f to do · L language · ? help · q quit
tui-hints-document = n next to fix · e edit · r review · s save · / search · q back · ? help
tui-hints-edit = Ctrl-S save · Esc leave · Alt-1 suggestion · Ctrl-Z undo · F1 help
tui-hints-search = Enter keep the search · Esc clear it
tui-edit-title = { $lang }: your translation
tui-edit-english = English
tui-edit-diff = English: what changed since the translation (red removed, green added)
tui-suggestions = Translation memory
tui-suggestions-none = No suggestion for this segment.
tui-saved = Saved { $path }.
tui-save-changed-on-disk = { $path } changed on disk since trame read it: nothing was written, your edits are kept.
tui-save-failed = Could not save { $path }: { $error }
tui-save-nothing = Nothing to save.
tui-reload-failed = Saved, but the page could not be read again: { $error }
tui-reviewed = { $count ->
        [one] Review recorded: the translation is marked correct for the current English.
       *[other] Reviews recorded: { $count } translations are marked correct for the current English.
    }
tui-review-unchanged = Already reviewed: nothing changed.
tui-review-failed = Could not record the review: { $error }
tui-review-pending = Save this edit first (s), then review it.
tui-review-nothing = Nothing to review here: this segment has no translation.
tui-dismissed = { $count ->
        [one] Rule { $rules } dismissed on this segment: not reported again until its English or its translation changes.
       *[other] Rules { $rules } dismissed on this segment: not reported again until its English or its translation changes.
    }
tui-dismiss-unchanged = Already dismissed: nothing changed.
tui-dismiss-failed = Could not record the dismissal: { $error }
tui-dismiss-pending = Save this edit first (s), then dismiss its findings.
tui-dismiss-nothing = Nothing to dismiss here: this segment has no finding.
tui-carried = { $count ->
        [one] Link change carried over (one value). Save with s.
       *[other] Link changes carried over ({ $count } values). Save with s.
    }
tui-carry-nothing = No link-only change to carry here.
tui-carry-ambiguous = This link change cannot be carried safely: edit the translation (e).
tui-carry-pending = This segment has an unsaved edit: carry the link by hand in the editor.
tui-realigned = Alignment corrected and recorded in .trame-align (commit it with the pages).
tui-realign-unchanged = This correction was already recorded: nothing changed.
tui-realign-failed = Could not record the alignment correction: { $error }
tui-realign-pending = Save (s) or drop (u) this translation's unsaved edits first: corrections apply to the saved text.
tui-realign-no-row = This translation has nothing on this row.
tui-realign-no-next = There is no next row in this translation.
tui-realign-nothing-to-split = Nothing to split: each row here already pairs at most one segment per side.
tui-realign-no-target = This row has no translated segment to move.
tui-realign-next-no-target = The next row has no translated segment to take.
tui-edit-kept = Edit kept, not saved yet: press s to save.
tui-edit-unchanged = Unchanged.
tui-edit-split-mismatch = Keep { $count ->
        [one] one paragraph
       *[other] { $count } paragraphs, separated by a blank line
    }.
tui-edit-cannot-fill = Several English segments are missing here: open them one by one with the filter (f).
tui-edit-dropped = Unsaved edit dropped.
tui-edit-none-pending = No unsaved edit on this segment.
tui-wrapped = Went round to the other end of the document.
tui-nothing-to-do = Nothing needs attention in this translation ({ $lang }).
tui-confirm-quit = { $count ->
        [one] One file has unsaved edits.
       *[other] { $count } files have unsaved edits.
    }
tui-confirm-quit-keys = s save and quit · y quit without saving · Esc stay
tui-help-title = Keys
tui-help-move = move the selection
tui-help-language = change the translation column
tui-help-page = one screen up or down
tui-help-first-last = first or last segment
tui-help-next = next or previous segment needing attention in the language worked in, across pages (opens the page)
tui-help-filter = show only segments in a state (cycle); on the dashboard, only pages needing work
tui-help-search = search English and translations; on the dashboard, page names and titles
tui-help-open = open the document (or start the translation of a page not yet translated), or edit the segment
tui-help-edit = edit the selected translation
tui-help-drop = drop the unsaved edit of the segment
tui-help-save = save the edited files
tui-help-review = mark the translation correct for the current English
tui-help-dismiss = dismiss the segment's findings (≠) until its text changes
tui-help-carry = carry a link-only change into the translation
tui-help-join = join the row with the next one (corrects the alignment)
tui-help-split = split the row: segments paired one to one, in order
tui-help-shift = move a translated segment across rows: < takes the next row's first, > gives this row's last to the next
tui-help-back = back (clears the search, then the filter)
tui-help-help = show or hide this list
tui-help-quit = q: back to the dashboard, and quit from there; Ctrl-C: quit (asks first if edits are unsaved)
tui-help-mouse = mouse: the wheel scrolls, a click selects (a second click opens)
tui-help-editor = In the editor
tui-help-editor-keep = leave the editor (asks before dropping a changed text: save, keep unsaved or drop)
tui-help-editor-save = save the file; when the English had changed, also mark the translation reviewed
tui-help-editor-suggest = replace the text with a translation-memory suggestion (shown with its English; Ctrl-Z brings the text back)
tui-help-editor-undo = undo, redo
tui-help-editor-select = select text
tui-help-editor-clipboard = copy, cut, paste (the terminal's paste works too)
tui-help-legend = Marks
tui-legend-edited = unsaved edit
tui-legend-unsure = alignment uncertain
tui-legend-finding = finding (d)
tui-error-open = cannot open { $path }
tui-error-terminal = cannot open the terminal (trame's interface needs an interactive terminal)
tui-working-in = Working in { $lang }: documents open on it, the dashboard lists its work first (L for the next language).
tui-remember-failed = Could not remember the language for this repository: { $error }
tui-help-switch-language = work in the next translation language (remembered for the repository)
tui-nothing-to-do-any = Nothing needs attention in any translation.
tui-saved-reviewed = Saved { $path }; the translation is marked correct for the current English.
tui-edit-discarded = Edit dropped: the translation is as it was.
tui-confirm-drop = Leave the editor? The text was changed.
tui-confirm-drop-keys = s save · k keep unsaved · y drop the edit · Esc stay
tui-help-editor-select-all = select the whole text (typing replaces it)
tui-dashboard-new = Not yet in { $lang } (Enter starts the translation):
tui-dashboard-no-match = No page matches the search or the filter (Esc clears them).
tui-created = Created { $path }: { $memory ->
        [one] one segment
       *[other] { $memory } segments
    } from the translation memory, { $left ->
        [one] one left
       *[other] { $left } left
    } in English to translate.
tui-create-failed = Could not create the translation: { $error }
tui-search-prompt-pages = Search (page name or title):
