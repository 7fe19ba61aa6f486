#!/usr/bin/env bash
# Whole-process timing of `trame segments` on one newsletter (budget: 10 ms).
# Usage: bash benches/process.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
cargo build --release --quiet
file=../shared/corpus/xsf-xmpp.org/content/blog/newsletter/2024-07-05-newsletter.md
[ -f "$file" ] || file=issues/2026-09-05-newsletter.md
python3 - "$runs" "$file" <<'PY'
import subprocess, sys, time
runs, file = int(sys.argv[1]), sys.argv[2]
for fmt in ("text", "json"):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["target/release/trame", "segments", "--format", fmt, file], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    print(f"trame segments --format {fmt} {file}: median {times[len(times)//2]:.2f} ms, p95 {times[int(len(times)*0.95)]:.2f} ms over {runs} runs")
PY
