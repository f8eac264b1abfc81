import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, isAbsolute, join, normalize } from 'node:path'
import { blockFilesDir } from '../assets.ts'

// Small real files the project made (block-files/), one per kind a docs block reads
// from disk: a one-page PDF, PNG and JPEG images, WAV and MP3 silence, an MP4 skeleton (the audio
// and video ones are the mock's own media, packages/openrouter-mock/src/media/files.ts).
const fixtures: Record<string, string> = {
  pdf: 'document.pdf',
  png: 'image.png',
  jpg: 'image.jpg',
  jpeg: 'image.jpg',
  wav: 'audio.wav',
  mp3: 'audio.mp3',
  mp4: 'video.mp4',
}

// A relative path in quotes, ending in a kind we have: `'path/to/your/document.pdf'`.
const quotedPath = new RegExp(
  `["'\`]([^"'\`\\s$]+\\.(${Object.keys(fixtures).join('|')}))["'\`]`,
  'gi',
)

// A relative path of any other kind, opened by one of the file APIs blocks read with
// (`openAsBlob("example.file")`, `open("notes.txt")`): a small text file stands for it.
const openedPath =
  /\b(?:openAsBlob|readFileSync|readFile|createReadStream|open|file)\(\s*["'`]([^"'`\s$]+\.[A-Za-z0-9]+)["'`]/g

const textFixture = 'A file the docs checker made for the block to read.\n'

// Puts a fixture file wherever the block reads one by a relative path, inside its own folder, so
// `readFile('path/to/your/document.pdf')` finds a real PDF. Returns the paths it placed.
export const placeFixtureFiles = (code: string, dir: string): string[] => {
  const known = [...code.matchAll(quotedPath)].map((match) => match[1]!)
  const opened = [...code.matchAll(openedPath)].map((match) => match[1]!)
  return [...new Set([...known, ...opened])].flatMap((path) => {
    const relative = normalize(path)
    if (isAbsolute(relative) || relative.startsWith('..') || /^[a-z]+:/i.test(path)) return []
    const target = join(dir, relative)
    mkdirSync(dirname(target), { recursive: true })
    const fixture = fixtures[path.split('.').at(-1)!.toLowerCase()]
    if (fixture) copyFileSync(join(blockFilesDir, fixture), target)
    else writeFileSync(target, textFixture)
    return [path]
  })
}
