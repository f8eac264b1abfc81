import { describe, expect, it } from 'vitest'
import { importablePackages } from '../toolbox.ts'
import { newestPublished, packageNote, pinnedVersion } from './package-notes.ts'

describe('packageNote', () => {
  it('names the package, its version, and that it is the newest published', () => {
    const note = packageNote(
      `'"@openrouter/sdk/models"' has no exported member named 'AssistantMessage'. Did you mean 'ChatAssistantMessage'?`,
      [],
    )
    expect(note).toMatch(
      /^@openrouter\/sdk 1\.3\.19, the newest published \(as of \d{4}-\d\d-\d\d\), exports no `AssistantMessage` from @openrouter\/sdk\/models$/,
    )
    expect(
      packageNote(
        "Object literal may only specify known properties, and 'lifecycle' does not exist in type 'CallModelInput<readonly Tool[]>'.",
        ['@openrouter/agent'],
      ),
    ).toMatch(
      /^@openrouter\/agent 0\.8\.0, the newest published .*, has no `lifecycle` option on CallModelInput$/,
    )
  })

  it('finds the package that declares the type among several the block imports', () => {
    expect(
      packageNote("Property 'sendd' does not exist on type 'Chat'.", ['zod', '@openrouter/sdk']),
    ).toMatch(/^@openrouter\/sdk .* has no `sendd` property or method on Chat$/)
  })

  it('says nothing of a module the checker does not provide, or of another error', () => {
    expect(packageNote("Module '\"left-pad\"' has no exported member 'x'.", [])).toBeUndefined()
    expect(
      packageNote("Type 'string' is not assignable to type 'number'.", ['zod']),
    ).toBeUndefined()
  })
})

// Packages a newer published version cannot take yet: a peer the docs teach pins them below it.
const heldBack: Record<string, string> = {
  '@effect/ai': '@effect/ai-openrouter 0.10.1, the newest, takes @effect/ai ^0.35',
  '@effect/experimental': '@effect/ai-openrouter 0.10.1 takes @effect/experimental ^0.60',
  '@effect/platform': '@effect/ai-openrouter 0.10.1 takes @effect/platform ^0.96',
  effect: '@effect/ai-openrouter 0.10.1 takes effect ^3.21',
  '@tanstack/ai': '@tanstack/ai-openrouter 0.19.6, the newest, takes @tanstack/ai ^0.52.1',
  openai:
    'the conformance matrix pins it (examples/openai-sdk-ts): the checker runs what it proves',
}

it('the toolbox pins the newest published versions, but those a peer or the matrix holds back', () => {
  const behind = importablePackages.filter((name) => pinnedVersion(name) !== newestPublished(name))
  expect(behind.sort()).toEqual(Object.keys(heldBack).sort())
})
