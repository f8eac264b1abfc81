import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { missingTools } from './tools.ts'

describe('missingTools', () => {
  it('names each tool not on PATH, with how to install it', () => {
    const bin = mkdtempSync(join(tmpdir(), 'tools-'))
    writeFileSync(join(bin, 'curl'), '#!/bin/sh\n', { mode: 0o755 })
    expect(missingTools(['curl', 'jq'], bin)).toEqual([
      'jq is not on PATH (Debian/Ubuntu: sudo apt-get install -y jq; macOS: brew install jq)',
    ])
    expect(missingTools(['curl'], bin)).toEqual([])
  })
})
