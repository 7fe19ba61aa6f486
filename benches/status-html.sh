#!/usr/bin/env bash
# `trame status --format html -o FILE` on the 100-newsletter generated
# repositories (benches/gen-repo.py, made in target/bench-repos/ as
# benches/stale.sh makes them; 300 and 3,000 commits by default): wall time
# of the whole process cold (median of 3, .git/trame deleted first, as on a
# fresh clone) and warm (median of 5), beside `status --format json` (the
# same work without the page), and the page's size.
# Budgets (issue 20): under 1 s cold and under 2 MB.
#
# Usage: bash benches/status-html.sh [COMMITS...]   (default: 300 3000)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/trame
shapes=("$@")
[ ${#shapes[@]} -gt 0 ] || shapes=(300 3000)
for commits in "${shapes[@]}"; do
  repo=$PWD/target/bench-repos/repo-$commits
  gen=(benches/gen-repo.py "$repo" --commits "$commits")
  stamp="$(sha1sum "${gen[0]}" | cut -d' ' -f1) ${gen[*]:2}"
  if [ ! -d "$repo/.git" ] || [ "$(cat "$repo/.git/bench-stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$repo"
    python3 "${gen[@]}" >&2
    echo "$stamp" > "$repo/.git/bench-stamp"
  fi
  python3 - "$bin" "$repo" "$commits" <<'PY'
import os, pathlib, statistics, subprocess, sys, tempfile, time
bin, repo, commits = sys.argv[1], pathlib.Path(sys.argv[2]), sys.argv[3]
page = pathlib.Path(tempfile.mkdtemp()) / "status.html"

def run(cmd, cold):
    if cold:
        subprocess.run(["rm", "-rf", str(repo / ".git" / "trame")], check=True)
    t = time.perf_counter()
    subprocess.run(cmd, cwd=repo, check=True, capture_output=True)
    return (time.perf_counter() - t) * 1000

html = [bin, "status", "--format", "html", "-o", str(page)]
json = [bin, "status", "--format", "json"]
for mode, n in (("cold", 3), ("warm", 5)):
    cold = mode == "cold"
    h = statistics.median(run(html, cold) for _ in range(n))
    j = statistics.median(run(json, cold) for _ in range(n))
    budget = f" [<1000 ms {'ok' if h < 1000 else 'OVER'}]" if cold else ""
    print(f"repo-{commits} status html {mode} {h:7.1f} ms{budget}  (json {j:7.1f} ms)", flush=True)
size = page.stat().st_size
print(f"repo-{commits} page {size / 1e6:.2f} MB [<2 MB {'ok' if size < 2e6 else 'OVER'}]", flush=True)
os.remove(page)
PY
done
