#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

# A local image, sent inline as a base64 data URL.
image=$(base64 < "$(dirname "$0")/image.png" | tr -d '\n')

status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/chat/completions \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  -H "Content-Type: application/json" \
  -d "$(jq -n --arg url "data:image/png;base64,$image" '{
  model: "openai/gpt-5.2",
  messages: [{
    role: "user",
    content: [
      {type: "text", text: "What is in this image?"},
      {type: "image_url", image_url: {url: $url}}
    ]
  }]
}')")

# API errors carry OpenRouter's error body: { error: { code, message } }.
if [ "$status" -ne 200 ]; then
  echo "Error $status: $(jq -r '.error.message' "$body")" >&2
  exit 1
fi

jq -r '.choices[0].message.content' "$body"
