#!/usr/bin/env bash
# Launch budgets of the terminal interface, whole process, in a real
# pseudo-terminal (tmux, 160x48): time from starting `trame` to the first
# frame (the dashboard header on screen) and to the full dashboard (every
# page read, the loading note gone). Budgets: first full frame under 100 ms
# on the sample `issues/`, under 300 ms on a 100-newsletter repository
# (benches/gen-repo.py, 3,000 commits). "cold" runs without the history log
# (deleted first, as on a fresh clone); "warm" reads it. Median of 5 runs;
# the screen is polled every few milliseconds, which adds about 3 ms.
# Usage: bash benches/tui-launch.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is needed"; exit 1; }
cargo build --release --quiet
bin=$PWD/target/release/trame
repo=$PWD/target/bench-repos/repo-3000
[ -d "$repo/.git" ] || python3 benches/gen-repo.py "$repo" --commits 3000 >/dev/null
python3 - "$bin" "$PWD" "$repo" <<'PY'
import os, statistics, subprocess, sys, tempfile, time
bin, sample, repo = sys.argv[1:4]
tmp = tempfile.mkdtemp()
sock = None
def tmux(*args):
    return subprocess.run(["tmux", "-u", "-S", sock, "-f", "/dev/null", *args],
                          capture_output=True, text=True, env={**os.environ, "LC_ALL": "C.UTF-8"})
def launch(cwd, docs, cold):
    global sock
    # A server of its own for each run: no race with the last one's exit.
    sock = os.path.join(tmp, f"tmux-{time.perf_counter_ns()}.sock")
    if cold:
        subprocess.run(["rm", "-rf", os.path.join(cwd, ".git", "trame")], check=True)
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", "b", "-x", "160", "-y", "48", "-c", cwd,
         "env", "-i", f"HOME={cwd}", "LANG=C.UTF-8", "TERM=xterm-256color", bin)
    first = full = None
    while full is None:
        screen = tmux("capture-pane", "-p", "-t", "b").stdout
        now = (time.perf_counter() - t0) * 1000
        if first is None and "trame ·" in screen:
            first = now
        if f"{docs} documents" in screen and "pages read" not in screen and "reading the pages" not in screen:
            full = now
        if now > 30000:
            raise SystemExit("timed out:\n" + screen)
        time.sleep(0.002)
    tmux("kill-server")
    return first, full
for label, cwd, docs in [("sample issues/", sample, 2), ("100 newsletters, 3000 commits", repo, 100)]:
    for cold in (True, False):
        if not cold:
            launch(cwd, docs, False)  # the log is written by this run
        runs = [launch(cwd, docs, cold) for _ in range(5)]
        first = statistics.median(r[0] for r in runs)
        full = statistics.median(r[1] for r in runs)
        kind = "cold" if cold else "warm"
        print(f"{label:<30} {kind}: first frame {first:6.1f} ms, full dashboard {full:6.1f} ms")
PY
