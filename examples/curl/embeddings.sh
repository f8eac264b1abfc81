#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/embeddings \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
  "model": "openai/text-embedding-3-small",
  "input": "The quick brown fox jumps over the lazy dog"
}')

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

echo "Dimensions: $(jq '.data[0].embedding | length' "$body")"
# jq prints numbers as they are; printf rounds them to four places as the other styles do.
read -r -a first < <(jq -r '.data[0].embedding[:3] | map(tostring) | join(" ")' "$body")
printf 'First values: %.4f, %.4f, %.4f\n' "${first[@]}"
