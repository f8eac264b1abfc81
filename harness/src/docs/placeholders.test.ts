import { expect, it } from 'vitest'
import { siteName, siteUrl, substitutePlaceholders } from './placeholders.ts'

it('fills the placeholders the docs tell readers to replace, and nothing else', () => {
  const code = [
    'Authorization: Bearer <OPENROUTER_API_KEY>',
    "'Authorization': 'Bearer YOUR_OPENROUTER_API_KEY'",
    'MANAGEMENT_API_KEY = "your-management-key"',
    'HTTP-Referer: <YOUR_SITE_URL>, X-OpenRouter-Title: <YOUR_SITE_NAME>',
    'f"Bearer {API_KEY_REF}" and $OPENROUTER_API_KEY and YOUR_OTHER_KEY',
  ].join('\n')
  expect(substitutePlaceholders(code, 'sk-or-v1-tab', 'sk-or-v1-admin').split('\n')).toEqual([
    'Authorization: Bearer sk-or-v1-tab',
    "'Authorization': 'Bearer sk-or-v1-tab'",
    'MANAGEMENT_API_KEY = "sk-or-v1-admin"',
    `HTTP-Referer: ${siteUrl}, X-OpenRouter-Title: ${siteName}`,
    'f"Bearer {API_KEY_REF}" and $OPENROUTER_API_KEY and YOUR_OTHER_KEY',
  ])
})
