import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { BlockResult, GroupResult } from '../types.ts'
import { jsonReport } from './json.ts'
import { mergeReports, pagesOfShard, parseShard } from './shards.ts'

describe('shards', () => {
  it('together take every page exactly once', () => {
    const pages = ['a', 'b', 'c', 'd', 'e']
    const shards = [1, 2, 3].map((index) => pagesOfShard(pages, { index, count: 3 }))
    expect(shards).toEqual([['a', 'd'], ['b', 'e'], ['c']])
  })

  it('are named i/n, and a typo is an error', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 })
    for (const text of ['0/3', '4/3', '1/0', '1-3', 'x'])
      expect(() => parseShard(text)).toThrow(/--shard takes i\/n/)
  })
})

describe('mergeReports', () => {
  const tab = (page: string, group: number, title: string): BlockResult => ({
    page,
    group,
    title,
    language: 'python',
    line: group * 10,
    verdict: 'pass',
    reason: 'sent it',
    request: null,
    warnings: [],
  })
  const group = (page: string, index: number, titles: string[]): GroupResult => ({
    page,
    index,
    line: index * 10,
    blocks: titles.map((title) => tab(page, index, title)),
    comparison: { headers: [], bodies: [] },
  })

  it('gives back the groups of every shard, each with its own tabs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shards-'))
    const one = [group('/a.mdx', 1, ['cURL', 'Python']), group('/a.mdx', 2, ['cURL'])]
    const two = [group('/b.mdx', 1, ['cURL'])]
    const options = { strict: false, base: '/' }
    writeFileSync(join(dir, '1.json'), jsonReport(one, options))
    writeFileSync(join(dir, '2.json'), jsonReport(two, options))
    expect(mergeReports([join(dir, '1.json'), join(dir, '2.json')])).toEqual([...one, ...two])
    writeFileSync(join(dir, 'other.json'), '{"cells": []}')
    expect(() => mergeReports([join(dir, 'other.json')])).toThrow(/not a docs:verify JSON report/)
  })
})
