import { expect, it } from 'vitest'
import { sharedFile } from './shared-material.ts'

it('a missing shared/ file is named, with where shared/ comes from and how to run the rest', () => {
  expect(() => sharedFile('docs-under-test/page.mdx', '/nowhere/shared/')).toThrow(
    /reads docs-under-test\/page\.mdx .* expected at \/nowhere\/shared\/docs-under-test\/page\.mdx\.\nshared\/ is checked out beside this repository.*\nTo run every other test without it: .*vitest run --exclude/,
  )
})
