#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/chat/completions \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
  "model": "openai/gpt-5.2",
  "messages": [{"role": "user", "content": "Say this is a test"}]
}')

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

jq -r '.choices[0].message.content' "$body"

# What OpenRouter recorded about that generation, looked up by the answer's id.
id=$(jq -r '.id' "$body")
status=$(curl -sS -o "$body" -w '%{http_code}' -G https://openrouter.ai/api/v1/generation \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  --data-urlencode "id=$id")
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

jq -r '.data | "Generation \(.id): \(.model) by \(.provider_name)",
  "Tokens: \(.tokens_prompt) prompt, \(.tokens_completion) completion"' "$body"
printf 'Cost: $%.6f\n' "$(jq '.data.total_cost' "$body")"
