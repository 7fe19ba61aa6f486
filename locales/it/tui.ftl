# Messages of the terminal interface.

tui-title = trame · { $count ->
        [one] un documento
       *[other] { $count } documenti
    }
tui-dashboard-empty = Nessuna traduzione trovata: trame cerca pagine come x.md con accanto x.fr.md o x.it.md.
tui-dashboard-problems = ⚠ { $orphans ->
    [0] {""}
    [one] una traduzione orfana
   *[other] { $orphans } traduzioni orfane
}{ $orphans ->
    [0] {""}
   *[other] { $skipped ->
        [0] {""}
       *[other] ,{" "}
    }
}{ $skipped ->
    [0] {""}
    [one] un file ignorato
   *[other] { $skipped } file ignorati
} (vedi la riga di stato)
tui-loading = { $total ->
        [0] lettura delle pagine e della loro cronologia…
       *[other] pagine lette: { $done } su { $total }…
    }
tui-load-failed = Non è stato possibile leggere tutte le pagine: { $error }
tui-lang-en = Inglese
tui-lang-fr = Francese
tui-lang-it = Italiano
tui-count-translated = { $count ->
        [one] { $count } tradotto
       *[other] { $count } tradotti
    }
tui-count-stale = { $count ->
        [one] { $count } obsoleto
       *[other] { $count } obsoleti
    }
tui-count-missing = { $count ->
        [one] { $count } mancante
       *[other] { $count } mancanti
    }
tui-count-untranslated = { $count ->
        [one] { $count } non tradotto
       *[other] { $count } non tradotti
    }
tui-count-link-only = { $count ->
        [one] { $count } solo link
       *[other] { $count } solo link
    }
tui-count-cosmetic = { $count ->
        [one] { $count } cosmetico
       *[other] { $count } cosmetici
    }
tui-count-removed = { $count ->
        [one] { $count } rimosso
       *[other] { $count } rimossi
    }
tui-percent = { $value }%
tui-missing-placeholder = non ancora tradotto
tui-no-rows = Nessun segmento corrisponde al filtro o alla ricerca (Esc li cancella).
tui-status-position = { $pos }/{ $total }
tui-status-unsaved = { $count ->
        [one] una modifica non salvata
       *[other] { $count } modifiche non salvate
    }
tui-status-filter = filtro: { $filter }
tui-status-search = ricerca: { $query }
tui-filter-all = tutti
tui-filter-attention = da rivedere
tui-search-prompt = Cerca (inglese e traduzioni):
tui-hints-dashboard = n prossimo · Invio apri · / cerca · f da fare · L lingua · ? aiuto · q esci
tui-hints-document = n prossimo · e modifica · r approva · s salva · / cerca · q indietro · ? aiuto
tui-hints-edit = Ctrl-S salva · Esc esci · Alt-1 suggerimento · Ctrl-Z annulla · F1 aiuto
tui-hints-search = Invio tieni la ricerca · Esc cancellala
tui-edit-title = { $lang }: la tua traduzione
tui-edit-english = Inglese
tui-edit-diff = Inglese: cosa è cambiato dalla traduzione (rosso tolto, verde aggiunto)
tui-suggestions = Memoria di traduzione
tui-suggestions-none = Nessun suggerimento per questo segmento.
tui-saved = { $path } salvato.
tui-save-changed-on-disk = { $path } è cambiato sul disco da quando trame l'ha letto: non è stato scritto nulla, le tue modifiche sono conservate.
tui-save-failed = Impossibile salvare { $path }: { $error }
tui-save-nothing = Niente da salvare.
tui-reload-failed = Salvato, ma non è stato possibile rileggere la pagina: { $error }
tui-reviewed = { $count ->
        [one] Revisione registrata: la traduzione è segnata come corretta per l'inglese attuale.
       *[other] Revisioni registrate: { $count } traduzioni sono segnate come corrette per l'inglese attuale.
    }
tui-review-unchanged = Già approvato: non è cambiato nulla.
tui-review-failed = Impossibile registrare la revisione: { $error }
tui-review-pending = Salva prima questa modifica (s), poi approvala.
tui-review-nothing = Niente da approvare qui: questo segmento non ha traduzione.
tui-dismissed = { $count ->
        [one] Regola { $rules } ignorata su questo segmento: non verrà più segnalata finché il suo inglese o la sua traduzione non cambiano.
       *[other] Regole { $rules } ignorate su questo segmento: non verranno più segnalate finché il suo inglese o la sua traduzione non cambiano.
    }
tui-dismiss-unchanged = Già ignorato: non è cambiato nulla.
tui-dismiss-failed = Impossibile registrare l'esclusione: { $error }
tui-dismiss-pending = Salva prima questa modifica (s), poi ignora le sue segnalazioni.
tui-dismiss-nothing = Niente da ignorare qui: questo segmento non ha segnalazioni.
tui-carried = { $count ->
        [one] Modifica del link riportata (un valore). Salva con s.
       *[other] Modifiche dei link riportate ({ $count } valori). Salva con s.
    }
tui-carry-nothing = Nessuna modifica di soli link da riportare qui.
tui-carry-ambiguous = Questa modifica del link non si può riportare con sicurezza: modifica la traduzione (e).
tui-carry-pending = Questo segmento ha una modifica non salvata: riporta il link a mano nell'editor.
tui-realigned = Allineamento corretto e registrato in .trame-align (da committare con le pagine).
tui-realign-unchanged = Questa correzione era già registrata: non è cambiato nulla.
tui-realign-failed = Impossibile registrare la correzione dell'allineamento: { $error }
tui-realign-pending = Prima salva (s) o scarta (u) le modifiche non salvate di questa traduzione: le correzioni valgono per il testo salvato.
tui-realign-no-row = Questa traduzione non ha niente su questa riga.
tui-realign-no-next = In questa traduzione non c'è una riga successiva.
tui-realign-nothing-to-split = Niente da dividere: ogni riga qui abbina già al massimo un segmento per lato.
tui-realign-no-target = Questa riga non ha segmenti tradotti da spostare.
tui-realign-next-no-target = La riga successiva non ha segmenti tradotti da prendere.
tui-edit-kept = Modifica tenuta, non ancora salvata: premi s per salvare.
tui-edit-unchanged = Invariato.
tui-edit-split-mismatch = Mantieni { $count ->
        [one] un solo paragrafo
       *[other] { $count } paragrafi, separati da una riga vuota
    }.
tui-edit-cannot-fill = Qui mancano più segmenti inglesi: aprili uno alla volta con il filtro (f).
tui-edit-dropped = Modifica non salvata scartata.
tui-edit-none-pending = Nessuna modifica non salvata su questo segmento.
tui-wrapped = Ricominciato dall'altra estremità del documento.
tui-nothing-to-do = Niente da rivedere in questa traduzione ({ $lang }).
tui-confirm-quit = { $count ->
        [one] Un file ha modifiche non salvate.
       *[other] { $count } file hanno modifiche non salvate.
    }
tui-confirm-quit-keys = s salva ed esci · y esci senza salvare · Esc resta
tui-help-title = Tasti
tui-help-move = sposta la selezione
tui-help-language = cambia colonna di traduzione
tui-help-page = una schermata su o giù
tui-help-first-last = primo o ultimo segmento
tui-help-next = segmento successivo o precedente da rivedere nella lingua di lavoro, di pagina in pagina (apre la pagina)
tui-help-filter = mostrare solo i segmenti in uno stato (ciclo); nel pannello, solo le pagine da lavorare
tui-help-search = cercare nell'inglese e nelle traduzioni; nel pannello, nomi e titoli delle pagine
tui-help-open = aprire il documento (o avviare la traduzione di una pagina non ancora tradotta), o modificare il segmento
tui-help-edit = modifica la traduzione selezionata
tui-help-drop = scarta la modifica non salvata del segmento
tui-help-save = salva i file modificati
tui-help-review = segna la traduzione come corretta per l'inglese attuale
tui-help-dismiss = ignora le segnalazioni (≠) del segmento finché non cambia
tui-help-carry = riporta nella traduzione una modifica di soli link
tui-help-join = unisci la riga alla successiva (corregge l'allineamento)
tui-help-split = dividi la riga: segmenti abbinati uno a uno, in ordine
tui-help-shift = sposta un segmento tradotto tra le righe: < prende il primo della riga successiva, > passa l'ultimo di questa alla successiva
tui-help-back = indietro (cancella la ricerca, poi il filtro)
tui-help-help = mostra o nascondi questo elenco
tui-help-quit = q: torna al pannello, ed esce da lì; Ctrl-C: esci (chiede prima se ci sono modifiche non salvate)
tui-help-mouse = mouse: la rotellina scorre, un clic seleziona (un secondo clic apre)
tui-help-editor = Nell'editor
tui-help-editor-keep = esci dall'editor (chiede prima di scartare un testo modificato: salva, tieni o scarta)
tui-help-editor-save = salva il file; se l'inglese era cambiato, approva anche la traduzione
tui-help-editor-suggest = sostituire il testo con un suggerimento della memoria di traduzione (mostrato con il suo inglese; Ctrl-Z ripristina il testo)
tui-help-editor-undo = annulla, ripeti
tui-help-editor-select = seleziona il testo
tui-help-editor-clipboard = copia, taglia, incolla (funziona anche l'incolla del terminale)
tui-help-legend = Segni
tui-legend-edited = modifica non salvata
tui-legend-unsure = allineamento incerto
tui-legend-finding = segnalazione (d)
tui-error-open = impossibile aprire { $path }
tui-error-terminal = impossibile aprire il terminale (l'interfaccia di trame ha bisogno di un terminale interattivo)
tui-working-in = Lavoro in { $lang }: i documenti si aprono su questa lingua, il pannello mostra prima il suo lavoro (L per la lingua successiva).
tui-remember-failed = Impossibile ricordare la lingua per questo repository: { $error }
tui-help-switch-language = lavorare nella lingua di traduzione successiva (ricordata per il repository)
tui-nothing-to-do-any = Niente da rivedere in nessuna traduzione.
tui-saved-reviewed = { $path } salvato; la traduzione è approvata per l'inglese attuale.
tui-edit-discarded = Modifica scartata: la traduzione resta com'era.
tui-confirm-drop = Uscire dall'editor? Il testo è stato modificato.
tui-confirm-drop-keys = s salva · k tieni senza salvare · y scarta la modifica · Esc resta
tui-help-editor-select-all = selezionare tutto il testo (la digitazione lo sostituisce)
tui-dashboard-new = Non ancora in { $lang } (Invio avvia la traduzione):
tui-dashboard-no-match = Nessuna pagina corrisponde alla ricerca o al filtro (Esc li cancella).
tui-created = { $path } creato: { $memory ->
        [one] { $memory } segmento preso
       *[other] { $memory } segmenti presi
    } dalla memoria di traduzione, { $left ->
        [one] { $left } lasciato
       *[other] { $left } lasciati
    } in inglese da tradurre.
tui-create-failed = Impossibile creare la traduzione: { $error }
tui-search-prompt-pages = Cerca (nome o titolo della pagina):
