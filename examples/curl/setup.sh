#!/usr/bin/env bash
# The cURL examples need curl and jq on PATH; say how to get them rather than fail mid-run.
set -euo pipefail
missing=()
for tool in curl jq; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "The cURL examples need ${missing[*]}. On Debian/Ubuntu: sudo apt-get install -y ${missing[*]}; on macOS: brew install ${missing[*]}" >&2
  exit 1
fi
