#!/usr/bin/env bash
# The action's first step: the checker packed from the action's own checkout, as `npm pack` packs
# it, and installed with npm into the runner's temporary folder, once per job.
set -euo pipefail
package=$(cd "$(dirname "$0")/.." && pwd)
prefix="${RUNNER_TEMP:?}/openrouter-docs-verify"
if [ -x "$prefix/node_modules/.bin/openrouter-docs-verify" ]; then
  echo "the checker is installed already in $prefix"
  exit 0
fi
mkdir -p "$prefix"
cd "$package/../.."
# Only the checker and the workspace packages it bundles (the mock, the code it shares with the
# matrix); the mock's operation table is made from both official SDKs.
npx -y pnpm@10.34.8 install --frozen-lockfile --filter "openrouter-docs-verify..."
npx -y pnpm@10.34.8 --filter @conformance/openrouter-mock run setup
npx -y pnpm@10.34.8 --filter openrouter-docs-verify pack --pack-destination "$prefix"
cd "$prefix"
[ -f package.json ] || echo '{ "private": true }' > package.json
npm install --no-audit --no-fund ./openrouter-docs-verify-*.tgz
# Each block runs in a sandbox (bubblewrap; strace names what a block tried). A GitHub-hosted
# runner may install them with sudo; Ubuntu 24.04's AppArmor allows unprivileged user namespaces
# only when asked. Elsewhere the checker says what is missing, once, when it starts.
if ! command -v bwrap >/dev/null || ! command -v strace >/dev/null; then
  if sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo apt-get install -y -qq bubblewrap strace >/dev/null
  fi
fi
if [ "$(cat /proc/sys/kernel/apparmor_restrict_unprivileged_userns 2>/dev/null || echo 0)" = 1 ] &&
  sudo -n true 2>/dev/null; then
  sudo sysctl -q -w kernel.apparmor_restrict_unprivileged_userns=0
fi
