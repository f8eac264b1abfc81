import { describe, expect, it } from 'vitest'
import { importedPackages, planFence } from './languages.ts'

const tab = (language: string, code: string) => ({ title: 't', language, flags: [], code, line: 1 })

describe('planTab', () => {
  it.each([
    ['typescript', "import OpenAI from 'openai'\nconst x: number = 1", { runner: 'typescript' }],
    ['ts', "import { generateText } from 'ai'", { runner: 'typescript' }],
    [
      'ts',
      "import { x } from 'left-pad'",
      {
        skip: 'imports left-pad, which the checker does not provide (what it provides: the toolbox of packages/docs-verify/package.json)',
      },
    ],
    ['python', 'import requests', { runner: 'python' }],
    ['bash', 'curl https://openrouter.ai/api/v1/key', { runner: 'shell' }],
    ['shell', 'npm install @openrouter/sdk\n', { skip: 'an install command, not a program' }],
    [
      'bash',
      'export OPENROUTER_API_KEY=x',
      { skip: 'a shell snippet that calls no API (no curl)' },
    ],
    ['json', '{}', { example: 'json' }],
    ['go', 'package main', { skip: 'no runner for go' }],
    ['', 'x', { skip: 'no language on the fence' }],
  ])('%s: %s', (language, code, plan) => {
    expect(planFence(tab(language, code))).toEqual(plan)
  })
})

describe('importedPackages', () => {
  it('reads static, dynamic and require imports through type annotations; Node built-ins are no package', () => {
    const code = [
      "import { OpenRouter } from '@openrouter/sdk/models/errors'",
      "import type { X } from 'openai'",
      "const y: Array<string> = await import('zod')",
      "const z = require('node:fs')",
      "import { readFile } from 'fs/promises'",
      "import { Buffer } from 'buffer'",
      "import './local.ts'",
    ].join('\n')
    expect(importedPackages(code)).toEqual(['@openrouter/sdk', 'openai', 'zod'])
  })
})
