#!/usr/bin/env bash
set -euo pipefail

# Don't put keys in code: read your OpenRouter API key from the environment.
if [ -z "${OPENROUTER_API_KEY:-}" ]; then
  echo "OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it." >&2
  exit 1
fi

body=$(mktemp)
trap 'rm -f "$body"' EXIT

# The tool the model may call: described to the model, run here.
tools='[{
  "type": "function",
  "function": {
    "name": "get_weather",
    "description": "Get the current weather in a city",
    "parameters": {
      "type": "object",
      "properties": {"city": {"type": "string", "description": "The city name"}},
      "required": ["city"],
      "additionalProperties": false
    }
  }
}]'

get_weather() {
  jq -cn --arg city "$1" '{city: $city, temperature: 18, conditions: "sunny"}'
}

# Sends the conversation so far with the tools; the reply lands in $body.
complete() {
  local status
  status=$(curl -sS -o "$body" -w '%{http_code}' https://openrouter.ai/api/v1/chat/completions \
    -H "Authorization: Bearer $OPENROUTER_API_KEY" \
    -H "Content-Type: application/json" \
    -d "$(jq -n --argjson messages "$1" --argjson tools "$tools" \
      '{model: "openai/gpt-5.2", messages: $messages, tools: $tools}')")
  # API errors carry OpenRouter's error body: { error: { code, message } }.
  if [ "$status" -ne 200 ]; then
    echo "Error $status: $(jq -r '.error.message' "$body")" >&2
    exit 1
  fi
}

messages='[{"role": "user", "content": "What is the weather in Paris?"}]'
complete "$messages"

# The model asks for the tool: run it, then send back its call and the result.
call=$(jq -c '.choices[0].message.tool_calls[0]' "$body")
echo "Tool call: $(jq -r '.function.name' <<<"$call")($(jq -r '.function.arguments' <<<"$call"))"
# Models now and then write arguments that are not JSON: say so rather than guess.
if ! city=$(jq -er '.function.arguments | fromjson | .city' <<<"$call" 2>/dev/null); then
  echo "Error: $(jq -r '.function.name' <<<"$call") was called with arguments that are not JSON:" \
    "$(jq -r '.function.arguments' <<<"$call")" >&2
  exit 1
fi
result=$(get_weather "$city")
messages=$(jq -c --argjson messages "$messages" --arg result "$result" --argjson call "$call" -n \
  '$messages + [
    {role: "assistant", content: null, tool_calls: [$call]},
    {role: "tool", tool_call_id: $call.id, content: $result}
  ]')

complete "$messages"
echo "Answer: $(jq -r '.choices[0].message.content' "$body")"
