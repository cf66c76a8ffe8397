# Shared by ./finsam and ./test.sh: what both need on a fresh Debian/Ubuntu machine.
# shellcheck shell=bash

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "Behöver root för: $* (kör som root eller installera sudo)." >&2
    return 1
  fi
}

# curl is how the scripts talk to the gateway; a minimal image may lack it.
ensure_curl() {
  if ! command -v curl >/dev/null 2>&1; then
    echo "Installerar curl (apt)..."
    as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
  fi
}

# Seconds since the epoch with microseconds, without bc or a locale's decimal comma.
now_micros() { local t=${EPOCHREALTIME/[.,]/}; echo "$t"; }

ensure_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1; then
    echo "Hittar inte dotnet. Installera .NET 10 SDK först (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2
    exit 1
  fi
}

rabbitmqctl_cmd() {
  if command -v rabbitmqctl >/dev/null 2>&1; then as_root rabbitmqctl "$@"; else as_root /usr/sbin/rabbitmqctl "$@"; fi
}

# Installs RabbitMQ from apt when it is missing (about 15 s).
ensure_rabbitmq_installed() {
  if command -v rabbitmq-server >/dev/null 2>&1 || [ -x /usr/sbin/rabbitmq-server ]; then
    return
  fi
  echo "Installerar RabbitMQ (apt-get install rabbitmq-server)..."
  as_root apt-get update -qq || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null || return 1
}

RABBITMQ_STARTED_HERE=0

# Starts the broker on 127.0.0.1:5672 unless it already runs; remembers whether we started it.
ensure_rabbitmq_running() {
  ensure_rabbitmq_installed || { echo "Kunde inte installera RabbitMQ." >&2; return 1; }
  if rabbitmqctl_cmd -q status >/dev/null 2>&1; then
    return
  fi
  echo "Startar RabbitMQ..."
  if command -v rabbitmq-server >/dev/null 2>&1; then as_root rabbitmq-server -detached; else as_root /usr/sbin/rabbitmq-server -detached; fi || return 1
  RABBITMQ_STARTED_HERE=1
  # await_startup fails at once while the Erlang node is still registering, so ask again until it answers.
  local deadline=$(( $(date +%s) + 90 ))
  until rabbitmqctl_cmd -q await_startup --timeout 10 >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge $deadline ]; then
      echo "RabbitMQ startade inte inom 90 s." >&2
      return 1
    fi
    sleep 1
  done
}

# Stops the broker only if this script started it: end only what you started.
stop_rabbitmq_if_started_here() {
  if [ "$RABBITMQ_STARTED_HERE" = 1 ]; then
    rabbitmqctl_cmd -q stop >/dev/null 2>&1 || true
    RABBITMQ_STARTED_HERE=0
  fi
}

# An independent gRPC implementation for the interop test (Debian's Python grpcio).
ensure_grpc_peer() {
  if /usr/bin/python3 -c "import grpc, grpc_tools" >/dev/null 2>&1; then
    return
  fi
  echo "Installerar python3-grpcio och python3-grpc-tools (apt) för interoptestet..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-grpcio python3-grpc-tools >/dev/null 2>&1 \
    || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-grpcio python3-grpc-tools >/dev/null; } \
    || echo "Kunde inte installera python3-grpcio; interoptestet hoppas över." >&2
}

# Debian's headless Chromium for the browser test of the HTML report (Playwright drives it; no browser is downloaded).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then
    return
  fi
  echo "Installerar chromium (apt) för webbläsartestet av HTML-rapporten..."
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null 2>&1 \
    || { as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
    || echo "Kunde inte installera chromium; webbläsartestet misslyckas under CI." >&2
}
