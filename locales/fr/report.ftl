# Messages of trame status and trame check.

status-header = { $documents ->
        [one] { $documents } page
       *[other] { $documents } pages
    } ({ $languages })
status-cell = { $percent } % ({ $stale ->
        [one] { $stale } obsolète
       *[other] { $stale } obsolètes
    }, { $missing ->
        [one] { $missing } manquant
       *[other] { $missing } manquants
    }{ $untranslated ->
        [0] {""}
        [one] , { $untranslated } non traduit
       *[other] , { $untranslated } non traduits
    })
status-none = —
status-section-top = (début)
check-coverage = { $percent } % de la page est traduit ; { $required } % est exigé
check-section-missing = la section « { $section } » n'est pas traduite : { $count ->
        [one] { $count } segment manque
       *[other] { $count } segments manquent
    } ({ $source }:{ $first }-{ $last })
check-stale = l'anglais a changé depuis cette traduction ({ $source }:{ $line }) :
check-removed = l'anglais de ce segment a été supprimé ; la traduction le contient encore
check-finding-source = { $rule } « { $value } » de l'anglais ({ $source }:{ $line }) manque ici
check-finding-target = { $rule } « { $value } » est ici mais pas dans l'anglais ({ $source })
check-summary = trame check : { $errors ->
        [one] { $errors } erreur
       *[other] { $errors } erreurs
    }, { $warnings ->
        [one] { $warnings } avertissement
       *[other] { $warnings } avertissements
    } dans { $translations ->
        [one] { $translations } traduction
       *[other] { $translations } traductions
    }
severity-error = erreur
severity-warning = avertissement
scanning = lecture des pages et de l'historique…
error-config = configuration invalide : { $detail }
