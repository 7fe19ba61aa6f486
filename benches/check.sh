#!/usr/bin/env bash
# `trame check` wall time, whole process (issue 16's budgets):
# - each site of the public corpus (../shared/corpus), median of 5 runs,
#   budget under 200 ms;
# - the 100-newsletter, 3,000-commit generated repository
#   (benches/gen-repo.py, made in target/bench-repos/ as benches/stale.sh
#   makes it), cold (median of 3, .git/trame deleted first) and warm
#   (median of 5), budget under 1 s cold; beside the git walk of the same
#   history (`git log -M --name-status --format=%H -- content`).
#
# Usage: bash benches/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=${CARGO_TARGET_DIR:-$PWD/target}/release/trame
corpus=$PWD/../shared/corpus
repo=$PWD/target/bench-repos/repo-3000
gen=(benches/gen-repo.py "$repo" --commits 3000)
stamp="$(sha1sum "${gen[0]}" | cut -d' ' -f1) ${gen[*]:2}"
if [ ! -d "$repo/.git" ] || [ "$(cat "$repo/.git/bench-stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -rf "$repo"
  python3 "${gen[@]}" >&2
  echo "$stamp" > "$repo/.git/bench-stamp"
fi
python3 - "$bin" "$corpus" "$repo" <<'PY'
import json, pathlib, statistics, subprocess, sys, time
bin, corpus, repo = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])

def run(cmd, cwd, cold=False):
    if cold:
        subprocess.run(["rm", "-rf", str(cwd / ".git" / "trame")], check=True)
    t = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, capture_output=True)
    return (time.perf_counter() - t) * 1000, p.stdout

def median(cmd, cwd, n, cold=False):
    return statistics.median(run(cmd, cwd, cold)[0] for _ in range(n))

check = [bin, "check", "--format", "json"]
if corpus.is_dir():
    for site in sorted(d for d in corpus.iterdir() if (d / "content").is_dir()):
        run(check, site)
        ms = median(check, site, 5)
        report = json.loads(run(check, site)[1])
        sev = [f["severity"] for f in report["findings"]]
        print(f"corpus {site.name:<16} {ms:7.1f} ms [<200 ms {'ok' if ms < 200 else 'OVER'}]  "
              f"{sev.count('error')} errors, {sev.count('warning')} warnings", flush=True)
else:
    print(f"corpus: {corpus} is absent, corpus figures skipped", flush=True)

git = ["git", "log", "-M", "--name-status", "--format=%H", "--", "content"]
run(git, repo)
git_ms = median(git, repo, 5)
print(f"repo-3000 git log -M --name-status       {git_ms:7.1f} ms", flush=True)
for mode, n in (("cold", 3), ("warm", 5)):
    ms = median(check + ["content"], repo, n, cold=mode == "cold")
    budget = f" [<1000 ms {'ok' if ms < 1000 else 'OVER'}]" if mode == "cold" else ""
    print(f"repo-3000 check {mode}                      {ms:7.1f} ms{budget}, {ms / git_ms:.2f}x git", flush=True)
PY
