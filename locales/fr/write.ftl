# Messages de trame write et trame sync (français).

write-error-lang = { $lang } n'est pas une langue de traduction : donnez un code de langue comme fr ou it (pas en)
write-error-not-a-source = { $path } est une traduction : donnez sa page anglaise
write-error-changed = { $path } a changé sur le disque depuis que trame l'a lu : rien n'a été écrit et le fichier sur le disque est conservé ; relancez la commande pour repartir de son nouveau contenu
write-error-save = impossible d'écrire { $path }
write-error-localize = impossible de localiser { $path }

write-new = { $path } (nouvelle traduction { $lang }) : { $memory ->
        [0] rien de la mémoire de traduction
        [one] un segment de la mémoire de traduction
       *[other] { $memory } segments de la mémoire de traduction
    }, { $missing ->
        [0] aucun laissé en anglais
        [one] un laissé en anglais
       *[other] { $missing } laissés en anglais
    }
write-filled = { $path } : { $memory ->
        [0] aucun segment manquant rempli par la mémoire de traduction
        [one] un segment manquant rempli par la mémoire de traduction
       *[other] { $memory } segments manquants remplis par la mémoire de traduction
    }, { $missing ->
        [0] plus aucun manquant
        [one] encore un manquant
       *[other] encore { $missing } manquants
    }
write-missing = { $location } ({ $kind }), en anglais : { $text }
write-from-memory = { $location } ({ $kind }), de la mémoire de traduction : { $text }
write-suggestion = mémoire de traduction, similaire à { $similarity } % : { $text }
write-wrote = { $path } écrit
write-unchanged = { $path } est à jour : rien à écrire
write-dry-run = simulation : rien n'a été écrit

sync-change = { $location } : { $old } → { $new }
sync-left = { $location } : non reporté, { $reason }
sync-reason-count = { $kind ->
        [url] des liens ont été ajoutés ou retirés
        [code] des extraits de code ont été ajoutés ou retirés
       *[number] des nombres ont été ajoutés ou retirés
    } ({ $old } avant, { $new } maintenant)
sync-reason-conflicting = { $value } a maintenant plusieurs valeurs, ou reste à certains endroits
sync-reason-not-found = la traduction ne contient pas { $value }
sync-reason-repeated = la traduction contient { $value } { $count ->
        [one] { $count } fois
       *[other] { $count } fois
    }
sync-reason-outdated = la traduction ne correspond pas à ses segments
sync-reason-several = l'anglais est traduit par plusieurs segments
sync-reason-context = l'ancien anglais ne peut pas être lu seul
sync-summary = { $changes ->
        [0] aucune modification
        [one] une modification
       *[other] { $changes } modifications
    } dans { $files ->
        [0] aucun fichier
        [one] un fichier
       *[other] { $files } fichiers
    }, { $left ->
        [0] rien n'est laissé aux traducteurs
        [one] une modification laissée aux traducteurs
       *[other] { $left } modifications laissées aux traducteurs
    }
