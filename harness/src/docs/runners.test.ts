import { describe, expect, it } from 'vitest'
import { errorLine } from './check-tab.ts'
import { importedPackages, planTab } from './runners.ts'

const tab = (language: string, code: string) => ({ title: 't', language, flags: [], code, line: 1 })

describe('planTab', () => {
  it.each([
    ['typescript', "import OpenAI from 'openai'\nconst x: number = 1", { runner: 'typescript' }],
    ['ts', "import { generateText } from 'ai'", { runner: 'typescript' }],
    [
      'ts',
      "import { x } from 'left-pad'",
      {
        skip: 'imports left-pad, which the checker does not provide (what it provides: packages/docs-toolbox)',
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
    ['json', '{}', { skip: 'not a program (json)' }],
    ['go', 'package main', { skip: 'no runner for go' }],
    ['', 'x', { skip: 'no language on the fence' }],
  ])('%s: %s', (language, code, plan) => {
    expect(planTab(tab(language, code))).toEqual(plan)
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

describe('errorLine', () => {
  it('takes the first named error from Node and the last from a Python traceback', () => {
    expect(errorLine('file:///x.js:3\n  throw e\n  ^\n\nTypeError: boom\n    at x')).toBe(
      'TypeError: boom',
    )
    const traceback =
      'Traceback (most recent call last):\n  File "t.py", line 1\nKeyError: 1\n\nDuring handling...\nopenai.AuthenticationError: Error code: 401'
    expect(errorLine(traceback)).toBe('openai.AuthenticationError: Error code: 401')
  })

  it('adds the message of a validation error about the whole argument', () => {
    const stderr =
      'SDKValidationError: Input validation failed: [\n  {\n    "expected": "object",\n    "path": [],\n    "message": "Invalid input: expected object, received string"\n  }\n]'
    expect(errorLine(stderr)).toBe(
      'SDKValidationError: Input validation failed: Invalid input: expected object, received string',
    )
  })

  it('adds the field a validation error points at', () => {
    const stderr =
      'SDKValidationError: Input validation failed: [\n  {\n    "path": [\n      "chatRequest"\n    ],\n    "message": "Invalid input"\n  }\n]'
    expect(errorLine(stderr)).toBe(
      'SDKValidationError: Input validation failed at chatRequest: Invalid input',
    )
  })
})
