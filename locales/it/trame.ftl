# Testi dell'interfaccia di trame (italiano).

error = errore: { $detail }
warning = avviso: { $detail }
error-read = impossibile leggere { $path }
error-utf8 = { $path } non è testo UTF-8: sequenza non valida al byte { $offset }
error-no-markdown = nessun file Markdown in { $path }
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

diag-unclosed-front-matter = il front matter aperto in questa riga non viene mai chiuso; è letto come Markdown
diag-bad-front-matter = il front matter non è leggibile ({ $message }); i suoi valori non sono segmentati
diag-unclosed-code-fence = questo blocco di codice non viene mai chiuso e arriva fino alla fine del file
diag-unclosed-shortcode = questo shortcode non viene mai chiuso

kind-front-matter = front matter
kind-heading = titolo
kind-paragraph = paragrafo
kind-list-item = voce di elenco
kind-table-cell = cella
kind-blockquote = citazione
kind-shortcode-param = shortcode
