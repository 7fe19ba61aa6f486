//! Small numbers written as words: "every 2nd Wednesday" is "tous les
//! deuxièmes mercredis", "two slots" is "2 entrées". Style guides of every
//! language spell out small numbers and ordinals, so a small number on one
//! side only is no finding when the other side names it in words.
//!
//! Pure: no I/O. Tables for en, fr, it, de, es, pt: cardinals and ordinals
//! from 1 to 12 with their inflected forms, lower-case. A language without a
//! table is matched against all of them.

/// The words of one language for the numbers 1 to 12 (index 0 is 1):
/// cardinals and ordinals, every inflected form.
type Table = [&'static [&'static str]; 12];

const EN: Table = [
    &["one", "first", "once", "single"],
    &["two", "second", "twice", "both", "double"],
    &["three", "third", "thrice", "triple"],
    &["four", "fourth"],
    &["five", "fifth"],
    &["six", "sixth"],
    &["seven", "seventh"],
    &["eight", "eighth"],
    &["nine", "ninth"],
    &["ten", "tenth"],
    &["eleven", "eleventh"],
    &["twelve", "twelfth", "dozen"],
];

const FR: Table = [
    &[
        "un",
        "une",
        "premier",
        "première",
        "premiers",
        "premières",
        "unique",
    ],
    &[
        "deux",
        "deuxième",
        "deuxièmes",
        "second",
        "seconde",
        "seconds",
        "secondes",
        "double",
        "les deux",
    ],
    &["trois", "troisième", "troisièmes", "triple"],
    &["quatre", "quatrième", "quatrièmes"],
    &["cinq", "cinquième", "cinquièmes"],
    &["six", "sixième", "sixièmes"],
    &["sept", "septième", "septièmes"],
    &["huit", "huitième", "huitièmes"],
    &["neuf", "neuvième", "neuvièmes"],
    &["dix", "dixième", "dixièmes"],
    &["onze", "onzième", "onzièmes"],
    &["douze", "douzième", "douzièmes", "douzaine"],
];

const IT: Table = [
    &[
        "uno", "una", "un", "primo", "prima", "primi", "prime", "unico",
    ],
    &[
        "due", "secondo", "seconda", "secondi", "seconde", "entrambi", "entrambe", "doppio",
    ],
    &["tre", "terzo", "terza", "terzi", "terze", "triplo"],
    &["quattro", "quarto", "quarta", "quarti", "quarte"],
    &["cinque", "quinto", "quinta", "quinti", "quinte"],
    &["sei", "sesto", "sesta", "sesti", "seste"],
    &["sette", "settimo", "settima", "settimi", "settime"],
    &["otto", "ottavo", "ottava", "ottavi", "ottave"],
    &["nove", "nono", "nona", "noni", "none"],
    &["dieci", "decimo", "decima", "decimi", "decime"],
    &["undici", "undicesimo", "undicesima"],
    &["dodici", "dodicesimo", "dodicesima", "dozzina"],
];

const DE: Table = [
    &[
        "eins", "ein", "eine", "einen", "einem", "einer", "erste", "ersten", "erster", "erstes",
        "erstem", "einmal",
    ],
    &[
        "zwei", "zweite", "zweiten", "zweiter", "zweites", "zweitem", "zweimal", "beide", "beiden",
    ],
    &["drei", "dritte", "dritten", "dritter", "drittes", "drittem"],
    &["vier", "vierte", "vierten", "vierter", "viertes", "viertem"],
    &["fünf", "fünfte", "fünften", "fünfter", "fünftes", "fünftem"],
    &["sechs", "sechste", "sechsten", "sechster", "sechstes"],
    &["sieben", "siebte", "siebten", "siebter", "siebtes"],
    &["acht", "achte", "achten", "achter", "achtes"],
    &["neun", "neunte", "neunten", "neunter", "neuntes"],
    &["zehn", "zehnte", "zehnten", "zehnter", "zehntes"],
    &["elf", "elfte", "elften", "elfter", "elftes"],
    &[
        "zwölf",
        "zwölfte",
        "zwölften",
        "zwölfter",
        "zwölftes",
        "dutzend",
    ],
];

const ES: Table = [
    &[
        "uno", "una", "un", "primero", "primera", "primer", "primeros", "primeras", "único",
    ],
    &[
        "dos", "segundo", "segunda", "segundos", "segundas", "ambos", "ambas", "doble",
    ],
    &[
        "tres", "tercero", "tercera", "tercer", "terceros", "terceras", "triple",
    ],
    &["cuatro", "cuarto", "cuarta", "cuartos", "cuartas"],
    &["cinco", "quinto", "quinta", "quintos", "quintas"],
    &["seis", "sexto", "sexta", "sextos", "sextas"],
    &["siete", "séptimo", "séptima", "séptimos", "séptimas"],
    &["ocho", "octavo", "octava", "octavos", "octavas"],
    &["nueve", "noveno", "novena", "novenos", "novenas"],
    &["diez", "décimo", "décima", "décimos", "décimas"],
    &["once", "undécimo", "undécima"],
    &["doce", "duodécimo", "duodécima", "docena"],
];

const PT: Table = [
    &[
        "um",
        "uma",
        "primeiro",
        "primeira",
        "primeiros",
        "primeiras",
        "único",
    ],
    &[
        "dois", "duas", "segundo", "segunda", "segundos", "segundas", "ambos", "ambas", "dobro",
    ],
    &[
        "três",
        "terceiro",
        "terceira",
        "terceiros",
        "terceiras",
        "triplo",
    ],
    &["quatro", "quarto", "quarta", "quartos", "quartas"],
    &["cinco", "quinto", "quinta", "quintos", "quintas"],
    &["seis", "sexto", "sexta", "sextos", "sextas"],
    &["sete", "sétimo", "sétima", "sétimos", "sétimas"],
    &["oito", "oitavo", "oitava", "oitavos", "oitavas"],
    &["nove", "nono", "nona", "nonos", "nonas"],
    &["dez", "décimo", "décima", "décimos", "décimas"],
    &["onze", "décimo-primeiro"],
    &["doze", "décimo-segundo", "dúzia"],
];

const TABLES: [(&str, &Table); 6] = [
    ("en", &EN),
    ("fr", &FR),
    ("it", &IT),
    ("de", &DE),
    ("es", &ES),
    ("pt", &PT),
];

/// Whether `text`, in the language `lang` (a tag such as `fr` or `pt-BR`),
/// writes the number `value` (`2`, `12`) in words. In a language with no
/// table here, every table is tried. Numbers above 12, with separators or
/// a leading zero are never spelled out.
pub fn spelled_out(value: &str, lang: &str, text: &str) -> bool {
    let Some(n) = small_number(value) else {
        return false;
    };
    let tables: Vec<&Table> = match table_of(lang) {
        Some(t) => vec![t],
        None => TABLES.iter().map(|(_, t)| *t).collect(),
    };
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    tables.iter().any(|table| {
        table[n - 1].iter().any(|form| match form.split_once(' ') {
            // Two words (`les deux`): side by side.
            Some((a, b)) => words.windows(2).any(|w| w[0] == a && w[1] == b),
            None => words.iter().any(|w| w == form),
        })
    })
}

/// Whether a small number `value` of the English (`english`, the row's
/// text) may be written in words that trame cannot read in a translation
/// in `lang`: a language with no table here (Polish "jednym kliknięciem",
/// Chinese "一键" for "1-click"). Not when the translation has a number of
/// its own the English lacks (`8` where the English says `10`: a value
/// changed), nor for a number written against letters (`v1`, a version).
pub fn may_be_in_unread_words(value: &str, lang: &str, english: &str, other_numbers: bool) -> bool {
    if other_numbers || small_number(value).is_none() || table_of(lang).is_some() {
        return false;
    }
    // Every place the English writes it, standing alone.
    let mut alone = false;
    for (at, _) in english.match_indices(value) {
        let before = english[..at].chars().next_back();
        let after = english[at + value.len()..].chars().next();
        if before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        if before.is_some_and(char::is_alphabetic) {
            return false;
        }
        alone = true;
    }
    alone
}

/// The number words of the language `lang` (a tag such as `pt-BR`), if
/// there is a table for it.
fn table_of(lang: &str) -> Option<&'static Table> {
    let primary = primary(lang);
    TABLES.iter().find(|(l, _)| *l == primary).map(|(_, t)| *t)
}

/// The primary language subtag of `lang`, lower-case (`pt` for `pt-BR`).
pub fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

/// The number from 1 to 12 that `word` (lower-case) names in the language
/// `lang` (a cardinal, an ordinal or another form of the table), when there
/// is a table for that language and the word is in it.
pub fn value_of_word(word: &str, lang: &str) -> Option<usize> {
    let table = table_of(lang)?;
    table
        .iter()
        .position(|forms| forms.contains(&word))
        .map(|k| k + 1)
}

/// Whether there is a table of number words for the language `lang`.
pub fn has_table(lang: &str) -> bool {
    table_of(lang).is_some()
}

/// `1` to `12` written with digits only and no leading zero.
fn small_number(value: &str) -> Option<usize> {
    if value.starts_with('0') || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    value.parse::<usize>().ok().filter(|n| (1..=12).contains(n))
}

#[cfg(test)]
mod tests {
    use super::{may_be_in_unread_words, spelled_out};

    /// In a language with no table, a small number may be written in words
    /// trame cannot read; not a version, not a value the translation
    /// changed, not a large number, not in a language with a table.
    #[test]
    fn small_numbers_in_languages_without_a_table() {
        let english = "Use the 1-click install of Kubeflow (v1) with 10 pods.";
        assert!(may_be_in_unread_words(
            "1",
            "pl",
            "Use the 1-click install.",
            false
        ));
        assert!(may_be_in_unread_words("10", "zh-CN", english, false));
        assert!(!may_be_in_unread_words("10", "zh-CN", english, true));
        assert!(!may_be_in_unread_words(
            "1",
            "zh-CN",
            "Kubeflow (v1)",
            false
        ));
        assert!(!may_be_in_unread_words(
            "16",
            "zh-CN",
            "a 16:9 ratio",
            false
        ));
        assert!(!may_be_in_unread_words(
            "1",
            "fr",
            "Use the 1-click install.",
            false
        ));
    }

    #[test]
    fn small_numbers_and_ordinals_in_words() {
        assert!(spelled_out("2", "fr", "tous les deuxièmes mercredis"));
        assert!(spelled_out("2", "it", "ogni secondo mercoledì"));
        assert!(spelled_out("2", "en", "two successful slots"));
        assert!(spelled_out("3", "de", "am dritten Tag"));
        assert!(spelled_out("5", "es", "cinco días"));
        assert!(spelled_out("2", "pt-BR", "duas vezes"));
        // Unknown language: every table.
        assert!(spelled_out("2", "ro", "deux"));
        // Not the same number, not a small number, not a word.
        assert!(!spelled_out("3", "fr", "deux"));
        assert!(!spelled_out("13", "en", "thirteen"));
        assert!(!spelled_out("02", "en", "two"));
        assert!(!spelled_out("3", "fr", "une poignée de mainteneurs"));
        assert!(!spelled_out("2", "fr", "deuxièmement"));
    }
}
