#!/usr/bin/env python3
"""Generates a synthetic, deterministic git repository of newsletters for benchmarks.

Usage: python3 benches/gen-repo.py OUT_DIR [--issues 100] [--commits 3000] [--seed 1]

OUT_DIR must not exist or be empty. It becomes a git repository on branch `main`
with a checked-out work tree holding, for each of the N monthly issues,
`content/newsletter/YYYY-MM-05-newsletter.md` (English) and its `.fr.md` and
`.it.md` translations. The history has exactly C commits, streamed into one
`git fast-import` process, with a fixed author and fixed, increasing timestamps:
the same arguments always give the same commits, byte for byte.

History shape, issue after issue: one commit adds the English file; one or two
commits add the French and Italian translations (translated from the English
text of that moment); then a share of the remaining budget is spent on edits
before the next issue starts (the last commits of the history are edits). An
edit commit is either an English edit (about 60%) of 1 to 3 recent issues --
re-wrap a paragraph (line breaks only), fix a typo (one letter of one word: new
text carries misspellings that later commits fix), change a URL or a version
number, rewrite a sentence, add a list item -- or a translation update (about
40%) that re-syncs some stale French and/or Italian segments of an issue with
an English edit. Translators mostly re-sync meaning changes and rarely the
re-wrapped paragraphs, so the final tree holds a mix of stale and up-to-date
translated segments. Translations are mechanical ("FR: "/"IT: " prefix, word
table, about 15% longer) and keep URLs, inline code and numbers.

The pack is written fast (no deltas, zlib level 1): about 350 MB for 30,000
commits; run `git gc` in OUT_DIR for a compact, delta-compressed repository.

Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time

AUTHOR = b"Bench <bench@example.org>"
START_TS = 1700000000
STEP_TS = 3600
FIRST_YEAR = 2015
LANGS = ("fr", "it")

# ---------------------------------------------------------------- word lists

NOUNS = """server client release library room account message contact feature
proposal extension protocol network community developer user translation
interface setting plugin module update version bug fix test document guide page
sprint meeting team project mentor student report backend storage queue cache
connection device phone desktop window button menu theme icon file upload
download thread reply reaction notification status profile avatar key
certificate password login service gateway bridge bot channel group forum list
archive search index history log packet stream session node cluster domain
address roster presence invitation moderator admin volunteer talk workshop
conference website blog podcast video tutorial manual release-note changelog
dashboard widget keyboard screen battery sync backup migration schema parser
""".split()

ADJS = """new stable faster smaller modern secure encrypted public private
offline mobile shared optional experimental default popular friendly simple
complete detailed early recent annual monthly weekly local remote federated
open free minor major careful quiet steady bright clear small large old young
useful robust flexible lightweight compact graphical textual native portable
accessible reliable responsive colourful long short first final next official
""".split()

VERBS = """adds improves fixes supports removes introduces replaces documents
tests publishes announces ships merges reviews welcomes thanks updates moves
translates simplifies explains describes tracks handles sends receives stores
shows hides enables disables requires allows brings keeps starts finishes plans
discusses proposes accepts measures reduces extends packages migrates checks
signs encrypts rewrites polishes streamlines deprecates hosts organises
""".split()

ADVS = """finally quietly now also again already soon carefully officially
gradually happily recently""".split()

PREPS = """in for with from to across after before during without through on
under over between behind beyond""".split()

DETS = "the every each this our their one that".split()

NAMES = """Lumen Quill Shuttle Bobbin Treadle Spindle Warp Heddle Loomlet Skein
Tapestry Selvage Pirn Reed Batten Twill Damask Jacquard Dobby Tabby Serge Satin
Chenille Mohair Worsted Tweed Gauze Voile Organza Weft""".split()
NAME_SET = frozenset(NAMES)

MONTHS = """January February March April May June July August September October
November December""".split()

USERS = "ana karim lea marco yuki sam noor ivan chloe paolo".split()
OPTS = "--sync --files --dry-run --verbose --check --migrate --export --offline".split()

FIXED_HEADINGS = [
    "Events",
    "Community news",
    "Software news",
    "Clients and applications",
    "Servers",
    "Libraries and tools",
    "Extensions and specifications",
    "Help us build the newsletter",
    "Spread the news",
    "Thanks",
]

# ------------------------------------------------------------ "translation"

FR_WORDS = """
the=le and=et of=de to=à in=dans for=pour with=avec from=depuis on=sur
this=ce our=notre their=leur every=chaque each=chaque one=un that=ce
now=maintenant also=aussi new=nouveau news=nouvelles release=version
releases=versions server=serveur servers=serveurs see=voir run=lancez
try=essayer it=le so=donc events=événements software=logiciel
libraries=bibliothèques tools=outils help=aidez us=nous build=construire
newsletter=lettre community=communauté project=projet date=date notes=notes
blog=blog post=article table=tableau below=ci-dessous sums=résume up=
month=mois spread=partagez thanks=merci banner=bannière
applications=applications clients=clients specifications=spécifications
extensions=extensions after=après before=avant during=pendant without=sans
through=par under=sous over=sur between=entre behind=derrière beyond=au-delà
across=à_travers finally=enfin again=encore already=déjà soon=bientôt
user=utilisateur users=utilisateurs message=message room=salon
account=compte team=équipe first=premier next=prochain final=dernier
"""
IT_WORDS = """
the=il and=e of=di to=a in=in for=per with=con from=da on=su this=questo
our=nostro their=loro every=ogni each=ogni one=uno that=quel now=ora
also=anche new=nuovo news=notizie release=rilascio releases=rilasci
server=server servers=server see=vedi run=eseguite try=provare it=lo
so=quindi events=eventi software=software libraries=librerie tools=strumenti
help=aiutaci us= build=costruire newsletter=newsletter community=comunità
project=progetto date=data notes=note blog=blog post=articolo table=tabella
below=seguente sums=riassume up= month=mese spread=diffondete thanks=grazie
banner=banner applications=applicazioni clients=client
specifications=specifiche extensions=estensioni after=dopo before=prima
during=durante without=senza through=attraverso under=sotto over=sopra
between=tra behind=dietro beyond=oltre across=attraverso finally=finalmente
again=ancora already=già soon=presto user=utente users=utenti
message=messaggio room=stanza account=account team=squadra first=primo
next=prossimo final=finale
"""
FR_MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
IT_MONTHS = "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split()


def _table(words: str, months: list[str]) -> dict[str, str]:
    # "en=loc" pairs; "à travers" and the like are written with "_" for the space.
    t = {}
    for pair in words.split():
        en, loc = pair.split("=")
        t[en] = loc.replace("_", " ")
    for en, loc in zip(MONTHS, months):
        t[en.lower()] = loc
    return t


TABLES = {"fr": _table(FR_WORDS, FR_MONTHS), "it": _table(IT_WORDS, IT_MONTHS)}
FILLER = {"fr": "bien", "it": "proprio"}
PREFIX = {"fr": "FR: ", "it": "IT: "}
VOWELS = set("aeiouy")


def _rule_fr(w: str) -> str:
    plural = w.endswith("s") and len(w) > 3 and not w.endswith("ss")
    if plural:
        w = w[:-1]
    if w.endswith("ty"):
        w = w[:-2] + "té"
    elif w.endswith("ing"):
        w = w[:-3] + "age"
    elif w.endswith("ed"):
        w = w[:-2] + "é"
    elif w.endswith("er"):
        w = w[:-2] + "eur"
    elif w[-1] not in VOWELS:
        w = w + "e"
    w = w.replace("th", "t").replace("k", "qu").replace("w", "ou")
    return w + "s" if plural else w


def _rule_it(w: str) -> str:
    plural = w.endswith("s") and len(w) > 3 and not w.endswith("ss")
    if plural:
        w = w[:-1]
    if w.endswith("ty"):
        w = w[:-2] + "tà"
    elif w.endswith("tion"):
        w = w[:-4] + "zione"
    elif w.endswith("ing"):
        w = w[:-3] + "ando"
    elif w.endswith("ed"):
        w = w[:-2] + "ato"
    elif w[-1] not in VOWELS:
        w = w + "o"
    w = w.replace("th", "t").replace("w", "v").replace("k", "c").replace("y", "i").replace("x", "s")
    if plural:
        w = w[:-1] + ("i" if w[-1] in "oe" else "e")
    return w


RULES = {"fr": _rule_fr, "it": _rule_it}
_WORD_CACHE: dict[str, dict[str, str]] = {"fr": {}, "it": {}}

# Protected spans (inline code, link targets, bare URLs, numbers) and words.
TOKEN_RE = re.compile(
    r"`[^`]*`|\]\([^)]*\)|https?://[^\s)\"]+|\d[\d.,:]*\d|\d|[A-Za-z]+"
)


def tr_word(w: str, lang: str) -> str:
    cache = _WORD_CACHE[lang]
    hit = cache.get(w)
    if hit is not None:
        return hit
    if w in NAME_SET or (len(w) <= 2 and w.isupper()):
        out = w
    else:
        low = w.lower()
        out = TABLES[lang].get(low)
        if out is None:
            out = RULES[lang](low)
        if w[0].isupper() and out:
            out = out[0].upper() + out[1:]
    cache[w] = out
    return out


def tr_text(text: str, lang: str) -> str:
    """Translates prose, keeping code, URLs and numbers; about 15% longer."""
    out = []
    pos = 0
    nwords = 0
    filler = FILLER[lang]
    for m in TOKEN_RE.finditer(text):
        out.append(text[pos : m.start()])
        tok = m.group()
        pos = m.end()
        if not tok[0].isalpha():
            out.append(tok)
            continue
        t = tr_word(tok, lang)
        nwords += 1
        if nwords % 6 == 0:
            t = f"{t} {filler}" if t else filler
        out.append(t)
    out.append(text[pos:])
    return re.sub(r"  +", " ", "".join(out))


# --------------------------------------------------------------- generation


def plural(noun: str) -> str:
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def slug(name: str) -> str:
    return name.lower()


def version(rng: random.Random) -> str:
    return f"{rng.randint(0, 9)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng

    def n(self) -> str:
        return self.r.choice(NOUNS)

    def a(self) -> str:
        return self.r.choice(ADJS)

    def v(self) -> str:
        return self.r.choice(VERBS)

    def d(self) -> str:
        return self.r.choice(DETS)

    def p(self) -> str:
        return self.r.choice(PREPS)

    def name(self) -> str:
        return self.r.choice(NAMES)

    def url(self) -> str:
        r = self.r
        if r.random() < 0.5:
            return f"https://{slug(self.name())}.example.org/{self.n()}/{self.n()}"
        return f"https://blog.example.com/{r.choice(USERS)}/{self.a()}-{self.n()}"

    def sentence(self, year: int) -> str:
        r = self.r
        k = r.randrange(8)
        if k == 0:
            s = f"{self.d()} {self.a()} {self.n()} {self.v()} {self.d()} {self.n()} {self.p()} {self.d()} {self.a()} {self.n()}."
        elif k == 1:
            s = f"{self.name()} {self.v()} {self.d()} {self.a()} {self.n()}, and {self.d()} {self.n()} now {self.v()} {self.d()} {self.n()}."
        elif k == 2:
            s = f"{r.choice(ADVS)}, {self.d()} {self.n()} {self.v()} {self.d()} {self.a()} {self.n()} {self.p()} {self.name()}."
        elif k == 3:
            s = f"to try it, run `{slug(self.name())}ctl {r.choice(OPTS)}` {self.p()} {self.d()} {self.a()} {self.n()}."
        elif k == 4:
            s = f"{self.d()} {self.n()} {self.p()} {self.name()} {self.v()} {self.d()} {self.n()}; see [{self.d()} {self.a()} {self.n()}]({self.url()})."
        elif k == 5:
            s = f"on {r.randint(1, 28)} {r.choice(MONTHS)} {year}, {self.name()} {self.v()} {self.d()} {self.a()} {self.n()} {self.p()} {r.randint(2, 1500)} {plural(self.n())}."
        elif k == 6:
            s = f"{self.d()} {self.n()} {self.v()} {self.d()} {self.n()} {self.p()} {self.d()} {self.n()}, so {self.d()} {self.a()} {self.n()} {self.v()} {self.d()} {self.n()} {r.choice(ADVS)}."
        else:
            s = f"{self.d()} {self.a()} {self.n()} {self.v()} {r.randint(2, 99)} {plural(self.n())} {self.p()} {self.d()} {self.n()}."
        return cap(s)

    def predicate(self) -> str:
        return f"{self.v()} {self.d()} {self.a()} {self.n()} {self.p()} {self.d()} {self.n()}."

    def heading(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k < 2:
            return r.choice(FIXED_HEADINGS)
        if k == 2:
            return cap(f"{self.a()} {self.n()} news")
        if k == 3:
            return f"News from {self.name()}"
        return cap(f"{plural(self.n())} and {plural(self.n())}")

    def item(self, year: int) -> str:
        r = self.r
        k = r.randrange(3)
        name = self.name()
        if k == 0:
            ver = version(r)
            return f"[{name} {ver}](https://{slug(name)}.example.org/releases/{ver}): {self.sentence(year)}"
        if k == 1:
            return f"[{name}](https://{slug(name)}.example.org/) {self.predicate()}"
        return self.sentence(year)

    def nested(self, year: int) -> str:
        r = self.r
        if r.random() < 0.6:
            a, n1, n2 = self.a(), self.n(), self.n()
            return f"[Blog post: {a} {n1} {self.p()} {n2}](https://blog.example.com/{r.choice(USERS)}/{a}-{n1}-{n2})"
        return self.sentence(year)


# -------------------------------------------------------------------- model
# An issue is a list of units (one per translatable block or list item), each
# a dict with a stable "id", a "k" (kind) and its cached English rendering "r".

WRAP_TOKEN_RE = re.compile(r"\[[^\]]*\]\([^)]*\)\S*|`[^`]*`\S*|\S+")


def wrap_para(sents: list[str], wrap: int | None) -> str:
    if wrap is None:
        return "\n".join(sents)
    lines: list[str] = []
    cur = ""
    for tok in WRAP_TOKEN_RE.findall(" ".join(sents)):
        if cur and len(cur) + 1 + len(tok) > wrap:
            lines.append(cur)
            cur = tok
        else:
            cur = f"{cur} {tok}" if cur else tok
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def render_table_rows(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("-" * (len(h) + 2) for h in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(out)


TABLE_HEADER = ["Project", "Version", "Release date", "Notes"]


def render_en(u: dict) -> str:
    k = u["k"]
    if k == "p":
        return wrap_para(u["sents"], u["wrap"])
    if k == "li":
        return "  " * u["depth"] + "- " + u["text"]
    if k == "h":
        return "#" * u["lvl"] + " " + u["text"]
    if k == "ol":
        return f"{u['n']}. {u['text']}"
    if k == "tbl":
        return render_table_rows(TABLE_HEADER, u["rows"])
    if k == "fig":
        return f'{{{{< figure src="{u["src"]}" caption="{u["text"]}" >}}}}'
    if k == "fm":
        return f"---\ntitle: {u['text']}\ndate: {u['date']}\ncategories: ['Newsletter']\n---"
    raise ValueError(k)


def render_tr(u: dict, lang: str) -> str:
    k = u["k"]
    pre = PREFIX[lang]
    if k == "p":
        lines = u["r"].split("\n")
        return "\n".join((pre if i == 0 else "") + tr_text(line, lang) for i, line in enumerate(lines))
    if k == "li":
        return "  " * u["depth"] + "- " + pre + tr_text(u["text"], lang)
    if k == "h":
        return "#" * u["lvl"] + " " + pre + tr_text(u["text"], lang)
    if k == "ol":
        return f"{u['n']}. {pre}{tr_text(u['text'], lang)}"
    if k == "tbl":
        header = [tr_text(h, lang) for h in TABLE_HEADER]
        rows = [row[:3] + [tr_text(row[3], lang)] for row in u["rows"]]
        return render_table_rows(header, rows)
    if k == "fig":
        return f'{{{{< figure src="{u["src"]}" caption="{pre}{tr_text(u["text"], lang)}" >}}}}'
    if k == "fm":
        title = f"{pre}{tr_text(u['text'], lang)}".replace("'", "''")
        return f"---\ntitle: '{title}'\ndate: {u['date']}\ncategories: ['Newsletter']\n---"
    raise ValueError(k)


def join_units(kinds_and_texts) -> str:
    out: list[str] = []
    prev = None
    for kind, text in kinds_and_texts:
        if prev is not None:
            out.append("\n" if kind == prev and kind in ("li", "ol") else "\n\n")
        out.append(text)
        prev = kind
    out.append("\n")
    return "".join(out)


class Repo:
    def __init__(self, rng: random.Random):
        self.rng = rng
        self.g = Gen(rng)
        self.next_id = 0
        self.issues: list[list[dict]] = []  # English units per issue
        self.meta: list[tuple[int, int]] = []  # (year, month) per issue
        self.tr: dict[str, list[dict[int, tuple[str, str]]]] = {lang: [] for lang in LANGS}
        self.dirty: set[int] = set()
        self.typos: list[list[tuple[dict, int, str, str]]] = []  # misspellings left to fix
        self.initial_len: list[int] = []

    def unit(self, **fields) -> dict:
        fields["id"] = self.next_id
        self.next_id += 1
        fields["r"] = render_en(fields)
        return fields

    # ---- paths and rendering

    def path(self, k: int, lang: str | None) -> str:
        y, m = self.meta[k]
        suffix = f".{lang}.md" if lang else ".md"
        return f"content/newsletter/{y:04d}-{m:02d}-05-newsletter{suffix}"

    def label(self, k: int) -> str:
        y, m = self.meta[k]
        return f"{y:04d}-{m:02d}"

    def text_en(self, k: int) -> str:
        return join_units((u["k"], u["r"]) for u in self.issues[k])

    def text_tr(self, k: int, lang: str) -> str:
        t = self.tr[lang][k]
        return join_units((u["k"], t[u["id"]][1]) for u in self.issues[k] if u["id"] in t)

    # ---- new issue

    def new_issue(self) -> int:
        r, g = self.rng, self.g
        k = len(self.issues)
        y, m = FIRST_YEAR + k // 12, k % 12 + 1
        covered = MONTHS[(m - 2) % 12]
        units = [
            self.unit(k="fm", text=f"The Weft Newsletter {covered} {y}", date=f"{y:04d}-{m:02d}-05"),
            self.unit(k="fig", src=f"/images/nl/{k + 1}.png", text=cap(f"{g.a()} {g.n()} {g.p()} {g.name()}")),
            self.unit(k="p", sents=[g.sentence(y) for _ in range(r.randint(2, 4))], wrap=None),
        ]
        nsec = r.randint(8, 12)
        ol_at = r.randrange(nsec)
        tbl_at = r.randrange(nsec)
        for s in range(nsec):
            lvl = 2 if s == 0 or r.random() < 0.6 else 3
            units.append(self.unit(k="h", lvl=lvl, text=g.heading()))
            units.append(self.unit(k="p", sents=[g.sentence(y) for _ in range(r.randint(2, 4))], wrap=None))
            if r.random() < 0.85:
                for _ in range(r.randint(4, 8)):
                    units.append(self.unit(k="li", depth=0, text=g.item(y)))
                    if r.random() < 0.3:
                        for _ in range(r.randint(1, 2)):
                            units.append(self.unit(k="li", depth=1, text=g.nested(y)))
                            if r.random() < 0.2:
                                units.append(self.unit(k="li", depth=2, text=g.nested(y)))
            if r.random() < 0.25:
                units.append(self.unit(k="p", sents=[g.sentence(y) for _ in range(r.randint(2, 4))], wrap=None))
            if s == ol_at:
                units.append(self.unit(k="p", sents=["To suggest an item for the next issue:"], wrap=None))
                for i in range(r.randint(3, 6)):
                    units.append(self.unit(k="ol", n=i + 1, text=g.sentence(y)))
            if s == tbl_at:
                units.append(self.unit(k="p", sents=["The table below sums up this month's releases:"], wrap=None))
                rows = []
                for _ in range(r.randint(3, 6)):
                    rows.append([g.name(), f"`v{version(r)}`", f"{y:04d}-{m:02d}-{r.randint(1, 28):02d}",
                                 f"{g.a()} {g.n()}"])
                units.append(self.unit(k="tbl", rows=rows))
        self.issues.append(units)
        self.meta.append((y, m))
        self.typos.append([])
        self.seed_typos(k)
        self.initial_len.append(len(units))
        for lang in LANGS:
            self.tr[lang].append({})
        return k

    def translate_all(self, k: int, lang: str) -> None:
        t = self.tr[lang][k]
        for u in self.issues[k]:
            t[u["id"]] = (u["r"], render_tr(u, lang))

    # ---- English edits

    def pick_recent(self) -> int:
        last = len(self.issues) - 1
        if self.rng.random() < 0.1:
            return self.rng.randint(0, last)
        return max(0, last - int(self.rng.expovariate(0.4)))

    def touch(self, u: dict) -> None:
        u["r"] = render_en(u)

    def edit(self, k: int) -> str:
        r = self.rng
        ops = [("rewrap a paragraph", self.op_rewrap, 20), ("fix a typo", self.op_typo, 25),
               ("update a link", self.op_url, 20), ("rewrite a sentence", self.op_rewrite, 25),
               ("add a list item", self.op_add_item, 10)]
        while True:
            x = r.randrange(100)
            for msg, op, w in ops:
                if x < w:
                    break
                x -= w
            if op(k):
                self.dirty.add(k)
                return msg

    def op_rewrap(self, k: int) -> bool:
        units = self.issues[k]
        r = self.rng
        cands = [u for u in units if u["k"] == "p" and len(u["sents"]) > 1]
        if not cands:
            return False
        u = r.choice(cands)
        old = u["r"]
        for _ in range(10):
            u["wrap"] = None if (u["wrap"] is not None and r.random() < 0.3) else r.randint(50, 110)
            self.touch(u)
            if u["r"] != old:
                return True
        return False

    def misspell(self, text: str) -> tuple[str, str, str] | None:
        """Changes one letter of one word: (new text, misspelt word, right word)."""
        r = self.rng
        words = [m for m in TOKEN_RE.finditer(text) if m.group().isalpha() and m.group().islower() and len(m.group()) >= 4]
        if not words:
            return None
        m = r.choice(words)
        w = m.group()
        i = r.randrange(1, len(w) - 1)
        c = r.choice([c for c in "abcdefghilmnoprstu" if c != w[i]])
        bad = w[:i] + c + w[i + 1 :]
        return text[: m.start()] + bad + text[m.end() :], bad, w

    def maybe_misspell(self, k: int, u: dict, i: int, p: float) -> None:
        """With probability p, misspells a word of sentence i of u (-1: its text),
        remembering it for a later "fix a typo" commit; re-renders u."""
        if self.rng.random() < p:
            t = self.misspell(u["sents"][i] if i >= 0 else u["text"])
            if t:
                if i >= 0:
                    u["sents"][i] = t[0]
                else:
                    u["text"] = t[0]
                self.typos[k].append((u, i, t[1], t[2]))
        self.touch(u)

    def seed_typos(self, k: int) -> None:
        """Misspells a few words of a new issue."""
        for u in self.issues[k]:
            if u["k"] == "p":
                for i in range(len(u["sents"])):
                    self.maybe_misspell(k, u, i, 0.12)
            elif u["k"] in ("li", "ol", "h"):
                self.maybe_misspell(k, u, -1, 0.08)

    def op_typo(self, k: int) -> bool:
        r = self.rng
        pending = self.typos[k]
        while pending:
            u, i, bad, good = pending.pop(r.randrange(len(pending)))
            text = u["sents"][i] if i >= 0 else u["text"]
            m = re.search(rf"\b{bad}\b", text)
            if m is None:  # rewritten since
                continue
            text = text[: m.start()] + good + text[m.end() :]
            if i >= 0:
                u["sents"][i] = text
            else:
                u["text"] = text
            self.touch(u)
            return True
        return False

    LINK_RE = re.compile(r"\[([^\]]*)\]\((https?://[^)]*)\)")

    def bump(self, ver: str) -> str:
        a, b, c = (int(x) for x in ver.split("."))
        if self.rng.random() < 0.75:
            return f"{a}.{b}.{c + 1}"
        return f"{a}.{b + 1}.0"

    def change_link(self, text: str) -> str | None:
        r = self.rng
        links = list(self.LINK_RE.finditer(text))
        if not links:
            return None
        m = r.choice(links)
        label, url = m.group(1), m.group(2)
        rel = re.search(r"/releases/(\d+\.\d+\.\d+)$", url)
        if rel:
            old = rel.group(1)
            new = self.bump(old)
            label = label.replace(old, new)
            url = url[: rel.start(1)] + new
        elif r.random() < 0.4:
            for a, b in ((".org/", ".net/"), (".net/", ".org/"), (".com/", ".org/")):
                if a in url:
                    url = url.replace(a, b, 1)
                    break
            else:
                url += "/"
        else:
            base = url.rstrip("/").rsplit("/", 1)[0] if url.count("/") > 3 else url.rstrip("/")
            url = f"{base}/{self.g.n()}-{r.randint(2, 99)}"
        return text[: m.start()] + f"[{label}]({url})" + text[m.end() :]

    def op_url(self, k: int) -> bool:
        units = self.issues[k]
        r = self.rng
        cands = [u for u in units if (u["k"] in ("li", "p") and "](http" in u["r"]) or u["k"] == "tbl"]
        if not cands:
            return False
        u = r.choice(cands)
        if u["k"] == "tbl":
            row = r.choice(u["rows"])
            row[1] = f"`v{self.bump(row[1].strip('`v'))}`"
        elif u["k"] == "li":
            u["text"] = self.change_link(u["text"])
        else:
            idx = [i for i, s in enumerate(u["sents"]) if "](http" in s]
            i = r.choice(idx)
            u["sents"][i] = self.change_link(u["sents"][i])
        self.touch(u)
        return True

    def op_rewrite(self, k: int) -> bool:
        units = self.issues[k]
        r, g = self.rng, self.g
        year = int(units[0]["date"][:4])
        x = r.random()
        kind = "p" if x < 0.6 else "li" if x < 0.9 else "ol"
        cands = [u for u in units if u["k"] == kind and not (kind == "p" and len(u["sents"][0]) < 45 and len(u["sents"]) == 1)]
        if not cands:
            return False
        u = r.choice(cands)
        i = -1
        if kind == "p":
            i = r.randrange(len(u["sents"]))
            u["sents"][i] = g.sentence(year)
        elif kind == "li" and u["text"].startswith("["):
            m = self.LINK_RE.match(u["text"])
            rest = u["text"][m.end() :]
            if rest.startswith(": "):
                u["text"] = u["text"][: m.end()] + ": " + g.sentence(year)
            elif rest.startswith(" "):
                u["text"] = u["text"][: m.end()] + " " + g.predicate()
            else:
                u["text"] = f"[Blog post: {g.a()} {g.n()} {g.p()} {g.n()}]({m.group(2)})" + rest
        else:
            u["text"] = g.sentence(year)
        self.maybe_misspell(k, u, i, 0.1)  # new text brings new typos
        return True

    def op_add_item(self, k: int) -> bool:
        units = self.issues[k]
        r, g = self.rng, self.g
        year = int(units[0]["date"][:4])
        tops = [i for i, u in enumerate(units) if u["k"] == "li" and u["depth"] == 0]
        if not tops or len(units) > 1.3 * self.initial_len[k]:
            return False
        i = r.choice(tops)
        if r.random() < 0.3:
            new = self.unit(k="li", depth=1, text=g.nested(year))
            at = i + 1
        else:
            new = self.unit(k="li", depth=0, text=g.item(year))
            at = i + 1
            while at < len(units) and units[at]["k"] == "li" and units[at]["depth"] > 0:
                at += 1
        units.insert(at, new)
        self.maybe_misspell(k, new, -1, 0.1)
        return True

    # ---- translation updates

    def stale(self, k: int, lang: str) -> tuple[list[dict], list[dict]]:
        """Returns the (meaningful, whitespace-only) stale units of a translation."""
        t = self.tr[lang][k]
        meaningful, cosmetic = [], []
        for u in self.issues[k]:
            e = t.get(u["id"])
            if e is None:
                meaningful.append(u)
            elif e[0] != u["r"]:
                if e[0].split() == u["r"].split():
                    cosmetic.append(u)
                else:
                    meaningful.append(u)
        return meaningful, cosmetic

    def sync(self, k: int, lang: str, meaningful: list[dict], cosmetic: list[dict]) -> int:
        r = self.rng
        chosen = [u for u in meaningful if r.random() < 0.7] + [u for u in cosmetic if r.random() < 0.1]
        if not chosen:
            chosen = [meaningful[0]]
        t = self.tr[lang][k]
        for u in chosen:
            t[u["id"]] = (u["r"], render_tr(u, lang))
        return len(chosen)

    def pick_dirty(self) -> tuple[int, dict[str, tuple[list[dict], list[dict]]]] | None:
        r = self.rng
        while self.dirty:
            ds = sorted(self.dirty)
            k = ds[-1] if r.random() < 0.5 else r.choice(ds)
            st = {lang: self.stale(k, lang) for lang in LANGS}
            st = {lang: v for lang, v in st.items() if v[0]}
            if st:
                return k, st
            self.dirty.discard(k)
        return None


# -------------------------------------------------------------------- git


def git_env() -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/nonexistent"),
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_SYSTEM": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "LC_ALL": "C",
        "TZ": "UTC",
    }
    return env


class Importer:
    def __init__(self, out: str, env: dict[str, str]):
        # Inline blobs are deltified against the previous blob of the stream,
        # which is nearly always another file: deltas cost time and save
        # little, so they are off, and zlib runs at its fastest level. This
        # halves the run time (the pack is larger; `git gc` shrinks it).
        self.proc = subprocess.Popen(
            ["git", "-c", "pack.compression=1", "fast-import", "--quiet", "--done", "--date-format=raw",
             "--depth=0"],
            cwd=out, env=env, stdin=subprocess.PIPE,
        )
        self.n = 0

    def commit(self, msg: str, files: list[tuple[str, str]]) -> None:
        ts = START_TS + STEP_TS * self.n
        self.n += 1
        m = msg.encode() + b"\n"
        parts = [
            b"commit refs/heads/main\n",
            b"author %s %d +0000\n" % (AUTHOR, ts),
            b"committer %s %d +0000\n" % (AUTHOR, ts),
            b"data %d\n" % len(m),
            m,
        ]
        for path, text in files:
            data = text.encode()
            parts.append(b"M 100644 inline %s\ndata %d\n" % (path.encode(), len(data)))
            parts.append(data)
            parts.append(b"\n")
        parts.append(b"\n")
        self.proc.stdin.write(b"".join(parts))

    def close(self) -> None:
        self.proc.stdin.write(b"done\n")
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            sys.exit(f"gen-repo: git fast-import failed ({self.proc.returncode})")


LANG_NAMES = {"fr": "French", "it": "Italian"}


def generate(out: str, issues: int, commits: int, seed: int) -> tuple[int, int]:
    rng = random.Random(seed)
    repo = Repo(rng)
    env = git_env()
    subprocess.run(["git", "init", "-q", "-b", "main", out], env=env, check=True)
    imp = Importer(out, env)

    # Adding issue k takes 1 English commit plus 1 or 2 translation commits.
    spare = commits - 2 * issues
    split = []
    for _ in range(issues):
        s = spare > 0 and rng.random() < 0.5
        spare -= s
        split.append(s)
    edits = commits - 2 * issues - sum(split)
    slots = [0] * issues
    for _ in range(edits):
        slots[rng.randrange(issues)] += 1
    if edits and slots[-1] == 0:
        j = max(range(issues), key=lambda i: slots[i])
        slots[j] -= 1
        slots[-1] += 1

    n_en = n_tr = 0
    for k in range(issues):
        repo.new_issue()
        lbl = repo.label(k)
        imp.commit(f"Add newsletter {lbl}", [(repo.path(k, None), repo.text_en(k))])
        for lang in LANGS:
            repo.translate_all(k, lang)
        if split[k]:
            for lang in LANGS:
                imp.commit(f"Add {LANG_NAMES[lang]} translation of newsletter {lbl}",
                           [(repo.path(k, lang), repo.text_tr(k, lang))])
        else:
            imp.commit(f"Add French and Italian translations of newsletter {lbl}",
                       [(repo.path(k, lang), repo.text_tr(k, lang)) for lang in LANGS])
        for _ in range(slots[k]):
            picked = repo.pick_dirty() if rng.random() >= 0.6 else None
            if picked is None:
                n_en += 1
                x = rng.random()
                want = 1 if x < 0.75 else 2 if x < 0.93 else 3
                targets: list[int] = []
                for _ in range(want * 4):
                    t = repo.pick_recent()
                    if t not in targets:
                        targets.append(t)
                    if len(targets) == want:
                        break
                targets.sort()
                notes = []
                for t in targets:
                    notes.append(f"{repo.edit(t)} in {repo.label(t)}")
                msg = f"newsletter {repo.label(targets[0])}: {notes[0].rsplit(' in ', 1)[0]}" if len(targets) == 1 \
                    else "newsletters: " + "; ".join(notes)
                imp.commit(msg, [(repo.path(t, None), repo.text_en(t)) for t in targets])
            else:
                n_tr += 1
                t, st = picked
                langs = sorted(st)
                if len(langs) == 2 and rng.random() < 0.3:
                    langs = [rng.choice(langs)]
                files = []
                names = []
                for lang in langs:
                    repo.sync(t, lang, *st[lang])
                    files.append((repo.path(t, lang), repo.text_tr(t, lang)))
                    names.append(LANG_NAMES[lang])
                msg = f"Update {' and '.join(names)} translation{'s' if len(names) > 1 else ''} of newsletter {repo.label(t)}"
                if rng.random() < 0.15 and len(files) < 3:
                    others = [d for d in sorted(repo.dirty) if d != t]
                    if others:
                        t2 = rng.choice(others)
                        for lang in LANGS:
                            m2, c2 = repo.stale(t2, lang)
                            if m2:
                                repo.sync(t2, lang, m2, c2)
                                files.append((repo.path(t2, lang), repo.text_tr(t2, lang)))
                                msg += f", {LANG_NAMES[lang]} of {repo.label(t2)}"
                                break
                imp.commit(msg, files)
    imp.close()
    assert imp.n == commits, (imp.n, commits)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=out, env=env, check=True)
    return n_en, n_tr


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", metavar="OUT_DIR", help="directory to create (must not exist or be empty)")
    ap.add_argument("--issues", type=int, default=100, help="number of monthly newsletters (default 100)")
    ap.add_argument("--commits", type=int, default=3000, help="exact number of commits (default 3000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = ap.parse_args()
    if a.issues < 1:
        ap.error("--issues must be at least 1")
    if a.commits < 2 * a.issues:
        ap.error(f"--commits must be at least 2 x --issues ({2 * a.issues}): each issue needs an English and a translation commit")
    if os.path.exists(a.out) and (not os.path.isdir(a.out) or os.listdir(a.out)):
        ap.error(f"{a.out} exists and is not an empty directory")
    os.makedirs(a.out, exist_ok=True)
    t0 = time.perf_counter()
    n_en, n_tr = generate(a.out, a.issues, a.commits, a.seed)
    dt = time.perf_counter() - t0
    print(f"gen-repo: {a.issues} issues, {a.commits} commits ({n_en} English edits, {n_tr} translation updates), "
          f"{3 * a.issues} files, {dt:.2f} s")


if __name__ == "__main__":
    main()
