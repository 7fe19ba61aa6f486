#!/usr/bin/env bash
# Staleness budgets on generated repositories of 100 newsletters in en, fr
# and it (benches/gen-repo.py): `trame stale` on all of it under 1 s (3,000
# commits) and growth at 300 and 30,000 commits; one newsletter under 50 ms.
# Whole-process wall time. "cold" runs without the history log (it is
# deleted first, as on a fresh clone), "warm" is the median of five runs
# that read the log the cold run wrote.
# Usage: bash benches/stale.sh [commits...]   (default: 300 3000 30000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=$PWD/target/release/trame
out=$PWD/target/bench-repos
mkdir -p "$out"
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(300 3000 30000)
for n in "${counts[@]}"; do
  repo=$out/repo-$n
  [ -d "$repo/.git" ] || python3 benches/gen-repo.py "$repo" --commits "$n" >/dev/null
  python3 - "$bin" "$repo" "$n" <<'PY'
import subprocess, sys, time, statistics, pathlib
bin, repo, n = sys.argv[1], sys.argv[2], sys.argv[3]
files = sorted(p.name for p in pathlib.Path(repo, "content/newsletter").glob("*-newsletter.md"))
def run(args, cold=False):
    if cold:
        subprocess.run(["rm", "-rf", pathlib.Path(repo, ".git", "trame")], check=True)
    t = time.perf_counter()
    subprocess.run([bin, "stale", "--format", "json", *args], cwd=repo, stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - t) * 1000
for label, args in [("all 100 newsletters", ["content"]),
                    ("newest newsletter", ["content/newsletter/" + files[-1]]),
                    ("oldest newsletter", ["content/newsletter/" + files[0]])]:
    cold = statistics.median([run(args, cold=True) for _ in range(3)])
    warm = statistics.median([run(args) for _ in range(5)])
    print(f"{n:>6} commits, {label:<20}: cold {cold:7.1f} ms, warm {warm:7.1f} ms")
PY
done
