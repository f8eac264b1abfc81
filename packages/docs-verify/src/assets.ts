import { fileURLToPath } from 'node:url'

// The files the checker ships beside its code, found from here: this module sits one folder
// below the package's root, as the built bundle does, so the same paths hold in both.
const packageFile = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))

export const packageDir = packageFile('')
// What every block runs with: its own waits shortened (Node, Python, shell).
export const runtimeDir = packageFile('runtime')
// The checker's Python: names.py, and the pinned requirements of the venv blocks run in.
export const pythonDir = packageFile('python')
// Small real files of each kind a block may read by a relative path.
export const blockFilesDir = packageFile('block-files')
// The newest published version of each package a block may import, as of a day.
export const publishedFile = packageFile('published.json')
