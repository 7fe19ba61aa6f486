#!/usr/bin/env bash
# `trame export` and `trame import` wall time, whole process (issue 19's
# budgets: export and import of the whole corpus under 200 ms each).
# For each site of the public corpus (../shared/corpus) and each language,
# median of 5 runs of:
# - export --all --format xliff (every segment, the largest file) and
#   --format po;
# - import of that XLIFF with no change (every unit read, found by its id,
#   compared; nothing written);
# then the whole corpus: the sum over both sites of one language.
#
# Usage: bash benches/exchange.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/trame
corpus=$PWD/../shared/corpus
if [ ! -d "$corpus" ]; then
  echo "corpus: $corpus is absent, nothing to measure"
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$bin" "$corpus" "$tmp" <<'PY'
import pathlib, statistics, subprocess, sys, time
bin, corpus, tmp = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])

def run(cmd, cwd):
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"{cmd} failed in {cwd}: {p.stderr.decode()}")
    return (time.perf_counter() - t) * 1000, p.stdout

def median(cmd, cwd, n=5):
    run(cmd, cwd)
    return statistics.median(run(cmd, cwd)[0] for _ in range(n))

totals = {}
for site in sorted(d for d in corpus.iterdir() if (d / "content").is_dir()):
    for lang in ("fr", "it"):
        export = [bin, "export", "content", "--lang", lang, "--all"]
        xliff = run(export, site)[1]
        f = tmp / f"{site.name}.{lang}.xlf"
        f.write_bytes(xliff)
        units = xliff.count(b"<trans-unit ")
        ms = {
            "export xliff": median(export, site),
            "export po": median(export + ["--format", "po"], site),
            "import": median([bin, "import", str(f)], site),
        }
        for k, v in ms.items():
            totals[(lang, k)] = totals.get((lang, k), 0) + v
        print(f"{site.name:<14} {lang}  {units:5} units  " +
              "  ".join(f"{k} {v:6.1f} ms" for k, v in ms.items()), flush=True)
for lang in ("fr", "it"):
    line = "  ".join(f"{k} {totals[(lang, k)]:6.1f} ms [<200 ms {'ok' if totals[(lang, k)] < 200 else 'OVER'}]"
                     for k in ("export xliff", "export po", "import"))
    print(f"whole corpus   {lang}  {line}", flush=True)
PY
