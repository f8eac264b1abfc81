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
  "model": "meta-llama/llama-3.3-70b-instruct",
  "messages": [{"role": "user", "content": "Say this is a test"}],
  "provider": {"order": ["groq"], "allow_fallbacks": false}
}')

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

# The answer names the provider that served it.
jq -r '"Provider: \(.provider)", .choices[0].message.content' "$body"
