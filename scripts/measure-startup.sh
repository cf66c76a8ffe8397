#!/usr/bin/env bash
# Measures what the Foundation issue asks for, reproducibly:
#   - time from `./finsam run` to a healthy gateway (RabbitMQ already installed), median of N starts;
#   - idle RSS of each process, 10 s after the gateway is healthy.
# Uses its own ports and data folder, so it doesn't disturb a running ./finsam. Usage: scripts/measure-startup.sh [runs=5]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
WORK="$(mktemp -d)"
export FINSAM_GATEWAY_PORT=15080 FINSAM_GATEWAY_GRPC_PORT=15081
export FINSAM_PARTICIPANTS_PORT=15101 FINSAM_ACTIVITIES_PORT=15102 FINSAM_REPORTING_PORT=15103
export FINSAM_DATA_DIR="$WORK/data" FINSAM_RUN_DIR="$WORK/run"
mkdir -p "$FINSAM_RUN_DIR"

# Build once up front: the figure is the start, not the compile.
dotnet build "$ROOT/Finsam.Runtime.slnf" -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null

times=()
for run in $(seq 1 "$RUNS"); do
  "$ROOT/finsam" run >"$WORK/run-$run.log" 2>&1 &
  finsam_pid=$!
  until grep -q 'frisk efter' "$WORK/run-$run.log"; do
    if ! kill -0 "$finsam_pid" 2>/dev/null; then cat "$WORK/run-$run.log" >&2; exit 1; fi
    sleep 0.2
  done
  seconds=$(grep -oE 'frisk efter [0-9.]+' "$WORK/run-$run.log" | grep -oE '[0-9.]+$')
  times+=("$seconds")
  if [ "$run" = "$RUNS" ]; then
    sleep 10
    echo "Idle RSS 10 s after healthy (run $run):"
    while read -r name pid; do
      printf '  %-13s %s MiB\n' "$name" "$(LC_ALL=C awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$pid/status")"
    done <"$FINSAM_RUN_DIR/pids"
  fi
  kill -TERM "$finsam_pid"
  wait "$finsam_pid" 2>/dev/null || true
done

sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(echo "$sorted" | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "Start to healthy gateway over $RUNS runs (s): $(echo "$sorted" | tr '\n' ' ')"
echo "Median: ${median} s"
rm -rf "$WORK"
