#!/usr/bin/env bash
# Everything CI runs (.ci/run calls exactly this): starts RabbitMQ if needed, checks deploy/,
# builds the solution in Release and runs every test project. Ends with the test runner's summary.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/lib.sh
. "$ROOT/scripts/lib.sh"
cd "$ROOT"

ensure_dotnet
trap stop_rabbitmq_if_started_here EXIT
if ! ensure_rabbitmq_running; then
  echo "RabbitMQ could not be installed or started; the integration and end-to-end tests need it." >&2
  exit 1
fi

ensure_grpc_peer
ensure_chromium

echo "== deploy/: syntax and structure (no container engine here)"
if ! FINSAM_LINT_SCHEMA="${FINSAM_LINT_SCHEMA:-1}" bash deploy/lint.sh; then
  echo "deploy/lint.sh failed" >&2
  exit 1
fi

echo "== build (Release, warnings are errors)"
if ! dotnet build Finsam.slnx -c Release -nologo -v quiet -clp:ErrorsOnly; then
  echo "build failed" >&2
  exit 1
fi

echo "== tests"
LOG="$(mktemp)"
dotnet test --solution Finsam.slnx -c Release --no-build 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}

# The runner's own counts, repeated as one plain line for tools that read the last line.
passed=$(grep -E '^\s+succeeded: [0-9]+' "$LOG" | tail -1 | grep -oE '[0-9]+')
failed=$(grep -E '^\s+failed: [0-9]+' "$LOG" | tail -1 | grep -oE '[0-9]+')
skipped=$(grep -E '^\s+skipped: [0-9]+' "$LOG" | tail -1 | grep -oE '[0-9]+')
rm -f "$LOG"
if [ -n "$passed" ]; then
  echo "Tests: ${passed} passed, ${failed:-0} failed, ${skipped:-0} skipped"
fi
exit "$status"
