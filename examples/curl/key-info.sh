#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

# The key's own metadata: its credit limit and what it has used, in USD.
status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/key \
  -H "Authorization: Bearer $OPENROUTER_API_KEY")

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

read -r limit usage remaining < <(jq -r '.data | "\(.limit) \(.usage) \(.limit_remaining)"' "$body")

usd() { printf '$%.2f' "$1"; }
echo "Limit: $([ "$limit" = null ] && echo none || usd "$limit")"
echo "Usage: $(usd "$usage")"
echo "Remaining: $([ "$remaining" = null ] && echo unlimited || usd "$remaining")"
