import { describe, expect, it } from 'vitest'
import { exportedVariables } from '../parse/exports.ts'
import {
  environmentFor,
  fillPlaceholders,
  findPlaceholders,
  type PlaceholderKind,
} from './placeholders.ts'

const fill = (kind: PlaceholderKind) => `[${kind}]`

describe('placeholders by shape', () => {
  it.each([
    ["'Bearer <OPENROUTER_API_KEY>'", "'Bearer [key]'"],
    ['"Bearer <your-api-key>"', '"Bearer [key]"'],
    ["api_key='YOUR_API_KEY'", "api_key='[key]'"],
    ["apiKey: 'your_openrouter_key_here'", "apiKey: '[key]'"],
    ["'Bearer sk-or-v1-...'", "'Bearer [key]'"],
    ["'Bearer sk-or-v1-xxxxxxxxxxxx'", "'Bearer [key]'"],
    ['MANAGEMENT = "your-management-key"', 'MANAGEMENT = "[management-key]"'],
    ['"<PROVISIONING_API_KEY>"', '"[management-key]"'],
    ["'HTTP-Referer': '<YOUR_SITE_URL>'", "'HTTP-Referer': '[site-url]'"],
    ["'X-Title': 'YOUR_APP_NAME'", "'X-Title': '[site-name]'"],
    ["model: '<model-id>'", "model: '[model]'"],
    [
      "fetch('https://openrouter.ai/api/v1/keys/{key_hash}')",
      "fetch('https://openrouter.ai/api/v1/keys/[key-hash]')",
    ],
    ["'/api/v1/generation?id=<GENERATION_ID>'", "'/api/v1/generation?id=[generation-id]'"],
    ["'/api/v1/workspaces/{workspace_id}'", "'/api/v1/workspaces/[id]'"],
  ])('%s', (code, filled) => {
    expect(fillPlaceholders(code, 'code', fill)).toBe(filled)
  })

  it('leaves code, types, prose and unknown words as written', () => {
    for (const code of [
      'const p: Promise<ApiKey> = get()',
      "const x: Array<T> = ['<value>', '<string>']",
      'your_api_key = os.environ["OPENROUTER_API_KEY"]',
      'f"https://openrouter.ai/api/v1/keys/{key_hash}"',
      '`https://openrouter.ai/api/v1/keys/${hash}`',
      "content: 'Tell me about <your favourite colour>'",
      '# replace <YOUR_API_KEY> below',
    ])
      expect(fillPlaceholders(code, 'code', fill), code).toBe(code)
  })

  it('in a shell block, a word outside quotes too', () => {
    expect(fillPlaceholders('export OPENROUTER_API_KEY=<your-key>', 'shell', fill)).toBe(
      'export OPENROUTER_API_KEY=[key]',
    )
    expect(findPlaceholders('curl https://x/keys/{hash}', 'shell')).toHaveLength(1)
  })
})

describe('environment variables', () => {
  it('what the page exports, else what the name says', () => {
    const exported = exportedVariables(
      'export OPENROUTER_MANAGEMENT_KEY=<your-management-key>\nexport MODEL="openai/gpt-4o"',
    )
    const code = [
      'const admin = process.env.OPENROUTER_MANAGEMENT_KEY',
      "const model = process.env['MODEL']",
      'key = os.environ["PROVISIONING_KEY"]',
      'site = os.getenv("YOUR_SITE_URL")',
      'base = process.env.OPENROUTER_BASE_URL',
      'echo $HOME $OPENROUTER_API_KEY',
    ].join('\n')
    expect(environmentFor(code, exported, fill)).toEqual({
      OPENROUTER_MANAGEMENT_KEY: '[management-key]',
      MODEL: 'openai/gpt-4o',
      PROVISIONING_KEY: '[management-key]',
      YOUR_SITE_URL: '[site-url]',
      OPENROUTER_API_KEY: '[key]',
    })
  })
})
