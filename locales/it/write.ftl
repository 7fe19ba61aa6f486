# Messaggi di trame write e trame sync (italiano).

write-error-lang = { $lang } non è una lingua di traduzione: indica un codice di lingua come fr o it (non en)
write-error-not-a-source = { $path } è una traduzione: indica la sua pagina inglese
write-error-changed = { $path } è cambiato sul disco da quando trame l'ha letto: non è stato scritto niente e il file sul disco è conservato; esegui di nuovo il comando per ripartire dal nuovo contenuto
write-error-save = impossibile scrivere { $path }
write-error-localize = impossibile localizzare { $path }

write-new = { $path } (nuova traduzione { $lang }): { $memory ->
        [0] niente dalla memoria di traduzione
        [one] un segmento dalla memoria di traduzione
       *[other] { $memory } segmenti dalla memoria di traduzione
    }, { $missing ->
        [0] nessuno lasciato in inglese
        [one] uno lasciato in inglese
       *[other] { $missing } lasciati in inglese
    }
write-filled = { $path }: { $memory ->
        [0] nessun segmento mancante riempito dalla memoria di traduzione
        [one] un segmento mancante riempito dalla memoria di traduzione
       *[other] { $memory } segmenti mancanti riempiti dalla memoria di traduzione
    }, { $missing ->
        [0] nessuno ancora mancante
        [one] uno ancora mancante
       *[other] { $missing } ancora mancanti
    }
write-missing = { $location } ({ $kind }), in inglese: { $text }
write-from-memory = { $location } ({ $kind }), dalla memoria di traduzione: { $text }
write-suggestion = memoria di traduzione, somiglianza { $similarity }%: { $text }
write-wrote = scritto { $path }
write-unchanged = { $path } è aggiornato: niente da scrivere
write-dry-run = simulazione: non è stato scritto niente

sync-change = { $location }: { $old } → { $new }
sync-left = { $location }: non riportato, { $reason }
sync-reason-count = { $kind ->
        [url] sono stati aggiunti o tolti dei link
        [code] sono stati aggiunti o tolti degli estratti di codice
       *[number] sono stati aggiunti o tolti dei numeri
    } ({ $old } prima, { $new } ora)
sync-reason-conflicting = { $value } ha ora più valori, o resta in alcuni punti
sync-reason-not-found = la traduzione non contiene { $value }
sync-reason-repeated = la traduzione contiene { $value } { $count ->
        [one] una volta
       *[other] { $count } volte
    }
sync-reason-outdated = la traduzione non corrisponde ai suoi segmenti
sync-reason-several = l'inglese è tradotto da più segmenti
sync-reason-context = il vecchio inglese non si può leggere da solo
sync-reason-code-changed = il blocco di codice della traduzione non è quello del vecchio inglese (commenti tradotti?): aggiornalo a mano
sync-summary = { $changes ->
        [0] nessuna modifica
        [one] una modifica
       *[other] { $changes } modifiche
    } in { $files ->
        [0] nessun file
        [one] un file
       *[other] { $files } file
    }, { $left ->
        [0] niente lasciato ai traduttori
        [one] una modifica lasciata ai traduttori
       *[other] { $left } modifiche lasciate ai traduttori
    }

# trame export, import e tm.

export-wrote = { $units ->
        [0] nessuna unità
        [one] un'unità
       *[other] { $units } unità
    } da { $pages ->
        [0] nessuna pagina
        [one] una pagina
       *[other] { $pages } pagine
    } scritte in { $path }
tm-wrote = { $count ->
        [0] nessuna coppia
        [one] una coppia allineata
       *[other] { $count } coppie allineate
    } scritte in { $path }
import-error-xliff = { $path } non è un file XLIFF 1.2 che trame sa leggere: { $detail }
import-error-po = { $path }, riga { $line }: non è un file PO che trame sa leggere: { $detail }
import-error-no-language = { $path } non dice in quale lingua traduce
import-refused = { $id } ({ $text }): non importata, { $reason }
import-reason-english-changed = il suo inglese è cambiato dopo l'esportazione (esportala di nuovo)
import-reason-no-page = la sua pagina non è una pagina di questo progetto in questa lingua
import-reason-code-missing = manca il codice in linea { $code }
import-reason-code-added = il codice in linea { $code } non è nell'inglese
import-reason-code-altered = il codice in linea { $code } è stato modificato o non è stato scritto da trame
import-reason-segments = qui la traduzione ha { $expected ->
        [one] un segmento
       *[other] { $expected } segmenti
    } separati da righe vuote, e il testo { $found ->
        [one] uno
       *[other] { $found }
    }
import-reason-localize = il file di traduzione non può riceverla: { $detail }
import-summary = { $units ->
        [0] nessuna unità importata
        [one] un'unità importata
       *[other] { $units } unità importate
    } in { $files ->
        [0] nessun file
        [one] un file
       *[other] { $files } file
    }, { $unchanged ->
        [0] nessuna invariata
        [one] una invariata
       *[other] { $unchanged } invariate
    }, { $refused ->
        [0] nessuna rifiutata
        [one] una rifiutata
       *[other] { $refused } rifiutate
    }
import-reviews = { $count ->
        [one] un segmento registrato come rivisto
       *[other] { $count } segmenti registrati come rivisti
    }
