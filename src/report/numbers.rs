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
/// writes the number `value` (`2`, `12`) in words, or may: in a language
/// with no table here (Polish "jednym kliknięciem", Chinese "一键" for
/// "1-click"), a small number may be written in words trame cannot read,
/// so it is never reported missing. Numbers above 12, with separators or
/// a leading zero are never spelled out.
pub(super) fn spelled_out(value: &str, lang: &str, text: &str) -> bool {
    let Some(n) = small_number(value) else {
        return false;
    };
    let primary = lang
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let Some((_, table)) = TABLES.iter().find(|(l, _)| *l == primary) else {
        return true;
    };
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    table[n - 1].iter().any(|form| match form.split_once(' ') {
        // Two words (`les deux`): side by side.
        Some((a, b)) => words.windows(2).any(|w| w[0] == a && w[1] == b),
        None => words.iter().any(|w| w == form),
    })
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
    use super::spelled_out;

    #[test]
    fn small_numbers_and_ordinals_in_words() {
        assert!(spelled_out("2", "fr", "tous les deuxièmes mercredis"));
        assert!(spelled_out("2", "it", "ogni secondo mercoledì"));
        assert!(spelled_out("2", "en", "two successful slots"));
        assert!(spelled_out("3", "de", "am dritten Tag"));
        assert!(spelled_out("5", "es", "cinco días"));
        assert!(spelled_out("2", "pt-BR", "duas vezes"));
        // A language with no table may write any small number in words;
        // a large one is still a number to keep.
        assert!(spelled_out("1", "pl", "instalacja jednym kliknięciem"));
        assert!(spelled_out("1", "zh-CN", "一键安装"));
        assert!(!spelled_out("16", "zh-CN", "一键安装"));
        // Not the same number, not a small number, not a word.
        assert!(!spelled_out("3", "fr", "deux"));
        assert!(!spelled_out("13", "en", "thirteen"));
        assert!(!spelled_out("02", "en", "two"));
        assert!(!spelled_out("3", "fr", "une poignée de mainteneurs"));
        assert!(!spelled_out("2", "fr", "deuxièmement"));
    }
}
