import os
import sys

from openai import APIError, APIStatusError, OpenAI

# Don't put keys in code: read your OpenRouter API key from the environment.
api_key = os.environ.get("OPENROUTER_API_KEY")
if not api_key:
    sys.exit("OPENROUTER_API_KEY is not set: create a key at https://openrouter.ai/keys and export it.")

# The SDK retries rate limits and server errors twice by default.
client = OpenAI(
    base_url="https://openrouter.ai/api/v1",
    api_key=api_key,
)

try:
    completion = client.chat.completions.create(
        model="openai/gpt-5.2",
        messages=[{"role": "user", "content": "What is the meaning of life?"}],
        # The web plugin searches first; the answer cites its sources as url_citation annotations.
        # `plugins` is OpenRouter's, not OpenAI's: the SDK sends it through extra_body.
        extra_body={"plugins": [{"id": "web"}]},
    )

    # OpenAI's own message type has the annotations too.
    message = completion.choices[0].message
    print(message.content)
    print("Sources:")
    for annotation in message.annotations or []:
        print(f"- {annotation.url_citation.title}: {annotation.url_citation.url}")
except APIError as error:
    # API errors carry OpenRouter's error body: { error: { code, message } }.
    body = error.body if isinstance(error.body, dict) else {}
    status = error.status_code if isinstance(error, APIStatusError) else body.get("code")
    sys.exit(f"Error {status}: {body.get('message', error.message)}")
