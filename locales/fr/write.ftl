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
sync-reason-code-changed = le bloc de code de la traduction n'est pas celui de l'ancien anglais (commentaires traduits ?) : mettez-le à jour à la main
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

# trame export, import et tm.

export-wrote = { $units ->
        [0] aucune unité
        [one] une unité
       *[other] { $units } unités
    } de { $pages ->
        [0] aucune page
        [one] une page
       *[other] { $pages } pages
    } écrites dans { $path }
tm-wrote = { $count ->
        [0] aucune paire
        [one] une paire alignée
       *[other] { $count } paires alignées
    } écrites dans { $path }
import-error-xliff = { $path } n'est pas un fichier XLIFF 1.2 que trame sait lire : { $detail }
import-error-po = { $path }, ligne { $line } : pas un fichier PO que trame sait lire : { $detail }
import-error-no-language = { $path } ne dit pas vers quelle langue il traduit
import-refused = { $id } ({ $text }) : non importée, { $reason }
import-reason-english-changed = son anglais a changé depuis l'export (exportez-la à nouveau)
import-reason-no-page = sa page n'est pas une page de ce projet dans cette langue
import-reason-code-missing = le code en ligne { $code } manque
import-reason-code-added = le code en ligne { $code } n'est pas dans l'anglais
import-reason-code-altered = le code en ligne { $code } a été modifié ou n'a pas été écrit par trame
import-reason-segments = la traduction compte ici { $expected ->
        [one] un segment
       *[other] { $expected } segments
    } séparés par des lignes vides, et le texte { $found ->
        [one] un
       *[other] { $found }
    }
import-reason-localize = le fichier de traduction ne peut pas la recevoir : { $detail }
import-summary = { $units ->
        [0] aucune unité importée
        [one] une unité importée
       *[other] { $units } unités importées
    } dans { $files ->
        [0] aucun fichier
        [one] un fichier
       *[other] { $files } fichiers
    }, { $unchanged ->
        [0] aucune inchangée
        [one] une inchangée
       *[other] { $unchanged } inchangées
    }, { $refused ->
        [0] aucune refusée
        [one] une refusée
       *[other] { $refused } refusées
    }
import-reviews = { $count ->
        [one] un segment enregistré comme relu
       *[other] { $count } segments enregistrés comme relus
    }
