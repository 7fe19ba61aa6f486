#!/usr/bin/env bash
# `trame stale --format json` on generated repositories, whole-process wall
# time, beside the git walk it cannot beat by much
# (`git log -M --name-status --format=%H -- content`, median of 5).
#
# Shapes: N = 100 newsletters in en, fr, it (suffix layout,
# benches/gen-repo.py) with N commits; `docs` = a Hugo documentation site of
# 1,500 English pages in content/en/ and ten languages in content/<lang>/
# (directory layout, about half of the page x language pairs translated,
# bulk renames of 100+ pages, all-language sweeps; benches/gen-docs.py) with
# 8,000 commits (`docs:C` for C commits). Repositories go in
# target/bench-repos/ and are made again when their generator changes.
#
# For each shape: the whole site, one language (--lang fr) and one page (the
# newest and the oldest newsletter; one deep docs page translated in many
# languages), each "cold" (median of 3, .git/trame deleted first, as on a
# fresh clone) and "warm" (median of 5, nothing changed since), a cold page
# beside `git rev-list --first-parent HEAD` (the chain it must read); peak RSS
# (/usr/bin/time -f %M) of the whole-site runs; trame / git walk ratios.
#
# Budgets (flagged ok/OVER on each line):
# - cold whole site within 3x of the git walk;
# - warm whole site within 1x of the git walk, and under 100 ms on the
#   100-newsletter shapes;
# - one language of ten (docs) under 30% of the whole site;
# - one page under 50 ms cold;
# - peak memory of the whole site on the docs shape under 150 MB.
#
# Usage: bash benches/stale.sh [SHAPE...]   (default: 300 3000 30000 docs)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/trame
out=$PWD/target/bench-repos
mkdir -p "$out"
[ -x /usr/bin/time ] || { echo "stale.sh: /usr/bin/time is needed (peak RSS)" >&2; exit 2; }
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(300 3000 30000 docs)
for shape in "${shapes[@]}"; do
  case $shape in
    docs | docs:[0-9]*)
      c=${shape#docs}; c=${c#:}; c=${c:-8000}
      repo=$out/docs-$c; kind=docs
      gen=(benches/gen-docs.py "$repo" --commits "$c") ;;
    [0-9]*)
      repo=$out/repo-$shape; kind=newsletters
      gen=(benches/gen-repo.py "$repo" --commits "$shape") ;;
    *) echo "stale.sh: unknown shape $shape (a number of commits, docs or docs:COMMITS)" >&2; exit 2 ;;
  esac
  stamp="$(sha1sum "${gen[0]}" | cut -d' ' -f1) ${gen[*]:2}"
  if [ ! -d "$repo/.git" ] || [ "$(cat "$repo/.git/bench-stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$repo"
    python3 "${gen[@]}" >&2
    echo "$stamp" > "$repo/.git/bench-stamp"
  fi
  python3 - "$bin" "$repo" "$kind" <<'PY'
import json, os, pathlib, statistics, subprocess, sys, tempfile, time
bin, repo, kind = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
shape = repo.name
rss_file = tempfile.NamedTemporaryFile(prefix="stale-rss-", delete=False).name

def run(cmd, cold=False):
    """Wall time (ms) and peak RSS (MB) of one run."""
    if cold:
        subprocess.run(["rm", "-rf", str(repo / ".git" / "trame")], check=True)
    t = time.perf_counter()
    subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file, *cmd], cwd=repo,
                   stdout=subprocess.DEVNULL, check=True)
    ms = (time.perf_counter() - t) * 1000
    return ms, int(pathlib.Path(rss_file).read_text().split()[-1]) / 1024

def measure(cmd, n, cold=False):
    runs = [run(cmd, cold) for _ in range(n)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)

def line(what, mode, ms, notes=""):
    print(f"{shape:<11} {what:<34} {mode:<4} {ms:8.1f} ms  {notes}".rstrip(), flush=True)

def flag(ok):
    return "ok" if ok else "OVER"

# The pages.
if kind == "docs":
    en = repo / "content" / "en"
    langs = sorted(d.name for d in (repo / "content").iterdir() if d.is_dir() and d.name != "en")
    pages = sorted(str(p.relative_to(en)) for p in en.rglob("*.md"))
    tr = {p: sum((repo / "content" / l / p).is_file() for l in langs) for p in pages}
    deep = min(pages, key=lambda p: (-tr[p], -p.count("/"), p))
    one = [(f"page {deep.count('/')} folders deep, {tr[deep]} langs", ["content/en/" + deep])]
    desc = f"{len(pages)} pages, {sum(tr.values())} translations in {len(langs)} languages"
else:
    files = sorted(p.name for p in (repo / "content/newsletter").glob("*-newsletter.md"))
    ntr = sum(1 for _ in (repo / "content/newsletter").glob("*-newsletter.*.md"))
    one = [("newest newsletter", ["content/newsletter/" + files[-1]]),
           ("oldest newsletter", ["content/newsletter/" + files[0]])]
    langs = ["fr", "it"]
    desc = f"{len(files)} newsletters, {ntr} translations in {len(langs)} languages"
commits = subprocess.run(["git", "rev-list", "--count", "HEAD"], cwd=repo, capture_output=True,
                         text=True, check=True).stdout.strip()
print(f"{shape:<11} {desc}, {commits} commits ({bin})", flush=True)

git = ["git", "log", "-M", "--name-status", "--format=%H", "--", "content"]
run(git)  # the pack in the page cache, as for every run below
git_ms, git_rss = measure(git, 5)
line("git log -M --name-status content", "", git_ms, f"peak {git_rss:.0f} MB")

stale = [bin, "stale", "--format", "json"]
site = {}
for mode, n in (("cold", 3), ("warm", 5)):
    ms, rss = measure(stale + ["content"], n, cold=mode == "cold")
    site[mode] = ms
    ratio = ms / git_ms
    notes = [f"{ratio:.2f}x git [{'<=3x' if mode == 'cold' else '<=1x'} {flag(ratio <= (3 if mode == 'cold' else 1))}]"]
    if mode == "warm" and kind == "newsletters":
        notes.append(f"[<100 ms {flag(ms < 100)}]")
    notes.append(f"peak {rss:.0f} MB" + (f" [<150 MB {flag(rss < 150)}]" if kind == "docs" else ""))
    line("whole site", mode, ms, ", ".join(notes))
for mode, n in (("cold", 3), ("warm", 5)):
    ms, rss = measure(stale + ["--lang", "fr", "content"], n, cold=mode == "cold")
    share = ms / site[mode]
    notes = f"{100 * share:.0f}% of whole site" + (f" [<30% {flag(share < 0.3)}]" if kind == "docs" else "") \
        + f", {ms / git_ms:.2f}x git, peak {rss:.0f} MB"
    line(f"--lang fr (1 of {len(langs)})", mode, ms, notes)
# One page on a fresh clone needs the first-parent chain to the commit that
# added its oldest file: reading it is the floor, shown beside (git's own
# `rev-list` reads the same commits).
chain_ms, _ = measure(["git", "rev-list", "--first-parent", "HEAD"], 5)
line("git rev-list --first-parent HEAD", "", chain_ms, "the chain a cold page reads")
for what, args in one:
    for mode, n in (("cold", 3), ("warm", 5)):
        ms, rss = measure(stale + args, n, cold=mode == "cold")
        notes = f"[<50 ms {flag(ms < 50)}], {ms / chain_ms:.2f}x rev-list, " if mode == "cold" else ""
        line(what, mode, ms, notes + f"peak {rss:.0f} MB")

# What the whole-site report holds (one more warm run).
report = json.loads(subprocess.run(stale + ["content"], cwd=repo, capture_output=True, check=True).stdout)
docs = report["documents"]
states = {}
for d in docs:
    for s in d["segments"]:
        states[s["state"]] = states.get(s["state"], 0) + 1
print(f"{shape:<11} report: {len(docs)} translations in {len({d['lang'] for d in docs})} languages, "
      + ", ".join(f"{k} {v}" for k, v in sorted(states.items())), flush=True)
os.unlink(rss_file)
PY
done
