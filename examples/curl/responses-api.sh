#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/responses \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
  "model": "openai/gpt-5.2",
  "input": "Say this is a test"
}')

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

# The answer is a list of output items; output_text joins the text of every output message.
jq -r '.output_text' "$body"
