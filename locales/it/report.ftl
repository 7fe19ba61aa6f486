# Messages of trame status and trame check.

status-header = { $documents ->
        [one] una pagina
       *[other] { $documents } pagine
    } ({ $languages })
status-empty = Nessuna pagina tradotta trovata: una traduzione è un file accanto alla sua pagina (x.it.md per x.md) o in una cartella di lingua (content/it/x.md).
status-cell = { $percent }% ({ $stale ->
        [one] { $stale } obsoleto
       *[other] { $stale } obsoleti
    }, { $missing ->
        [one] { $missing } mancante
       *[other] { $missing } mancanti
    }{ $untranslated ->
        [0] {""}
        [one] , { $untranslated } non tradotto
       *[other] , { $untranslated } non tradotti
    })
status-total = Totale
status-none = —
status-section-top = (inizio)
check-coverage = è tradotto il { $percent }% della pagina; è richiesto il { $required }%
check-section-missing = la sezione «{ $section }» non è tradotta del tutto: { $missing ->
        [0] { $english ->
                [one] un segmento è rimasto in inglese
               *[other] { $english } segmenti sono rimasti in inglese
            }
        [one] { $english ->
                [0] manca un segmento
                [one] manca un segmento, uno è rimasto in inglese
               *[other] manca un segmento, { $english } sono rimasti in inglese
            }
       *[other] { $english ->
                [0] mancano { $missing } segmenti
                [one] mancano { $missing } segmenti, uno è rimasto in inglese
               *[other] mancano { $missing } segmenti, { $english } sono rimasti in inglese
            }
    } ({ $source }:{ $first }-{ $last })
check-stale = l'inglese è cambiato da quando è stato tradotto ({ $source }:{ $line }):
check-removed = l'inglese di questo segmento è stato eliminato; la traduzione lo contiene ancora
check-moved = { $count ->
    [one] un blocco di questa traduzione è inglese passato in { $page }: spostalo nella traduzione di quella pagina
   *[other] { $count } blocchi di questa traduzione sono inglese passato in { $page }: spostali nella traduzione di quella pagina
}
check-finding-source = { $rule } «{ $value }» dell'inglese ({ $source }:{ $line }) manca qui
check-finding-target = { $rule } «{ $value }» è qui ma non nell'inglese ({ $source })
check-finding-anchor = il link a «#{ $value }» non porta a nessun titolo di questa pagina (un titolo tradotto riceve un'altra ancora: scrivi {"{"}#{ $value }{"}"} dopo il titolo inteso, oppure collega la sua nuova ancora)
check-finding-markdown = Markdown rotto qui ma non nell'inglese ({ $source }): { $value }
check-summary = trame check: { $errors ->
        [one] un errore
       *[other] { $errors } errori
    }, { $warnings ->
        [one] un avviso
       *[other] { $warnings } avvisi
    } in { $translations ->
        [one] una traduzione
       *[other] { $translations } traduzioni
    }
check-github-left-out = non mostrati come annotazioni in questo file: { $errors ->
        [one] un altro errore
       *[other] altri { $errors } errori
    }, { $warnings ->
        [one] un altro avviso
       *[other] altri { $warnings } avvisi
    } (GitHub ne mostra { $limit } per tipo e per file); trame check li elenca tutti
check-junit-failures = { $count ->
        [one] { $count } errore
       *[other] { $count } errori
    }
check-step-title = trame check: { $errors ->
        [0] superato
       *[other] non superato
    }
check-step-language = Lingua
check-step-pages = Pagine
check-step-translated = Tradotto
check-step-percent = { $percent }%
check-step-stale = Obsoleti
check-step-missing = Mancanti
check-step-untranslated = Non tradotti
check-step-errors = Errori
check-step-warnings = Avvisi
check-step-files = File con più errori
check-step-file = File
check-step-more-files = { $count ->
        [one] e un altro file segnalato
       *[other] e altri { $count } file segnalati
    }
check-step-failed = impossibile aggiungere il riepilogo del job a { $path }
severity-error = errore
severity-warning = avviso
scanning = lettura delle pagine e della storia…
error-config = configurazione non valida: { $detail }
status-wrote = scritto { $path }
html-title = Stato delle traduzioni
html-totals = Totali per lingua (clicca su una colonna per ordinare)
html-language = Lingua
html-pages = Pagine
html-segments = Segmenti tradotti
html-words = Parole da tradurre
html-without = Pagine senza traduzione
html-section = Sezione
html-coverage = Tradotto
html-stale = Obsoleti
html-missing = Mancanti
html-untranslated = Non tradotti
html-lang-heading = { $lang }: { $pages ->
        [0] nessuna pagina tradotta
        [one] una pagina tradotta
       *[other] { $pages } pagine tradotte
    }
html-stale-count = { $count ->
        [one] Un segmento obsoleto
       *[other] { $count } segmenti obsoleti
    }
html-english = Inglese, riga { $lines }
html-translation = Traduzione, riga { $lines }
html-not-translated = { $count ->
        [one] Una pagina non ha traduzione; questo comando la inizia:
       *[other] { $count } pagine non hanno traduzione; ogni comando ne inizia una:
    }
html-legend = Apri una pagina per vederne le sezioni e i segmenti obsoleti. Nelle modifiche dell’inglese, ~~le parole eliminate sono barrate~~ e __quelle aggiunte sottolineate__.
html-sort = Ordina secondo questa colonna
html-nothing = Nessuna traduzione trovata.
html-footer = Generato da trame { $version }.
check-md-base = Rispetto a { $base } ({ $commit }): { $needing ->
        [0] niente di nuovo da tradurre
        [one] un segmento richiede di nuovo lavoro
       *[other] { $needing } segmenti richiedono di nuovo lavoro
    }, { $fixed ->
        [0] nessuno corretto
        [one] uno corretto
       *[other] { $fixed } corretti
    }.
check-md-new = { $state }: { $file }:{ $line } «{ $text }»
check-md-fixed = corretto ({ $state } prima): { $file }:{ $line } «{ $text }»
check-md-more = { $count ->
        [one] e un altro cambiamento
       *[other] e altri { $count } cambiamenti
    }
check-md-report = Stato completo delle traduzioni
