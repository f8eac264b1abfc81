#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

# Server-sent events: `event: <type>` and `data: <json>` lines; the answer's text comes as
# response.output_text.delta events.
# An error before the stream starts is a plain JSON body instead (curl -N reads as it arrives).
curl -sS -N https://openrouter.ai/api/v1/responses \
  -H "Authorization: Bearer $OPENROUTER_API_KEY" \
  -H "Content-Type: application/json" \
  -d '{
  "model": "openai/gpt-5.2",
  "input": "Say this is a test",
  "stream": true
}' | while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    "data: [DONE]") ;; # the end of the stream
    "data: "*) jq -j 'select(.type == "response.output_text.delta") | .delta' <<<"${line#data: }" ;;
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    "{"*)
      jq -r '"Error \(.error.code): \(.error.message)"' <<<"$line" >&2
      exit 1
      ;;
  esac
done
echo
