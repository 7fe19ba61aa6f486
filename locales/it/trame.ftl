# Testi dell'interfaccia di trame (italiano).

error = errore: { $detail }
warning = avviso: { $detail }
error-read = impossibile leggere { $path }
error-utf8 = { $path } non è testo UTF-8: sequenza non valida al byte { $offset }
error-write-output = impossibile scrivere l'output

segments-summary = { $path }: { $count ->
        [one] un segmento
       *[other] { $count } segmenti
    }

align-summary = { $source } → { $target }: { $rows ->
        [one] una riga
       *[other] { $rows } righe
    }, { $review ->
        [0] nessuna da rivedere
        [one] una da rivedere (segnata ?)
       *[other] { $review } da rivedere (segnate ?)
    }

note-no-repository = { $path } non è in un repository git: l'obsolescenza è sconosciuta, sono segnalati solo i segmenti mancanti
note-shallow = questo è un clone superficiale: le traduzioni più vecchie della sua storia sono confrontate con il suo commit più vecchio
note-not-committed = { $path } non è nel commit: i suoi segmenti contano come tradotti dall'inglese attuale
note-skipped-directory = { $path } è una cartella, non una pagina: ignorata
note-skipped-special = { $path } non è un file normale (FIFO, socket o dispositivo): ignorato senza aprirlo
note-skipped-unreadable = impossibile leggere { $path } ({ $detail }): ignorato
note-skipped-utf8 = { $path } non è testo UTF-8 (sequenza non valida al byte { $offset }): ignorato
note-skipped-no-markdown = nessun file Markdown in { $path }
note-skipped-too-large = { $path } è di { $size ->
        [one] un byte
       *[other] { $size } byte
    }, più del limite di { $limit } (max-page-bytes in trame.toml): ignorato
note-skipped-outside = { $path } è un collegamento che porta fuori dal repository: ignorato
note-removed-temp = rimosso { $path }, file temporaneo lasciato da un salvataggio interrotto
error-outside = { $path } è fuori dal repository ({ $root }): rifiutato
note-orphan = { $path } ({ $lang }) è una traduzione senza pagina sorgente
note-orphan-likely = { $path } ({ $lang }) è una traduzione senza pagina sorgente; probabilmente traduce { $source }, rinominata nel frattempo
error-unknown-lang = { $found ->
    [none] nessuna traduzione in «{ $lang }»: questo sito non ha ancora traduzioni
   *[other] nessuna traduzione in «{ $lang }»; lingue trovate: { $found }
}
error-nothing-read = nessuna pagina ha potuto essere letta
stale-moved-to = il suo inglese ora è in { $page }: sposta lì questa traduzione
stale-summary = { $source } → { $target } ({ $lang }): { $stale ->
        [one] { $stale } obsoleto
       *[other] { $stale } obsoleti
    }, { $missing ->
        [one] { $missing } mancante
       *[other] { $missing } mancanti
    }, { $untranslated ->
        [one] { $untranslated } non tradotto
       *[other] { $untranslated } non tradotti
    }, { $removed ->
        [one] { $removed } rimosso
       *[other] { $removed } rimossi
    }, { $linkonly ->
        [one] { $linkonly } solo link
       *[other] { $linkonly } solo link
    }, { $cosmetic ->
        [one] { $cosmetic } cosmetico
       *[other] { $cosmetic } cosmetici
    }
state-up-to-date = aggiornato
state-cosmetic = cosmetico
state-link-only = solo link
state-already-updated = già aggiornato
state-stale = obsoleto
state-missing = mancante
state-untranslated = non tradotto
state-removed = rimosso
error-no-translation = nessuna traduzione { $lang } trovata per { $path }
error-no-segment = non esiste il segmento { $number }: { $count ->
        [0] la pagina non ha segmenti
        [one] la pagina ne ha uno solo
       *[other] la pagina ne ha { $count }
    }
review-recorded = { $count ->
        [one] registrata una revisione in { $path }
       *[other] registrate { $count } revisioni in { $path }
    }
review-unchanged = { $path } conteneva già { $count ->
        [one] questa revisione
       *[other] queste revisioni
    }; niente da scrivere
dismiss-recorded = { $count ->
        [one] { $rules } ignorato su un segmento, registrato in { $path }
       *[other] { $rules } ignorato su { $count } segmenti, registrato in { $path }
    }
dismiss-unchanged = { $path } conteneva già { $count ->
        [one] questa esclusione
       *[other] queste esclusioni
    }; niente da scrivere
dismiss-nothing = nessuna segnalazione { $rules } da ignorare; niente da scrivere
error-unknown-rule = regola sconosciuta «{ $name }»; regole: { $rules }
note-unknown-rule = { $path }:{ $line }: «{ $name }» in trame.ignore non è una regola e non viene considerata; regole: { $rules }

diag-unclosed-front-matter = il front matter aperto in questa riga non viene mai chiuso; è letto come Markdown
diag-bad-front-matter = il front matter non è leggibile ({ $message }); i suoi valori non sono segmentati
diag-unclosed-code-fence = questo blocco di codice non viene mai chiuso e arriva fino alla fine del file
diag-unclosed-shortcode = questo shortcode non viene mai chiuso
diag-fence-with-text = questa riga inizia come la chiusura di un blocco di codice ma è seguita da testo: non chiude nulla e il blocco di codice continua
diag-broken-table = queste righe sembrano righe di tabella, ma Markdown le legge come un paragrafo: la riga di intestazione e la riga di separazione sotto (|---|) devono avere lo stesso numero di celle, e ogni riga deve stare su una riga propria
diag-broken-list = queste righe sembrano un elenco numerato, ma Markdown legge i numeri di elenco solo in cifre ASCII (1. 2. 3.): numerate con altre cifre, formano un unico paragrafo

kind-front-matter = front matter
kind-heading = titolo
kind-paragraph = paragrafo
kind-list-item = voce di elenco
kind-table-cell = cella
kind-blockquote = citazione
kind-shortcode-param = shortcode
kind-code = blocco di codice
kind-shortcode = blocco shortcode
error-lang-before-command = --lang prima di un comando è quello dell'interfaccia: `trame --lang { $lang }` da solo apre l'interfaccia in quella lingua; un comando che accetta una lingua la prende dopo il suo nome
