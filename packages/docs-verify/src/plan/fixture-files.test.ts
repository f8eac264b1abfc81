import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { placeFixtureFiles } from './fixture-files.ts'

it('places a real file where a block reads one by a relative path, and only there', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-'))
  const code = [
    "const pdf = await fs.readFile('path/to/your/document.pdf')",
    'with open("./cat.PNG", "rb") as f: pass',
    "const remote = 'https://example.com/a.pdf'",
    "const outside = '../escape.wav'",
    "const absolute = '/etc/voice.wav'",
    'const templated = `${dir}/x.pdf`',
    "open('photo.jpeg'); open('song.mp3'); open('clip.mp4')",
    'const blob = await openAsBlob("example.file")',
    "const label = 'name.txt'",
  ].join('\n')
  expect(placeFixtureFiles(code, dir)).toEqual([
    'path/to/your/document.pdf',
    './cat.PNG',
    'photo.jpeg',
    'song.mp3',
    'clip.mp4',
    'example.file',
  ])
  // Another kind, opened by a file API, is a small text file; a string that only names one is not.
  expect(readFileSync(join(dir, 'example.file'), 'utf8')).toContain('docs checker')
  expect(existsSync(join(dir, 'name.txt'))).toBe(false)
  expect(readFileSync(join(dir, 'path/to/your/document.pdf')).subarray(0, 5).toString()).toBe(
    '%PDF-',
  )
  expect(readFileSync(join(dir, 'cat.PNG')).subarray(1, 4).toString()).toBe('PNG')
  expect(readFileSync(join(dir, 'photo.jpeg')).subarray(0, 3)).toEqual(
    Buffer.from([0xff, 0xd8, 0xff]),
  )
  expect(readFileSync(join(dir, 'song.mp3')).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]))
  expect(readFileSync(join(dir, 'clip.mp4')).subarray(4, 8).toString()).toBe('ftyp')
  expect(existsSync(join(dir, '..', 'escape.wav'))).toBe(false)
})
