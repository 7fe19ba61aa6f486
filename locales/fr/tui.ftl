# Messages of the terminal interface.

tui-title = trame · { $count ->
        [one] un document
       *[other] { $count } documents
    }
tui-dashboard-empty = Aucune traduction trouvée : trame cherche des pages comme x.md accompagnées de x.fr.md ou x.it.md.
tui-dashboard-problems = ⚠ { $orphans ->
    [0] {""}
    [one] une traduction orpheline
   *[other] { $orphans } traductions orphelines
}{ $orphans ->
    [0] {""}
   *[other] { $skipped ->
        [0] {""}
       *[other] ,{" "}
    }
}{ $skipped ->
    [0] {""}
    [one] un fichier ignoré
   *[other] { $skipped } fichiers ignorés
} (voir la ligne d'état)
tui-loading = { $total ->
        [0] lecture des pages et de leur historique…
       *[other] pages lues : { $done } sur { $total }…
    }
tui-load-failed = Certaines pages n'ont pas pu être lues : { $error }
tui-lang-en = Anglais
tui-lang-fr = Français
tui-lang-it = Italien
tui-count-translated = { $count ->
        [one] { $count } traduit
       *[other] { $count } traduits
    }
tui-count-stale = { $count ->
        [one] { $count } obsolète
       *[other] { $count } obsolètes
    }
tui-count-missing = { $count ->
        [one] { $count } manquant
       *[other] { $count } manquants
    }
tui-count-untranslated = { $count ->
        [one] { $count } non traduit
       *[other] { $count } non traduits
    }
tui-count-link-only = { $count ->
        [one] { $count } lien seul
       *[other] { $count } liens seuls
    }
tui-count-cosmetic = { $count ->
        [one] { $count } cosmétique
       *[other] { $count } cosmétiques
    }
tui-count-removed = { $count ->
        [one] { $count } supprimé
       *[other] { $count } supprimés
    }
tui-percent = { $value } %
tui-missing-placeholder = pas encore traduit
tui-no-rows = Aucun segment ne correspond au filtre ou à la recherche (Échap les efface).
tui-status-position = { $pos }/{ $total }
tui-status-unsaved = { $count ->
        [one] { $count } modification non enregistrée
       *[other] { $count } modifications non enregistrées
    }
tui-status-filter = filtre : { $filter }
tui-status-search = recherche : { $query }
tui-filter-all = tout
tui-filter-attention = à revoir
tui-search-prompt = Rechercher (anglais et traductions) :
tui-hints-dashboard = n suivant · ↵ ouvrir · / chercher · f à faire · L langue · ? aide · q quitter
tui-hints-document = n suivant · e modifier · r valider · s enreg. · / chercher · q retour · ? aide
tui-hints-edit = Ctrl-S enregistrer · Échap sortir · Alt-1 suggestion · Ctrl-Z annuler · F1 aide
tui-hints-search = Entrée garder la recherche · Échap l'effacer
tui-edit-title = { $lang } : votre traduction
tui-edit-english = Anglais
tui-edit-diff = Anglais : changements depuis la traduction (rouge supprimé, vert ajouté)
tui-suggestions = Mémoire de traduction
tui-suggestions-none = Aucune suggestion pour ce segment.
tui-saved = { $path } enregistré.
tui-save-changed-on-disk = { $path } a changé sur le disque depuis que trame l'a lu : rien n'a été écrit, vos modifications sont conservées.
tui-save-failed = Impossible d'enregistrer { $path } : { $error }
tui-save-nothing = Rien à enregistrer.
tui-reload-failed = Enregistré, mais la page n'a pas pu être relue : { $error }
tui-reviewed = { $count ->
        [one] Relecture enregistrée : la traduction est validée pour l'anglais actuel.
       *[other] Relectures enregistrées : { $count } traductions sont validées pour l'anglais actuel.
    }
tui-review-unchanged = Déjà validé : rien n'a changé.
tui-review-failed = Impossible d'enregistrer la relecture : { $error }
tui-review-pending = Enregistrez d'abord cette modification (s), puis validez-la.
tui-review-nothing = Rien à valider ici : ce segment n'a pas de traduction.
tui-dismissed = { $count ->
        [one] Règle { $rules } écartée sur ce segment : plus signalée tant que son anglais et sa traduction ne changent pas.
       *[other] Règles { $rules } écartées sur ce segment : plus signalées tant que son anglais et sa traduction ne changent pas.
    }
tui-dismiss-unchanged = Déjà écarté : rien n'a changé.
tui-dismiss-failed = Impossible d'enregistrer le rejet : { $error }
tui-dismiss-pending = Enregistrez d'abord cette modification (s), puis écartez ses constats.
tui-dismiss-nothing = Rien à écarter ici : ce segment n'a aucun constat.
tui-carried = { $count ->
        [one] Changement de lien reporté (une valeur). Enregistrez avec s.
       *[other] Changements de liens reportés ({ $count } valeurs). Enregistrez avec s.
    }
tui-carry-nothing = Aucun changement de lien à reporter ici.
tui-carry-ambiguous = Ce changement de lien ne peut pas être reporté sans risque : modifiez la traduction (e).
tui-carry-pending = Ce segment a une modification non enregistrée : reportez le lien à la main dans l'éditeur.
tui-realigned = Alignement corrigé et enregistré dans .trame-align (à committer avec les pages).
tui-realign-unchanged = Cette correction était déjà enregistrée : rien n'a changé.
tui-realign-failed = Impossible d'enregistrer la correction d'alignement : { $error }
tui-realign-pending = Enregistrez (s) ou abandonnez (u) d'abord les modifications de cette traduction : les corrections portent sur le texte enregistré.
tui-realign-no-row = Cette traduction n'a rien sur cette ligne.
tui-realign-no-next = Il n'y a pas de ligne suivante dans cette traduction.
tui-realign-nothing-to-split = Rien à séparer : chaque ligne ici associe déjà au plus un segment de chaque côté.
tui-realign-no-target = Cette ligne n'a aucun segment traduit à déplacer.
tui-realign-next-no-target = La ligne suivante n'a aucun segment traduit à reprendre.
tui-edit-kept = Modification gardée, pas encore enregistrée : appuyez sur s pour enregistrer.
tui-edit-unchanged = Inchangé.
tui-edit-split-mismatch = Gardez { $count ->
        [one] un seul paragraphe
       *[other] { $count } paragraphes, séparés par une ligne vide
    }.
tui-edit-cannot-fill = Plusieurs segments anglais manquent ici : ouvrez-les un par un avec le filtre (f).
tui-edit-dropped = Modification non enregistrée abandonnée.
tui-edit-none-pending = Aucune modification non enregistrée sur ce segment.
tui-wrapped = Reprise depuis l'autre bout du document.
tui-nothing-to-do = Rien à revoir dans cette traduction ({ $lang }).
tui-confirm-quit = { $count ->
        [one] Un fichier a des modifications non enregistrées.
       *[other] { $count } fichiers ont des modifications non enregistrées.
    }
tui-confirm-quit-keys = s enregistrer et quitter · y quitter sans enregistrer · Échap rester
tui-help-title = Touches
tui-help-move = déplacer la sélection
tui-help-language = changer de colonne de traduction
tui-help-page = un écran plus haut ou plus bas
tui-help-first-last = premier ou dernier segment
tui-help-next = segment suivant ou précédent à revoir dans la langue de travail, de page en page (ouvre la page)
tui-help-filter = ne montrer que les segments dans un état (cycle) ; au tableau de bord, les pages à travailler
tui-help-search = chercher dans l'anglais et les traductions ; au tableau de bord, noms et titres de pages
tui-help-open = ouvrir le document (ou commencer la traduction d'une page pas encore traduite), ou modifier le segment
tui-help-edit = modifier la traduction sélectionnée
tui-help-drop = abandonner la modification non enregistrée du segment
tui-help-save = enregistrer les fichiers modifiés
tui-help-review = valider la traduction pour l'anglais actuel
tui-help-dismiss = écarter les constats (≠) du segment (jusqu'à ce qu'il change)
tui-help-carry = reporter dans la traduction un changement de lien
tui-help-join = joindre la ligne à la suivante (corrige l'alignement)
tui-help-split = séparer la ligne : segments associés un à un, dans l'ordre
tui-help-shift = déplacer un segment traduit d'une ligne à l'autre : < reprend le premier de la ligne suivante, > donne le dernier de celle-ci à la suivante
tui-help-back = retour (efface la recherche, puis le filtre)
tui-help-help = afficher ou masquer cette liste
tui-help-quit = q : retour au tableau de bord, et quitter depuis celui-ci ; Ctrl-C : quitter (demande d'abord si des modifications ne sont pas enregistrées)
tui-help-mouse = souris : la molette fait défiler, un clic sélectionne (un second clic ouvre)
tui-help-editor = Dans l'éditeur
tui-help-editor-keep = quitter l'éditeur (demande avant d'abandonner un texte modifié : enregistrer, garder ou abandonner)
tui-help-editor-save = enregistrer le fichier ; si l'anglais avait changé, valider aussi la traduction
tui-help-editor-suggest = remplacer le texte par une suggestion de la mémoire de traduction (affichée avec son anglais ; Ctrl-Z rend le texte)
tui-help-editor-undo = annuler, rétablir
tui-help-editor-select = sélectionner du texte
tui-help-editor-clipboard = copier, couper, coller (le collage du terminal marche aussi)
tui-help-legend = Repères
tui-legend-edited = modification non enregistrée
tui-legend-unsure = alignement incertain
tui-legend-finding = constat (d)
tui-error-open = impossible d'ouvrir { $path }
tui-error-terminal = impossible d'ouvrir le terminal (l'interface de trame a besoin d'un terminal interactif)
tui-working-in = Travail en { $lang } : les documents s'ouvrent sur cette langue, le tableau de bord montre d'abord son travail (L pour la langue suivante).
tui-remember-failed = Impossible de retenir la langue pour ce dépôt : { $error }
tui-help-switch-language = travailler dans la langue de traduction suivante (retenue pour le dépôt)
tui-nothing-to-do-any = Rien à revoir dans aucune traduction.
tui-saved-reviewed = { $path } enregistré ; la traduction est validée pour l'anglais actuel.
tui-edit-discarded = Modification abandonnée : la traduction reste telle quelle.
tui-confirm-drop = Quitter l'éditeur ? Le texte a été modifié.
tui-confirm-drop-keys = s enregistrer · k garder sans enregistrer · y abandonner · Échap rester
tui-help-editor-select-all = sélectionner tout le texte (la frappe le remplace)
tui-dashboard-new = Pas encore en { $lang } (Entrée commence la traduction) :
tui-dashboard-no-match = Aucune page ne correspond à la recherche ou au filtre (Échap les efface).
tui-created = { $path } créé : { $memory ->
        [one] { $memory } segment repris
       *[other] { $memory } segments repris
    } de la mémoire de traduction, { $left ->
        [one] { $left } laissé
       *[other] { $left } laissés
    } en anglais à traduire.
tui-create-failed = Impossible de créer la traduction : { $error }
tui-search-prompt-pages = Chercher (nom ou titre de page) :
