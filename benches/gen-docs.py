#!/usr/bin/env python3
"""Generates a synthetic, deterministic git repository of a documentation site for benchmarks.

Usage: python3 benches/gen-docs.py OUT_DIR [--pages 1500] [--commits 8000] [--seed 1]

OUT_DIR must not exist or be empty. It becomes a git repository on branch `main`
with a checked-out work tree in Hugo's directory layout: English pages under
`content/en/docs/<section>/<topic>/...` (1 to 6 folders deep, an `_index.md`
in every folder) and their translations at the same place under
`content/<lang>/` for ten languages (fr it de es ja zh-cn pt-br ko ru uk), and
a `trame.toml` at the root (source language, content folder, directory
layout). The history has exactly C commits, streamed into one
`git fast-import` process, with a fixed author and fixed, increasing
timestamps: the same arguments always give the same commits, byte for byte.

Pages hold a front matter (title, weight), headings, paragraphs, lists,
numbered steps, fenced code blocks (yaml, shell), `{{< note >}}` shortcodes,
site links (`/docs/...`) and external links. History:
- commit 1 imports trame.toml and about 40% of the English pages (every
  `_index.md`); the other pages are added a few at a time over the first
  three quarters of the history;
- English edits (1 to 3 pages): fix a typo, rewrite a sentence, change a URL
  or a version, add a paragraph or a list item, edit a code block, re-wrap a
  paragraph;
- translation commits (one language, one translator): add translations of a
  run of neighbouring pages, translated from the English of that moment, or
  re-sync some stale segments of 1 to 3 pages; each language has its own
  coverage target (25% to 75%, about half of all page x language pairs in
  all) and its own activity, so some translations are never updated after
  they are made and some are recent;
- three bulk moves: a folder of 100 or more pages (the smallest such when it
  happens) is renamed in English and in every language (`R` of fast-import:
  same blobs, exact renames); the second one also changes the weight of
  about 10% of the moved pages in every language (similarity renames);
- two commits touching every language: a front-matter sweep adding
  `content_type` to every page (marked `[i18n-ignore]`) and a link fix
  replacing the documentation host of external links in every locale.

Translations are mechanical: a "FR: " (etc.) prefix, a small word table and
per-language word rules (Cyrillic for ru and uk, Hangul for ko, kana or
CJK characters without spaces for ja and zh-cn); code, URLs and numbers are
kept.

The pack is written fast (no deltas, zlib level 1); run `git gc` in OUT_DIR
for a compact repository. Standard library only (Python 3.11).
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
import zlib

AUTHOR = b"Docs Bench <docs-bench@example.org>"
START_TS = 1600000000
STEP_TS = 1800
LANGS = ("fr", "it", "de", "es", "ja", "zh-cn", "pt-br", "ko", "ru", "uk")
LANG_NAMES = {"fr": "French", "it": "Italian", "de": "German", "es": "Spanish", "ja": "Japanese",
              "zh-cn": "Chinese", "pt-br": "Portuguese", "ko": "Korean", "ru": "Russian", "uk": "Ukrainian"}
# Share of the pages each language ends up translating (mean 0.5) and how
# often its translators re-sync stale pages (relative weights).
TARGET = {"fr": 0.75, "it": 0.3, "de": 0.45, "es": 0.55, "ja": 0.7, "zh-cn": 0.65, "pt-br": 0.45,
          "ko": 0.55, "ru": 0.35, "uk": 0.25}
ACTIVITY = {"fr": 3.0, "it": 0.5, "de": 1.0, "es": 1.5, "ja": 3.0, "zh-cn": 2.5, "pt-br": 1.0,
            "ko": 2.0, "ru": 0.7, "uk": 0.3}

TRAME_TOML = """# trame settings of the generated documentation site
source-language = "en"
content = "content"
layout = "directory"
"""

# ---------------------------------------------------------------- word lists

NOUNS = """pod container volume node cluster service deployment namespace secret
controller scheduler label selector annotation endpoint ingress gateway policy
role binding account token certificate image registry probe job replica daemon
plugin driver claim quota limit request event log metric dashboard proxy
network address port route manifest resource object field status condition
operator webhook extension server client runtime sandbox workload queue lease
snapshot backup upgrade release version feature flag toleration taint affinity
topology zone region disk socket kernel cgroup process thread signal hook
container-image configuration storage scaling rollout revision autoscaler
""".split()

ADJS = """new stable default optional persistent ephemeral external internal
private public secure dynamic static local remote shared dedicated minimal
custom native experimental deprecated beta alpha healthy ready pending failed
running idle empty full large small recent legacy primary secondary regional
zonal headless stateful stateless privileged isolated managed unmanaged
""".split()

VERBS = """create delete update restart schedule expose mount configure
inspect monitor scale drain label annotate watch list patch replace attach
detach isolate limit protect rotate renew validate migrate upgrade restore
deploy observe debug enable disable allow deny select route store cache
""".split()

ADVS = """automatically manually gradually safely eventually immediately
periodically quickly explicitly usually""".split()

PREPS = """in for with from to across after before during without through on
under over between inside behind""".split()

DETS = "the every each this your a one that".split()

NAMES = """Kubelet Etcd Kubeadm Kubectl Minikube Containerd Helm Kustomize
CoreDNS Calico Flannel Cilium Prometheus Grafana Fluentd Envoy Istio Linkerd
""".split()
NAME_SET = frozenset(NAMES)

KINDS = "Pod Deployment Service ConfigMap Secret Job CronJob DaemonSet StatefulSet Ingress".split()
OPTS = "--namespace=default --dry-run=client --output=yaml --all-namespaces --selector=app=web --watch --force --wait".split()
CMDS = "get describe apply delete logs exec rollout scale label annotate".split()
IMAGES = "nginx busybox redis postgres httpd registry.example.io/app".split()
TOPICS = """storage networking security scheduling workloads configuration
policies services observability administration extensions architecture
containers nodes volumes ingress autoscaling logging monitoring
authentication authorization certificates quotas upgrades backups
troubleshooting debugging runtime plugins operators controllers
namespaces labels secrets images registries probes jobs daemons gateways
endpoints tokens accounts roles bindings taints affinities topology zones
snapshots leases queues events metrics dashboards proxies manifests webhooks
sandboxes kernels sockets disks clusters replicas releases""".split()

SECTIONS = [  # folder, share of the pages, content_type
    ("concepts", 0.24, "concept"), ("tasks", 0.30, "task"), ("reference", 0.20, "reference"),
    ("tutorials", 0.10, "tutorial"), ("setup", 0.09, "concept"), ("contribute", 0.07, "concept"),
]
RENAMES = {"concepts": "architecture", "tasks": "how-to", "reference": "reference-docs",
           "tutorials": "guides", "setup": "getting-started", "contribute": "contributing"}

DOC_HOST = "https://docs.example.io/"
NEW_DOC_HOST = "https://docs.example.dev/"

# ------------------------------------------------------------ "translation"

FUNC = {
    "fr": "the=le and=et of=de to=à in=dans for=pour with=avec from=depuis on=sur this=ce your=votre a=un "
          "each=chaque every=chaque that=ce is=est you=vous can=pouvez see=voir run=lancez by=par",
    "it": "the=il and=e of=di to=a in=in for=per with=con from=da on=su this=questo your=vostro a=un "
          "each=ogni every=ogni that=quel is=è you=voi can=potete see=vedi run=eseguite by=da",
    "de": "the=die and=und of=von to=zu in=in for=für with=mit from=aus on=auf this=diese your=Ihr a=ein "
          "each=jede every=jede that=das is=ist you=Sie can=können see=siehe run=führen by=durch",
    "es": "the=el and=y of=de to=a in=en for=para with=con from=desde on=sobre this=este your=su a=un "
          "each=cada every=cada that=ese is=es you=usted can=puede see=vea run=ejecute by=por",
    "pt-br": "the=o and=e of=de to=para in=em for=para with=com from=de on=sobre this=este your=seu a=um "
             "each=cada every=cada that=esse is=é you=você can=pode see=veja run=execute by=por",
    "ru": "the= and=и of= to=к in=в for=для with=с from=из on=на this=этот your=ваш a= each=каждый "
          "every=каждый that=тот is= you=вы can=можете see=см run=запустите by=через",
    "uk": "the= and=і of= to=до in=у for=для with=з from=з on=на this=цей your=ваш a= each=кожен "
          "every=кожен that=той is= you=ви can=можете see=див run=запустіть by=через",
    "ko": "the= and=및 a= this=이 your=당신의 you=당신은 can=수 see=참조",
    "ja": "the= a= and=と of=の to=に in=で for=のため with=と is=です you=あなた",
    "zh-cn": "the= a= and=和 of=的 to=到 in=在 for=为 with=与 is=是 you=你",
}
PREFIX = {lang: lang.split("-")[0].upper() + ": " for lang in LANGS}
CYR = {"ru": dict(zip("abcdefghijklmnopqrstuvwxyz", "абкдефгхийклмнопкрстуввксыз")),
       "uk": dict(zip("abcdefghijklmnopqrstuvwxyz", "абкдефґгіжклмнопкрстуввксиз"))}
VOWELS = set("aeiouy")


def _rule_latin(w: str, lang: str) -> str:
    plural = w.endswith("s") and len(w) > 3 and not w.endswith("ss")
    if plural:
        w = w[:-1]
    if lang == "fr":
        if w.endswith("ty"):
            w = w[:-2] + "té"
        elif w.endswith("ing"):
            w = w[:-3] + "age"
        elif w.endswith("er"):
            w = w[:-2] + "eur"
        elif w[-1] not in VOWELS:
            w += "e"
        w = w.replace("th", "t").replace("k", "qu").replace("w", "ou")
    elif lang == "it":
        if w.endswith("tion"):
            w = w[:-4] + "zione"
        elif w[-1] not in VOWELS:
            w += "o"
        w = w.replace("th", "t").replace("w", "v").replace("k", "c").replace("y", "i")
    elif lang == "de":
        if w.endswith("tion"):
            pass
        elif w[-1] not in VOWELS:
            w += "en"
        w = w.replace("c", "k").replace("sh", "sch").replace("th", "t").replace("w", "v")
    elif lang == "es":
        if w.endswith("tion"):
            w = w[:-4] + "ción"
        elif w[-1] not in VOWELS:
            w += "o"
        w = w.replace("th", "t").replace("k", "c").replace("w", "gu").replace("sh", "ch")
    else:  # pt-br
        if w.endswith("tion"):
            w = w[:-4] + "ção"
        elif w[-1] not in VOWELS:
            w += "o"
        w = w.replace("th", "t").replace("k", "c").replace("w", "v").replace("sh", "ch")
    return w + "s" if plural else w


def _rule_script(w: str, lang: str) -> str:
    if lang in CYR:
        m = CYR[lang]
        return "".join(m.get(c, c) for c in w)
    h = zlib.crc32(f"{lang}:{w}".encode())
    n = 1 + h % 3 if lang != "ko" else 1 + h % 2 + (len(w) > 6)
    if lang == "ja":
        base, span = 0x30A1, 86  # katakana
    elif lang == "zh-cn":
        base, span = 0x4E00, 3000  # common CJK ideographs
    else:
        base, span = 0xAC00, 11172  # Hangul syllables
    out = []
    for _ in range(n):
        out.append(chr(base + h % span))
        h = (h * 1103515245 + 12345) & 0x7FFFFFFF
    return "".join(out)


def _table(spec: str) -> dict[str, str]:
    t = {}
    for pair in spec.split():
        en, loc = pair.split("=")
        t[en] = loc
    return t


TABLES = {lang: _table(FUNC[lang]) for lang in LANGS}
_CACHE: dict[str, dict[str, str]] = {lang: {} for lang in LANGS}
NOSPACE = ("ja", "zh-cn")

TOKEN_RE = re.compile(r"`[^`]*`|\]\([^)]*\)|https?://[^\s)\"]+|\d[\d.,:]*\d|\d|[A-Za-z]+")


def tr_word(w: str, lang: str) -> str:
    cache = _CACHE[lang]
    hit = cache.get(w)
    if hit is not None:
        return hit
    if w in NAME_SET or w in KINDS or (len(w) <= 2 and w.isupper()):
        out = w
    else:
        low = w.lower()
        out = TABLES[lang].get(low)
        if out is None:
            out = _rule_script(low, lang) if lang in ("ja", "zh-cn", "ko", "ru", "uk") else _rule_latin(low, lang)
        if w[0].isupper() and out:
            out = out[0].upper() + out[1:]
    cache[w] = out
    return out


def tr_text(text: str, lang: str) -> str:
    """Translates prose, keeping code, URLs and numbers."""
    out = []
    pos = 0
    nospace = lang in NOSPACE
    prev_word = False
    for m in TOKEN_RE.finditer(text):
        gap = text[pos:m.start()]
        tok = m.group()
        pos = m.end()
        is_word = tok[0].isalpha()
        if nospace and prev_word and is_word and gap == " ":
            gap = ""
        out.append(gap)
        out.append(tr_word(tok, lang) if is_word else tok)
        prev_word = is_word
    out.append(text[pos:])
    s = re.sub(r"  +", " ", "".join(out))
    return s.strip() if s.strip() else s


# --------------------------------------------------------------- generation


def cap(s: str) -> str:
    return s[0].upper() + s[1:]


def plural(noun: str) -> str:
    if noun.endswith(("s", "x", "sh", "ch")):
        return noun + "es"
    if noun.endswith("y") and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def third(verb: str) -> str:
    if verb.endswith(("s", "x", "sh", "ch")):
        return verb + "es"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


class Gen:
    def __init__(self, rng: random.Random):
        self.r = rng
        self.site: list[str] = []  # site links, filled once the tree exists

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

    def ver(self) -> str:
        return f"v1.{self.r.randint(18, 31)}"

    def ext_url(self) -> str:
        return f"{DOC_HOST}{self.n()}/{self.a()}-{self.n()}/"

    def site_url(self) -> str:
        return self.r.choice(self.site) if self.site else "/docs/"

    def sentence(self) -> str:
        r = self.r
        k = r.randrange(10)
        if k == 0:
            s = f"{self.d()} {self.a()} {self.n()} {third(self.v())} {self.d()} {self.n()} {self.p()} {self.d()} {self.a()} {self.n()}."
        elif k == 1:
            s = f"to {self.v()} a {self.n()}, run `kubectl {r.choice(CMDS)} {r.choice(KINDS).lower()} {r.choice(OPTS)}`."
        elif k == 2:
            s = f"see [{self.a()} {plural(self.n())}]({self.site_url()}) for details about {self.d()} {self.n()}."
        elif k == 3:
            s = f"for more information, read the [{self.a()} {self.n()} guide]({self.ext_url()})."
        elif k == 4:
            s = f"starting with Kubernetes {self.ver()}, the {self.n()} {third(self.v())} {r.randint(2, 500)} {plural(self.n())} by default."
        elif k == 5:
            s = f"if the {self.n()} is {self.a()}, the {self.n()} {third(self.v())} {self.d()} {self.n()} {self.p()} the {self.n()}."
        elif k == 6:
            s = f"you can {self.v()} the `{self.n()}` field of a {r.choice(KINDS)} {self.p()} the {self.a()} {self.n()}."
        elif k == 7:
            s = f"each {self.n()} has {r.randint(2, 16)} {self.a()} {plural(self.n())}, so the {self.n()} {third(self.v())} them {r.choice(ADVS)}."
        elif k == 8:
            s = f"{r.choice(NAMES)} {third(self.v())} {self.d()} {self.a()} {self.n()} {self.p()} {self.d()} {self.n()}."
        else:
            s = f"{r.choice(ADVS)}, {self.d()} {self.n()} {third(self.v())} {self.d()} {self.a()} {self.n()} {self.p()} {self.d()} {self.n()}."
        return cap(s)

    def item(self) -> str:
        r = self.r
        k = r.randrange(4)
        if k == 0:
            return f"[{cap(self.a())} {plural(self.n())}]({self.site_url()})"
        if k == 1:
            return f"`{self.n()}`: {self.sentence()}"
        return self.sentence()

    def step(self) -> str:
        return self.sentence()

    def heading(self) -> str:
        r = self.r
        k = r.randrange(5)
        if k == 0:
            return cap(f"{self.v()} a {self.a()} {self.n()}")
        if k == 1:
            return cap(f"{plural(self.n())} and {plural(self.n())}")
        if k == 2:
            return r.choice(["Before you begin", "What's next", "Cleaning up", "Limitations", "Examples",
                             "Overview", "Motivation", "Troubleshooting"])
        if k == 3:
            return cap(f"{self.a()} {plural(self.n())}")
        return cap(f"{self.n()} {plural(self.n())}")

    def code(self) -> tuple[str, list[str]]:
        r = self.r
        name = f"{self.n()}-{self.a()}"
        if r.random() < 0.5:
            kind = r.choice(KINDS)
            lines = ["apiVersion: v1", f"kind: {kind}", "metadata:", f"  name: {name}",
                     f"  namespace: {self.n()}", "spec:", "  containers:", f"  - name: {self.n()}",
                     f"    image: {r.choice(IMAGES)}:1.{r.randint(0, 25)}.{r.randint(0, 9)}"]
            for _ in range(r.randint(0, 4)):
                lines.append(f"    {self.n()}: {r.randint(1, 512)}")
            return "yaml", lines
        lines = [f"kubectl {r.choice(CMDS)} {r.choice(KINDS).lower()} {name} {r.choice(OPTS)}"
                 for _ in range(r.randint(1, 4))]
        if r.random() < 0.4:
            lines.insert(0, f"kubectl apply -f {DOC_HOST}examples/{self.n()}/{name}.yaml")
        return "shell", lines


# -------------------------------------------------------------------- model
# A page is a list of units (a translatable block or list item), each a dict
# with a stable "id", a kind "k" and its cached English rendering "r". A
# translation maps unit ids to (English rendering it was made from, its text).

WRAP_TOKEN_RE = re.compile(r"\[[^\]]*\]\([^)]*\)\S*|`[^`]*`\S*|\S+")


def wrap_para(sents: list[str], wrap: int | None) -> str:
    text = " ".join(sents)
    if wrap is None:
        return text
    lines: list[str] = []
    cur = ""
    for tok in WRAP_TOKEN_RE.findall(text):
        if cur and len(cur) + 1 + len(tok) > wrap:
            lines.append(cur)
            cur = tok
        else:
            cur = f"{cur} {tok}" if cur else tok
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def fm_lines(title: str, u: dict) -> str:
    lines = ["---", f"title: {title}", f"weight: {u['weight']}"]
    if u.get("ctype"):
        lines.append(f"content_type: {u['ctype']}")
    lines.append("---")
    return "\n".join(lines)


def render_en(u: dict) -> str:
    k = u["k"]
    if k == "p":
        return wrap_para(u["sents"], u["wrap"])
    if k == "li":
        return "- " + u["text"]
    if k == "ol":
        return f"{u['n']}. {u['text']}"
    if k == "h":
        return "#" * u["lvl"] + " " + u["text"]
    if k == "code":
        return "```" + u["lang"] + "\n" + "\n".join(u["lines"]) + "\n```"
    if k == "note":
        return "{{< note >}}\n" + u["text"] + "\n{{< /note >}}"
    if k == "fm":
        return fm_lines(u["text"], u)
    raise ValueError(k)


def render_tr(u: dict, lang: str) -> str:
    k = u["k"]
    pre = PREFIX[lang]
    if k == "p":
        lines = u["r"].split("\n")
        return "\n".join((pre if i == 0 else "") + tr_text(line, lang) for i, line in enumerate(lines))
    if k == "li":
        return "- " + pre + tr_text(u["text"], lang)
    if k == "ol":
        return f"{u['n']}. {pre}{tr_text(u['text'], lang)}"
    if k == "h":
        return "#" * u["lvl"] + " " + pre + tr_text(u["text"], lang)
    if k == "code":
        return u["r"]
    if k == "note":
        return "{{< note >}}\n" + pre + tr_text(u["text"], lang) + "\n{{< /note >}}"
    if k == "fm":
        title = (pre + tr_text(u["text"], lang)).replace('"', "'")
        return fm_lines(f'"{title}"', u)
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


class Page:
    __slots__ = ("idx", "rel", "ctype", "is_index", "units", "tr", "typos", "exists", "initial_len")

    def __init__(self, idx: int, rel: str, ctype: str):
        self.idx = idx
        self.rel = rel  # path under content/<lang>/
        self.ctype = ctype
        self.is_index = rel.endswith("_index.md")
        self.units: list[dict] = []
        self.tr: dict[str, dict[int, tuple[str, str]]] = {}
        self.typos: list[tuple[dict, int, str, str]] = []
        self.exists = False
        self.initial_len = 0


class Site:
    def __init__(self, rng: random.Random, npages: int):
        self.rng = rng
        self.g = Gen(rng)
        self.next_id = 0
        self.pages: list[Page] = []
        self.build_tree(npages)
        self.g.site = sorted({"/" + p.rel.rsplit("/", 1)[0] + "/" if p.is_index else "/" + p.rel[:-3] + "/"
                              for p in self.pages})
        self.dirty: dict[str, set[int]] = {lang: set() for lang in LANGS}
        self.existing: list[Page] = []
        self.ctype_in_fm = False  # after the front-matter sweep

    # ---- tree

    def build_tree(self, npages: int) -> None:
        r = self.rng
        self.add_page("docs/_index.md", "concept")
        left = npages - 1
        quotas = []
        for i, (sec, share, ctype) in enumerate(SECTIONS):
            q = left - sum(quotas) if i == len(SECTIONS) - 1 else round(share * (npages - 1))
            quotas.append(max(0, q))
        for (sec, _share, ctype), q in zip(SECTIONS, quotas):
            if q <= 0:
                continue
            base = f"docs/{sec}"
            self.add_page(f"{base}/_index.md", ctype)
            count = [1]
            while count[0] < q:
                self.folder(base, 3, q, count, ctype)

    def folder(self, parent: str, depth: int, quota: int, count: list[int], ctype: str) -> None:
        r = self.rng
        taken = {p.rel for p in self.pages}
        for _ in range(100):
            name = r.choice(TOPICS) if r.random() < 0.6 else f"{r.choice(ADJS)}-{r.choice(TOPICS)}"
            path = f"{parent}/{name}"
            if f"{path}/_index.md" not in taken:
                break
        else:
            name = f"topic-{len(self.pages)}"
            path = f"{parent}/{name}"
        self.add_page(f"{path}/_index.md", ctype)
        count[0] += 1
        for _ in range(r.randint(2, 9)):
            if count[0] >= quota:
                return
            for _ in range(100):
                slug = f"{r.choice(VERBS)}-{r.choice(ADJS)}-{plural(r.choice(NOUNS))}" if ctype == "task" \
                    else f"{r.choice(ADJS)}-{r.choice(NOUNS)}"
                rel = f"{path}/{slug}.md"
                if rel not in taken:
                    break
            self.add_page(rel, ctype)
            taken.add(rel)
            count[0] += 1
        if depth < 6 and r.random() < (0.6 if depth < 5 else 0.3):
            for _ in range(r.randint(1, 3)):
                if count[0] >= quota:
                    return
                self.folder(path, depth + 1, quota, count, ctype)

    def add_page(self, rel: str, ctype: str) -> None:
        self.pages.append(Page(len(self.pages), rel, ctype))

    # ---- units

    def unit(self, **fields) -> dict:
        fields["id"] = self.next_id
        self.next_id += 1
        fields["r"] = render_en(fields)
        return fields

    def title(self, p: Page) -> str:
        g = self.g
        if p.is_index:
            folder = p.rel.rsplit("/", 2)[-2]
            return " ".join(cap(w) for w in folder.split("-"))
        slug = p.rel.rsplit("/", 1)[-1][:-3]
        return cap(slug.replace("-", " "))

    def fill(self, p: Page) -> None:
        """Writes the English text of a new page."""
        r, g = self.rng, self.g
        u = [self.unit(k="fm", text=self.title(p), weight=10 * r.randint(1, 20),
                       ctype=p.ctype if self.ctype_in_fm else None)]
        u.append(self.unit(k="p", sents=[g.sentence() for _ in range(r.randint(1, 3))], wrap=None))
        nsec = r.randint(1, 3) if p.is_index else r.randint(2, 6)
        for _ in range(nsec):
            u.append(self.unit(k="h", lvl=2, text=g.heading()))
            u.append(self.unit(k="p", sents=[g.sentence() for _ in range(r.randint(1, 4))], wrap=None))
            for _ in range(r.randint(0, 2)):
                x = r.random()
                if x < 0.3:
                    for _ in range(r.randint(2, 6)):
                        u.append(self.unit(k="li", text=g.item()))
                elif x < 0.5:
                    for i in range(r.randint(2, 5)):
                        u.append(self.unit(k="ol", n=i + 1, text=g.step()))
                elif x < 0.75:
                    lang, lines = g.code()
                    u.append(self.unit(k="code", lang=lang, lines=lines))
                elif x < 0.85:
                    u.append(self.unit(k="note", text=g.sentence()))
                else:
                    u.append(self.unit(k="h", lvl=3, text=g.heading()))
                    u.append(self.unit(k="p", sents=[g.sentence() for _ in range(r.randint(1, 3))], wrap=None))
        p.units = u
        p.initial_len = len(u)
        for unit in u:
            if unit["k"] == "p":
                for i in range(len(unit["sents"])):
                    self.maybe_misspell(p, unit, i, 0.08)
            elif unit["k"] in ("li", "ol", "note"):
                self.maybe_misspell(p, unit, -1, 0.05)
        p.exists = True
        self.existing.append(p)

    # ---- rendering

    def text_en(self, p: Page) -> str:
        return join_units((u["k"], u["r"]) for u in p.units)

    def text_tr(self, p: Page, lang: str) -> str:
        t = p.tr[lang]
        return join_units((u["k"], t[u["id"]][1]) for u in p.units if u["id"] in t)

    def path(self, p: Page, lang: str) -> str:
        return f"content/{lang}/{p.rel}"

    def translate(self, p: Page, lang: str) -> None:
        p.tr[lang] = {u["id"]: (u["r"], render_tr(u, lang)) for u in p.units}

    # ---- English edits

    def touch(self, p: Page, u: dict) -> None:
        u["r"] = render_en(u)
        for lang in p.tr:
            self.dirty[lang].add(p.idx)

    def misspell(self, text: str) -> tuple[str, str, str] | None:
        r = self.rng
        words = [m for m in TOKEN_RE.finditer(text) if m.group().isalpha() and m.group().islower() and len(m.group()) >= 5]
        if not words:
            return None
        m = r.choice(words)
        w = m.group()
        i = r.randrange(1, len(w) - 1)
        c = r.choice([c for c in "abcdefghilmnoprstu" if c != w[i]])
        bad = w[:i] + c + w[i + 1:]
        return text[:m.start()] + bad + text[m.end():], bad, w

    def maybe_misspell(self, p: Page, u: dict, i: int, prob: float) -> None:
        if self.rng.random() < prob:
            t = self.misspell(u["sents"][i] if i >= 0 else u["text"])
            if t:
                if i >= 0:
                    u["sents"][i] = t[0]
                else:
                    u["text"] = t[0]
                p.typos.append((u, i, t[1], t[2]))
        u["r"] = render_en(u)

    def op_typo(self, p: Page) -> bool:
        r = self.rng
        while p.typos:
            u, i, bad, good = p.typos.pop(r.randrange(len(p.typos)))
            if u not in p.units:
                continue
            text = u["sents"][i] if i >= 0 else u["text"]
            m = re.search(rf"\b{bad}\b", text)
            if m is None:
                continue
            text = text[:m.start()] + good + text[m.end():]
            if i >= 0:
                u["sents"][i] = text
            else:
                u["text"] = text
            self.touch(p, u)
            return True
        return False

    def op_rewrite(self, p: Page) -> bool:
        r, g = self.rng, self.g
        cands = [u for u in p.units if u["k"] in ("p", "li", "ol", "note")]
        if not cands:
            return False
        u = r.choice(cands)
        i = -1
        if u["k"] == "p":
            i = r.randrange(len(u["sents"]))
            u["sents"][i] = g.sentence()
        else:
            u["text"] = g.item() if u["k"] == "li" else g.sentence()
        self.maybe_misspell(p, u, i, 0.1)
        self.touch(p, u)
        return True

    VER_RE = re.compile(r"v1\.(\d+)|:1\.(\d+)\.(\d+)")
    URL_RE = re.compile(r"\]\((https?://[^)]*|/docs/[^)]*)\)")

    def op_url(self, p: Page) -> bool:
        r, g = self.rng, self.g
        cands = []
        for u in p.units:
            if u["k"] in ("p", "li", "ol", "note"):
                texts = u["sents"] if u["k"] == "p" else [u["text"]]
                for i, t in enumerate(texts):
                    if self.VER_RE.search(t) or self.URL_RE.search(t):
                        cands.append((u, i if u["k"] == "p" else -1))
        if not cands:
            return False
        u, i = r.choice(cands)
        t = u["sents"][i] if i >= 0 else u["text"]
        vm = self.VER_RE.search(t)
        um = self.URL_RE.search(t)
        if vm and (not um or r.random() < 0.5):
            if vm.group(1):
                new = f"v1.{int(vm.group(1)) + 1}"
            else:
                new = f":1.{vm.group(2)}.{int(vm.group(3)) + 1}"
            t = t[:vm.start()] + new + t[vm.end():]
        else:
            url = um.group(1)
            new = g.site_url() if url.startswith("/") else g.ext_url()
            t = t[:um.start(1)] + new + t[um.end(1):]
        if i >= 0:
            u["sents"][i] = t
        else:
            u["text"] = t
        self.touch(p, u)
        return True

    def op_add_para(self, p: Page) -> bool:
        r, g = self.rng, self.g
        if len(p.units) > 1.4 * p.initial_len:
            return False
        at = r.randrange(2, len(p.units) + 1)
        while at < len(p.units) and p.units[at]["k"] in ("li", "ol") and p.units[at - 1]["k"] == p.units[at]["k"]:
            at += 1
        if r.random() < 0.3 and at > 0 and p.units[at - 1]["k"] == "li":
            new = self.unit(k="li", text=g.item())
        else:
            new = self.unit(k="p", sents=[g.sentence() for _ in range(r.randint(1, 3))], wrap=None)
        p.units.insert(at, new)
        self.touch(p, new)
        return True

    def op_code(self, p: Page) -> bool:
        r, g = self.rng, self.g
        cands = [u for u in p.units if u["k"] == "code"]
        if not cands:
            return False
        u = r.choice(cands)
        lines = u["lines"]
        i = r.randrange(len(lines))
        m = re.search(r":1\.(\d+)\.(\d+)$", lines[i])
        if m:
            lines[i] = lines[i][:m.start()] + f":1.{m.group(1)}.{int(m.group(2)) + 1}"
        elif u["lang"] == "shell" or r.random() < 0.5:
            lines.insert(i + 1, f"kubectl {r.choice(CMDS)} {r.choice(KINDS).lower()} {g.n()}-{g.a()} {r.choice(OPTS)}"
                         if u["lang"] == "shell" else f"    {g.n()}: {r.randint(1, 512)}")
        else:
            lines[i] = re.sub(r"\d+$", str(r.randint(1, 512)), lines[i]) if re.search(r"\d+$", lines[i]) \
                else lines[i] + "-v2"
        self.touch(p, u)
        return True

    def op_rewrap(self, p: Page) -> bool:
        r = self.rng
        cands = [u for u in p.units if u["k"] == "p" and len(" ".join(u["sents"])) > 90]
        if not cands:
            return False
        u = r.choice(cands)
        old = u["r"]
        u["wrap"] = None if u["wrap"] is not None else r.randint(60, 100)
        u["r"] = render_en(u)
        if u["r"] == old:
            return False
        self.touch(p, u)
        return True

    OPS = [("fix a typo", "op_typo", 20), ("rewrite a sentence", "op_rewrite", 25),
           ("update a link or version", "op_url", 20), ("add a paragraph", "op_add_para", 12),
           ("edit a code example", "op_code", 13), ("re-wrap a paragraph", "op_rewrap", 10)]

    def edit(self, p: Page) -> str:
        r = self.rng
        for _ in range(50):
            x = r.randrange(100)
            for msg, op, w in self.OPS:
                if x < w:
                    break
                x -= w
            if getattr(self, op)(p):
                return msg
        self.op_rewrite(p)
        return "rewrite a sentence"

    # ---- translations

    def stale(self, p: Page, lang: str) -> tuple[list[dict], list[dict]]:
        t = p.tr[lang]
        meaningful, cosmetic = [], []
        for u in p.units:
            e = t.get(u["id"])
            if e is None:
                meaningful.append(u)
            elif e[0] != u["r"]:
                (cosmetic if e[0].split() == u["r"].split() else meaningful).append(u)
        return meaningful, cosmetic

    def sync(self, p: Page, lang: str, meaningful: list[dict], cosmetic: list[dict]) -> None:
        r = self.rng
        chosen = [u for u in meaningful if r.random() < 0.7] + [u for u in cosmetic if r.random() < 0.1]
        if not chosen:
            chosen = [meaningful[0]]
        t = p.tr[lang]
        for u in chosen:
            t[u["id"]] = (u["r"], render_tr(u, lang))
        # Units deleted from the English go with the re-sync.
        ids = {u["id"] for u in p.units}
        for i in [i for i in t if i not in ids]:
            del t[i]

    def pick_stale(self, lang: str, rng_recent: bool) -> tuple[Page, tuple[list[dict], list[dict]]] | None:
        r = self.rng
        d = self.dirty[lang]
        while d:
            ds = sorted(d)
            i = ds[-1] if rng_recent else r.choice(ds)
            p = self.pages[i]
            st = self.stale(p, lang)
            if st[0]:
                return p, st
            d.discard(i)
        return None

    # ---- bulk transforms

    def transform_page(self, p: Page, fn, unit_fn) -> None:
        """Applies unit_fn to the English units (re-rendering them) and fn to
        every stored translation text (both sides), keeping in step what was."""
        for u in p.units:
            old = u["r"]
            if unit_fn(u):
                u["r"] = render_en(u)
                for lang, t in p.tr.items():
                    e = t.get(u["id"])
                    if e is not None:
                        t[u["id"]] = (u["r"] if e[0] == old else fn(e[0]), fn(e[1]))


# -------------------------------------------------------------------- git


def git_env() -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/nonexistent"),
        "GIT_CONFIG_GLOBAL": "/dev/null",
        "GIT_CONFIG_SYSTEM": "/dev/null",
        "GIT_CONFIG_NOSYSTEM": "1",
        "LC_ALL": "C",
        "TZ": "UTC",
    }


class Importer:
    def __init__(self, out: str, env: dict[str, str]):
        # No deltas and the fastest zlib level, as in gen-repo.py.
        self.proc = subprocess.Popen(
            ["git", "-c", "pack.compression=1", "fast-import", "--quiet", "--done", "--date-format=raw",
             "--depth=0"],
            cwd=out, env=env, stdin=subprocess.PIPE,
        )
        self.n = 0

    def commit(self, msg: str, ops: list[tuple]) -> None:
        """ops: ("M", path, text) or ("R", old, new)."""
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
        for op in ops:
            if op[0] == "M":
                data = op[2].encode()
                parts.append(b"M 100644 inline %s\ndata %d\n" % (op[1].encode(), len(data)))
                parts.append(data)
                parts.append(b"\n")
            else:
                parts.append(b"R %s %s\n" % (op[1].encode(), op[2].encode()))
        parts.append(b"\n")
        self.proc.stdin.write(b"".join(parts))

    def close(self) -> None:
        self.proc.stdin.write(b"done\n")
        self.proc.stdin.close()
        if self.proc.wait() != 0:
            sys.exit(f"gen-docs: git fast-import failed ({self.proc.returncode})")


# ------------------------------------------------------------------ history


def plan(rng: random.Random, commits: int, to_add: int) -> list[str]:
    """The kind of every commit: init, move, move-edit, fm-sweep, link-sweep,
    add, tr-new, or None (an English edit or a translation update)."""
    kinds: list[str | None] = [None] * commits
    kinds[0] = "init"
    fixed = [(0.30, "move"), (0.45, "fm-sweep"), (0.55, "move-edit"), (0.70, "link-sweep"), (0.80, "move")]
    for frac, kind in fixed:
        i = max(1, min(commits - 1, round(commits * frac)))
        while i < commits and kinds[i] is not None:
            i += 1
        if i < commits:
            kinds[i] = kind
    free_early = [i for i in range(1, max(2, int(commits * 0.75))) if kinds[i] is None]
    n_add = min(to_add, max(1 if to_add else 0, round(commits * 0.06)), len(free_early))
    for i in rng.sample(free_early, n_add):
        kinds[i] = "add"
    free = [i for i in range(1, commits) if kinds[i] is None]
    n_tr = min(len(free), max(1, round(commits * 0.28)))
    for i in rng.sample(free, n_tr):
        kinds[i] = "tr-new"
    return kinds


def generate(out: str, npages: int, commits: int, seed: int) -> dict[str, int]:
    rng = random.Random(seed)
    site = Site(rng, npages)
    pages = site.pages
    env = git_env()
    subprocess.run(["git", "init", "-q", "-b", "main", out], env=env, check=True)
    imp = Importer(out, env)
    stats = {"english edits": 0, "translation updates": 0, "new translations": 0, "page additions": 0,
             "bulk moves": 0, "renamed files": 0, "bulk sweeps": 0, "sweep files": 0}

    # Which pages each language will translate: a share of the pages, index
    # pages first.
    want: dict[str, set[int]] = {}
    for lang in LANGS:
        ranked = sorted(range(len(pages)), key=lambda i: rng.random() * (0.4 if pages[i].is_index else 1.0))
        want[lang] = set(ranked[:round(TARGET[lang] * len(pages))])

    initial = [p for p in pages if p.is_index or rng.random() < 0.33]
    initial_set = {p.idx for p in initial}
    pending = [p for p in pages if p.idx not in initial_set]
    # Pages each language may translate now (English written, in its share,
    # not translated yet): counts only, the list is built for the language
    # picked.
    avail = {lang: 0 for lang in LANGS}
    left_pairs = [sum(len(w) for w in want.values())]

    def written(batch: list[Page]) -> None:
        for p in batch:
            for lang in LANGS:
                avail[lang] += p.idx in want[lang]
    kinds = plan(rng, commits, len(pending))
    add_slots = sum(1 for k in kinds if k == "add")
    tr_slots = sum(1 for k in kinds if k == "tr-new")
    hot = rng.sample(range(len(pages)), max(1, len(pages) // 10))
    moved_prefixes: set[str] = set()

    def english_edit() -> None:
        stats["english edits"] += 1
        x = rng.random()
        want_n = 1 if x < 0.75 else 2 if x < 0.93 else 3
        existing = site.existing
        targets: list[Page] = []
        for _ in range(want_n * 4):
            if rng.random() < 0.35:
                p = pages[rng.choice(hot)]
                if not p.exists:
                    continue
            else:
                p = rng.choice(existing)
            if p not in targets:
                targets.append(p)
            if len(targets) == want_n:
                break
        targets.sort(key=lambda p: p.idx)
        notes = [site.edit(p) for p in targets]
        if len(targets) == 1:
            msg = f"{targets[0].rel}: {notes[0]}"
        else:
            msg = "docs: " + "; ".join(f"{n} in {p.rel}" for n, p in zip(notes, targets))
        imp.commit(msg, [("M", site.path(p, "en"), site.text_en(p)) for p in targets])

    def translation_update() -> bool:
        langs = [l for l in LANGS if site.dirty[l]]
        if not langs:
            return False
        lang = rng.choices(langs, weights=[ACTIVITY[l] for l in langs])[0]
        n = 1 if rng.random() < 0.7 else rng.randint(2, 3)
        done: list[Page] = []
        for _ in range(n):
            picked = site.pick_stale(lang, rng.random() < 0.4)
            if picked is None:
                break
            p, st = picked
            site.sync(p, lang, *st)
            site.dirty[lang].discard(p.idx)
            if site.stale(p, lang)[0] or site.stale(p, lang)[1]:
                site.dirty[lang].add(p.idx)
            if p not in done:
                done.append(p)
        if not done:
            return False
        stats["translation updates"] += 1
        names = ", ".join(p.rel for p in done)
        imp.commit(f"[{lang}] Update {LANG_NAMES[lang]} translation of {names}",
                   [("M", site.path(p, lang), site.text_tr(p, lang)) for p in done])
        return True

    def new_translations(slots_left: int) -> bool:
        langs = [l for l in LANGS if avail[l]]
        if not langs:
            return False
        lang = rng.choices(langs, weights=[avail[l] for l in langs])[0]
        size = max(1, round(left_pairs[0] / max(1, slots_left) * rng.uniform(0.3, 1.7)))
        cands = sorted((p for p in site.existing if lang not in p.tr and p.idx in want[lang]), key=lambda p: p.rel)
        start = rng.randrange(len(cands))
        chosen = cands[start:start + size]
        for p in chosen:
            site.translate(p, lang)
        avail[lang] -= len(chosen)
        left_pairs[0] -= len(chosen)
        stats["new translations"] += len(chosen)
        what = chosen[0].rel if len(chosen) == 1 else f"{len(chosen)} pages under {os.path.commonpath([p.rel for p in chosen])}"
        imp.commit(f"[{lang}] Add {LANG_NAMES[lang]} translation of {what}",
                   [("M", site.path(p, lang), site.text_tr(p, lang)) for p in chosen])
        return True

    def bulk_move(with_edit: bool) -> bool:
        # Folders and their existing English pages.
        counts: dict[str, int] = {}
        for p in pages:
            if p.exists:
                parts = p.rel.split("/")[:-1]
                for d in range(2, len(parts) + 1):
                    f = "/".join(parts[:d])
                    counts[f] = counts.get(f, 0) + 1
        cands = sorted((c, f) for f, c in counts.items() if c >= 100 and f not in moved_prefixes)
        if not cands:
            cands = sorted(((c, f) for f, c in counts.items() if f not in moved_prefixes and c >= 2),
                           key=lambda x: (-x[0], x[1]))
        if not cands:
            return False
        _, old = cands[0]
        head, name = old.rsplit("/", 1)
        new = f"{head}/{RENAMES.get(name, name + '-docs')}"
        while any(p.rel.startswith(new + "/") for p in pages):
            new += "-v2"
        moved = [p for p in pages if p.rel.startswith(old + "/")]
        ops: list[tuple] = []
        nfiles = 0
        for lang in ("en",) + LANGS:
            has = [p for p in moved if p.exists and (lang == "en" or lang in p.tr)]
            if has:
                ops.append(("R", f"content/{lang}/{old}", f"content/{lang}/{new}"))
                nfiles += len(has)
        for p in moved:
            p.rel = new + p.rel[len(old):]
        moved_prefixes.add(new)
        stats["bulk moves"] += 1
        stats["renamed files"] += nfiles
        msg = f"Move {old}/ to {new}/ in every language ({nfiles} files)"
        if with_edit:
            edited = [p for p in moved if p.exists and rng.random() < 0.1]
            for p in edited:
                w = 10 * rng.randint(1, 20)

                def set_w(u, w=w):
                    if u["k"] != "fm" or u["weight"] == w:
                        return False
                    u["weight"] = w
                    return True
                site.transform_page(p, lambda s, w=w: re.sub(r"(?m)^weight: \d+$", f"weight: {w}", s), set_w)
                ops.append(("M", site.path(p, "en"), site.text_en(p)))
                for lang in LANGS:
                    if lang in p.tr:
                        ops.append(("M", site.path(p, lang), site.text_tr(p, lang)))
            msg += f", and reorder {len(edited)} of its pages"
        imp.commit(msg, ops)
        return True

    def sweep(kind: str) -> None:
        ops: list[tuple] = []
        for p in pages:
            if not p.exists:
                continue
            if kind == "fm":
                def unit_fn(u, p=p):
                    if u["k"] != "fm" or u.get("ctype"):
                        return False
                    u["ctype"] = p.ctype
                    return True
                fn = lambda s, c=p.ctype: s.replace("\n---", f"\ncontent_type: {c}\n---") if "content_type:" not in s else s
            else:
                def unit_fn(u):
                    hit = False
                    for key in ("sents", "lines"):
                        if key in u:
                            new = [s.replace(DOC_HOST, NEW_DOC_HOST) for s in u[key]]
                            hit |= new != u[key]
                            u[key] = new
                    if "text" in u and DOC_HOST in u["text"]:
                        u["text"] = u["text"].replace(DOC_HOST, NEW_DOC_HOST)
                        hit = True
                    return hit
                fn = lambda s: s.replace(DOC_HOST, NEW_DOC_HOST)
            before_en = site.text_en(p)
            before_tr = {lang: site.text_tr(p, lang) for lang in p.tr}
            site.transform_page(p, fn, unit_fn)
            if site.text_en(p) != before_en:
                ops.append(("M", site.path(p, "en"), site.text_en(p)))
            for lang in LANGS:
                if lang in p.tr and site.text_tr(p, lang) != before_tr[lang]:
                    ops.append(("M", site.path(p, lang), site.text_tr(p, lang)))
        stats["bulk sweeps"] += 1
        if kind == "fm":
            site.ctype_in_fm = True
        stats["sweep files"] += len(ops)
        if kind == "fm":
            msg = f"Add content_type to the front matter of every page, all languages ({len(ops)} files) [i18n-ignore]"
        else:
            msg = f"Fix links: {DOC_HOST} moved to {NEW_DOC_HOST}, every locale ({len(ops)} files)"
        imp.commit(msg, ops)

    tr_left = tr_slots
    add_left = add_slots
    for i, kind in enumerate(kinds):
        if kind == "init":
            for p in initial:
                site.fill(p)
            written(initial)
            imp.commit(f"Import the documentation ({len(initial)} English pages)",
                       [("M", "trame.toml", TRAME_TOML)] + [("M", site.path(p, "en"), site.text_en(p)) for p in initial])
            continue
        if kind == "add":
            size = max(1, round(len(pending) / max(1, add_left)))
            add_left -= 1
            if pending:
                start = rng.randrange(len(pending))
                batch = pending[start:start + size]
                if len(batch) < size:
                    batch = pending[max(0, len(pending) - size):]
                for p in batch:
                    site.fill(p)
                written(batch)
                pending = [p for p in pending if not p.exists]
                stats["page additions"] += len(batch)
                what = batch[0].rel if len(batch) == 1 else f"{len(batch)} pages under {os.path.commonpath([p.rel for p in batch])}"
                imp.commit(f"Add {what}", [("M", site.path(p, "en"), site.text_en(p)) for p in batch])
                continue
        elif kind == "tr-new":
            ok = new_translations(tr_left)
            tr_left -= 1
            if ok:
                continue
        elif kind in ("move", "move-edit"):
            if bulk_move(kind == "move-edit"):
                continue
        elif kind in ("fm-sweep", "link-sweep"):
            sweep("fm" if kind == "fm-sweep" else "link")
            continue
        if rng.random() < 0.45 and translation_update():
            continue
        english_edit()
    imp.close()
    assert imp.n == commits, (imp.n, commits)
    subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=out, env=env, check=True)
    stats["pages"] = sum(1 for p in pages if p.exists)
    stats["pairs"] = sum(len(p.tr) for p in pages if p.exists)
    stats["stale pairs"] = sum(1 for p in pages if p.exists for lang in p.tr if site.stale(p, lang)[0])
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", metavar="OUT_DIR", help="directory to create (must not exist or be empty)")
    ap.add_argument("--pages", type=int, default=1500, help="number of English pages (default 1500)")
    ap.add_argument("--commits", type=int, default=8000, help="exact number of commits (default 8000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    a = ap.parse_args()
    if a.pages < 10:
        ap.error("--pages must be at least 10")
    if a.commits < 20:
        ap.error("--commits must be at least 20")
    if os.path.exists(a.out) and (not os.path.isdir(a.out) or os.listdir(a.out)):
        ap.error(f"{a.out} exists and is not an empty directory")
    os.makedirs(a.out, exist_ok=True)
    t0 = time.perf_counter()
    s = generate(a.out, a.pages, a.commits, a.seed)
    dt = time.perf_counter() - t0
    print(f"gen-docs: {s['pages']} pages x {len(LANGS)} languages, {s['pairs']} translated pairs "
          f"({100 * s['pairs'] / max(1, s['pages'] * len(LANGS)):.0f}%, {s['stale pairs']} with stale segments), "
          f"{a.commits} commits: {s['english edits']} English edits, {s['translation updates']} translation updates, "
          f"{s['new translations']} translations added, {s['page additions']} pages added after the import, "
          f"{s['bulk moves']} bulk moves ({s['renamed files']} renamed files), "
          f"{s['bulk sweeps']} all-language sweeps ({s['sweep files']} files); {dt:.1f} s")


if __name__ == "__main__":
    main()
