# Messages of trame status and trame check.

status-header = { $documents ->
        [one] una pagina
       *[other] { $documents } pagine
    } ({ $languages })
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
status-none = —
status-section-top = (inizio)
check-coverage = è tradotto il { $percent }% della pagina; è richiesto il { $required }%
check-section-missing = la sezione «{ $section }» non è tradotta: { $count ->
        [one] manca un segmento
       *[other] mancano { $count } segmenti
    } ({ $source }:{ $first }-{ $last })
check-stale = l'inglese è cambiato da quando è stato tradotto ({ $source }:{ $line }):
check-removed = l'inglese di questo segmento è stato eliminato; la traduzione lo contiene ancora
check-finding-source = { $rule } «{ $value }» dell'inglese ({ $source }:{ $line }) manca qui
check-finding-target = { $rule } «{ $value }» è qui ma non nell'inglese ({ $source })
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
severity-error = errore
severity-warning = avviso
scanning = lettura delle pagine e della storia…
error-config = configurazione non valida: { $detail }
