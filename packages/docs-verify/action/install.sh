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
