#!/usr/bin/env bash
# Usage: scripts/venv.sh DIR
# Makes DIR/.venv from DIR/requirements.txt (hash-pinned). Runs before every task that needs it and
# does nothing while the venv matches the pins.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "${1:?usage: scripts/venv.sh DIR}"

pins=$(sha256sum requirements.txt | cut -d' ' -f1)
stamp=.venv/requirements.sha256
if [ -x .venv/bin/python ] && [ "$(cat "$stamp" 2>/dev/null)" = "$pins" ]; then
  exit 0
fi

if ! command -v python3 >/dev/null || ! python3 -c 'import venv, ensurepip' 2>/dev/null; then
  echo "Python 3.9+ with venv is needed for the Python example and docs tabs. On Debian/Ubuntu: apt-get install python3 python3-venv" >&2
  exit 1
fi

# turbo shows a set-up task's output only when it fails, so the one wait of a first run is
# announced on the terminal itself (where there is one).
say() { if { true >/dev/tty; } 2>/dev/null; then echo "$*" >/dev/tty; else echo "$*"; fi; }
say "==> making ${PWD#"$root/"}/.venv from its pinned requirements (first run only)"
rm -rf .venv
python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes --only-binary=:all: -r requirements.txt
echo "$pins" > "$stamp"
