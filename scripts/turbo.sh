#!/usr/bin/env bash
# Every root script runs turbo through here.
# - turbo hands its tasks pipes, not the terminal, so they would print no colour: on a terminal
#   (and unless NO_COLOR says otherwise) FORCE_COLOR asks them to. The examples never see it: each
#   cell and docs tab runs with an environment of its own.
# - turbo's telemetry stays off: nothing here reaches the network but the package registries.
set -euo pipefail
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then export FORCE_COLOR="${FORCE_COLOR:-1}"; fi
export TURBO_TELEMETRY_DISABLED=1
exec turbo "$@"
