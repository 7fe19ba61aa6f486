# Messages of trame status and trame check.

status-header = { $documents ->
        [one] { $documents } page
       *[other] { $documents } pages
    } ({ $languages })
status-empty = Aucune page traduite trouvée : une traduction est un fichier à côté de sa page (x.fr.md pour x.md) ou dans un dossier de langue (content/fr/x.md).
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
status-total = Total
status-none = —
status-section-top = (début)
check-coverage = { $percent } % de la page est traduit ; { $required } % est exigé
check-section-missing = la section « { $section } » n'est pas entièrement traduite : { $missing ->
        [0] { $english ->
                [one] { $english } segment est resté en anglais
               *[other] { $english } segments sont restés en anglais
            }
        [one] { $english ->
                [0] { $missing } segment manque
                [one] { $missing } segment manque, { $english } est resté en anglais
               *[other] { $missing } segment manque, { $english } sont restés en anglais
            }
       *[other] { $english ->
                [0] { $missing } segments manquent
                [one] { $missing } segments manquent, { $english } est resté en anglais
               *[other] { $missing } segments manquent, { $english } sont restés en anglais
            }
    } ({ $source }:{ $first }-{ $last })
check-stale = l'anglais a changé depuis cette traduction ({ $source }:{ $line }) :
check-removed = l'anglais de ce segment a été supprimé ; la traduction le contient encore
check-moved = { $count ->
    [one] un bloc de cette traduction est de l'anglais passé dans { $page } : déplacez-le dans la traduction de cette page
   *[other] { $count } blocs de cette traduction sont de l'anglais passé dans { $page } : déplacez-les dans la traduction de cette page
}
check-finding-source = { $rule } « { $value } » de l'anglais ({ $source }:{ $line }) manque ici
check-finding-target = { $rule } « { $value } » est ici mais pas dans l'anglais ({ $source })
check-finding-anchor = le lien vers « #{ $value } » ne mène à aucun titre de cette page (un titre traduit reçoit une autre ancre : écrivez {"{"}#{ $value }{"}"} après le titre visé, ou faites pointer le lien vers sa nouvelle ancre)
check-finding-markdown = Markdown cassé ici mais pas dans l'anglais ({ $source }) : { $value }
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
check-github-left-out = non affichés en annotations dans ce fichier : { $errors ->
        [one] { $errors } erreur de plus
       *[other] { $errors } erreurs de plus
    }, { $warnings ->
        [one] { $warnings } avertissement de plus
       *[other] { $warnings } avertissements de plus
    } (GitHub en affiche { $limit } de chaque sorte par fichier) ; trame check les liste tous
check-junit-failures = { $count ->
        [one] { $count } erreur
       *[other] { $count } erreurs
    }
check-step-title = trame check : { $errors ->
        [0] réussi
       *[other] échoué
    }
check-step-language = Langue
check-step-pages = Pages
check-step-translated = Traduit
check-step-percent = { $percent } %
check-step-stale = Obsolètes
check-step-missing = Manquants
check-step-untranslated = Non traduits
check-step-errors = Erreurs
check-step-warnings = Avertissements
check-step-files = Fichiers avec le plus d'erreurs
check-step-file = Fichier
check-step-more-files = { $count ->
        [one] et { $count } autre fichier signalé
       *[other] et { $count } autres fichiers signalés
    }
check-step-failed = impossible d'ajouter le résumé de la tâche à { $path }
severity-error = erreur
severity-warning = avertissement
scanning = lecture des pages et de l'historique…
error-config = configuration invalide : { $detail }
status-wrote = { $path } écrit
html-title = État des traductions
html-totals = Totaux par langue (cliquez sur une colonne pour trier)
html-language = Langue
html-pages = Pages
html-segments = Segments traduits
html-words = Mots à traduire
html-without = Pages sans traduction
html-section = Section
html-coverage = Traduit
html-stale = Périmés
html-missing = Manquants
html-untranslated = Non traduits
html-lang-heading = { $lang } : { $pages ->
        [0] aucune page traduite
        [one] une page traduite
       *[other] { $pages } pages traduites
    }
html-stale-count = { $count ->
        [one] Un segment périmé
       *[other] { $count } segments périmés
    }
html-english = Anglais, ligne { $lines }
html-translation = Traduction, ligne { $lines }
html-not-translated = { $count ->
        [one] Une page n’a pas de traduction ; cette commande la commence :
       *[other] { $count } pages n’ont pas de traduction ; chaque commande en commence une :
    }
html-legend = Ouvrez une page pour voir ses sections et ses segments périmés. Dans les changements de l’anglais, ~~les mots supprimés sont barrés~~ et __les mots ajoutés soulignés__.
html-sort = Trier selon cette colonne
html-nothing = Aucune traduction trouvée.
html-footer = Produit par trame { $version }.
check-md-base = Par rapport à { $base } ({ $commit }) : { $needing ->
        [0] rien de nouveau à traduire
        [one] un segment demande à nouveau du travail
       *[other] { $needing } segments demandent à nouveau du travail
    }, { $fixed ->
        [0] aucun corrigé
        [one] un corrigé
       *[other] { $fixed } corrigés
    }.
check-md-new = { $state } : { $file }:{ $line } « { $text } »
check-md-fixed = corrigé ({ $state } avant) : { $file }:{ $line } « { $text } »
check-md-more = { $count ->
        [one] et un autre changement
       *[other] et { $count } autres changements
    }
check-md-report = État complet des traductions
