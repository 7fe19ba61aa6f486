# Textes de l'interface de trame (français).

error = erreur : { $detail }
warning = avertissement : { $detail }
error-read = impossible de lire { $path }
error-utf8 = { $path } n'est pas un texte UTF-8 : séquence invalide à l'octet { $offset }
error-write-output = impossible d'écrire la sortie

segments-summary = { $path } : { $count ->
        [one] { $count } segment
       *[other] { $count } segments
    }

align-summary = { $source } → { $target } : { $rows ->
        [one] { $rows } ligne
       *[other] { $rows } lignes
    }, { $review ->
        [0] aucune à vérifier
        [one] { $review } à vérifier (marquée ?)
       *[other] { $review } à vérifier (marquées ?)
    }

note-no-repository = { $path } n'est pas dans un dépôt git : l'obsolescence est inconnue, seuls les segments manquants sont signalés
note-shallow = ce clone est superficiel : les traductions plus anciennes que son historique sont comparées à son plus ancien commit
note-not-committed = { $path } n'est pas commité : ses segments comptent comme traduits d'après l'anglais actuel
note-skipped-directory = { $path } est un dossier, pas une page : ignoré
note-skipped-special = { $path } n'est pas un fichier ordinaire (tube, socket ou périphérique) : ignoré sans l'ouvrir
note-skipped-unreadable = impossible de lire { $path } ({ $detail }) : ignoré
note-skipped-utf8 = { $path } n'est pas un texte UTF-8 (séquence invalide à l'octet { $offset }) : ignoré
note-skipped-no-markdown = aucun fichier Markdown dans { $path }
note-skipped-too-large = { $path } fait { $size ->
        [one] { $size } octet
       *[other] { $size } octets
    }, plus que la limite de { $limit } (max-page-bytes dans trame.toml) : ignoré
note-skipped-outside = { $path } est un lien qui mène hors du dépôt : ignoré
note-removed-temp = { $path } supprimé, fichier temporaire laissé par un enregistrement interrompu
error-outside = { $path } est hors du dépôt ({ $root }) : refusé
note-orphan = { $path } ({ $lang }) est une traduction sans page source
note-orphan-likely = { $path } ({ $lang }) est une traduction sans page source ; elle traduit sans doute { $source }, renommée depuis
error-unknown-lang = { $found ->
    [none] aucune traduction en « { $lang } » : ce site n'a encore aucune traduction
   *[other] aucune traduction en « { $lang } » ; langues trouvées : { $found }
}
error-nothing-read = aucune page n'a pu être lue
stale-moved-to = son anglais est maintenant dans { $page } : déplacez-y cette traduction
stale-summary = { $source } → { $target } ({ $lang }) : { $stale ->
        [one] { $stale } obsolète
       *[other] { $stale } obsolètes
    }, { $missing ->
        [one] { $missing } manquant
       *[other] { $missing } manquants
    }, { $untranslated ->
        [one] { $untranslated } non traduit
       *[other] { $untranslated } non traduits
    }, { $removed ->
        [one] { $removed } supprimé
       *[other] { $removed } supprimés
    }, { $linkonly ->
        [one] { $linkonly } lien seul
       *[other] { $linkonly } liens seuls
    }, { $cosmetic ->
        [one] { $cosmetic } cosmétique
       *[other] { $cosmetic } cosmétiques
    }
state-up-to-date = à jour
state-cosmetic = cosmétique
state-link-only = liens seuls
state-already-updated = déjà à jour
state-stale = obsolète
state-missing = manquant
state-untranslated = non traduit
state-removed = supprimé
error-no-translation = aucune traduction { $lang } trouvée pour { $path }
error-no-segment = il n'y a pas de segment { $number } : { $count ->
        [0] la page n'a aucun segment
        [one] la page n'en a qu'un
       *[other] la page en a { $count }
    }
review-recorded = { $count ->
        [one] { $count } relecture enregistrée dans { $path }
       *[other] { $count } relectures enregistrées dans { $path }
    }
review-unchanged = { $path } contenait déjà { $count ->
        [one] cette relecture
       *[other] ces relectures
    } ; rien n'est écrit
dismiss-recorded = { $count ->
        [one] { $rules } écarté sur { $count } segment, enregistré dans { $path }
       *[other] { $rules } écarté sur { $count } segments, enregistré dans { $path }
    }
dismiss-unchanged = { $path } contenait déjà { $count ->
        [one] ce rejet
       *[other] ces rejets
    } ; rien n'est écrit
dismiss-nothing = aucun constat { $rules } à écarter ; rien n'est écrit
error-unknown-rule = règle inconnue « { $name } » ; règles : { $rules }
note-unknown-rule = { $path }:{ $line } : « { $name } » dans trame.ignore n'est pas une règle et n'est pas pris en compte ; règles : { $rules }

diag-unclosed-front-matter = l'en-tête ouvert à cette ligne n'est jamais fermé ; il est lu comme du Markdown
diag-bad-front-matter = l'en-tête est illisible ({ $message }) ; ses valeurs ne sont pas segmentées
diag-unclosed-code-fence = ce bloc de code n'est jamais fermé et court jusqu'à la fin du fichier
diag-unclosed-shortcode = ce shortcode n'est jamais fermé
diag-fence-with-text = cette ligne commence comme une clôture de bloc de code mais du texte la suit : elle ne ferme rien et le bloc de code continue
diag-broken-table = ces lignes ressemblent à des rangées de tableau, mais Markdown les lit comme un paragraphe : la rangée d’en-tête et la rangée de séparation en dessous (|---|) doivent avoir autant de cellules, et chaque rangée doit être sur sa propre ligne
diag-broken-list = ces lignes ressemblent à une liste numérotée, mais Markdown ne lit les numéros de liste qu’en chiffres ASCII (1. 2. 3.) : numérotées avec d’autres chiffres, elles forment un seul paragraphe

kind-front-matter = en-tête
kind-heading = titre
kind-paragraph = paragraphe
kind-list-item = élément de liste
kind-table-cell = cellule
kind-blockquote = citation
kind-shortcode-param = shortcode
kind-code = bloc de code
kind-shortcode = bloc shortcode
error-lang-before-command = --lang avant une commande est celui de l'interface : `trame --lang { $lang }` seul ouvre l'interface dans cette langue ; une commande qui prend une langue la prend après son nom
