#!/usr/bin/env bash
# The action's second step: the checker on the docs repository (the working directory), with
# annotations on the page lines, the Markdown report as the step summary, and every report's
# path as an output. The step fails when a page does.
set -euo pipefail
checker="${RUNNER_TEMP:?}/openrouter-docs-verify/node_modules/.bin/openrouter-docs-verify"
reports="$RUNNER_TEMP/openrouter-docs-verify-reports"
mkdir -p "$reports"
read -r -a paths <<< "${INPUT_PATHS:-.}"
options=()
[ -n "${INPUT_BASELINE:-}" ] && options+=(--baseline "$INPUT_BASELINE")
[ -n "${INPUT_SHARD:-}" ] && options+=(--shard "$INPUT_SHARD")
[ "${INPUT_STRICT:-false}" = true ] && options+=(--strict)
[ "${INPUT_MERGE:-false}" = true ] && options+=(--merge)
[ -n "${INPUT_CHANGED_SINCE:-}" ] && options+=(--changed-since "$INPUT_CHANGED_SINCE")
[ "${INPUT_NAVIGATION_ONLY:-false}" = true ] && options+=(--navigation-only)
read -r -a specs <<< "${INPUT_SPEC:-}"
for spec in "${specs[@]}"; do options+=(--spec "$spec"); done
[ -n "${INPUT_MODELS:-}" ] && options+=(--models "$INPUT_MODELS")
status=0
"$checker" "${paths[@]}" "${options[@]}" --annotations \
  --json "$reports/report.json" --junit "$reports/report.xml" \
  --markdown "$reports/report.md" --html "$reports/report.html" || status=$?
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ -f "$reports/report.md" ]; then
  cat "$reports/report.md" >> "$GITHUB_STEP_SUMMARY"
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "json=$reports/report.json"
    echo "junit=$reports/report.xml"
    echo "markdown=$reports/report.md"
    echo "html=$reports/report.html"
  } >> "$GITHUB_OUTPUT"
fi
exit "$status"
