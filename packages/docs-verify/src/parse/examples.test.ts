import { describe, expect, it } from 'vitest'
import { readJsonExample, readStreamExample } from './examples.ts'

const read = (code: string) => {
  const example = readJsonExample(code)
  if ('problem' in example) throw new Error(example.problem)
  return example
}

describe('a JSON example, read as a reader reads it', () => {
  it('reads comments and trailing commas, and gives each field its line', () => {
    const example = read(
      '{\n  // the model\n  "model": "a/b",\n  "messages": [\n    { "role": "user" },\n  ],\n}',
    )
    expect(example.value).toEqual({ model: 'a/b', messages: [{ role: 'user' }] })
    expect(example.lineOf('model')).toBe(3)
    expect(example.lineOf('messages/0/role')).toBe(5)
    expect(example.lineOf('')).toBe(1)
    // A field it leaves out is placed where its nearest ancestor is.
    expect(example.lineOf('messages/0/content')).toBe(5)
  })

  it('reads `...` elisions as parts left out, never as errors', () => {
    const example = read('{\n  "id": "x",\n  "choices": [...],\n  "usage": ...,\n  ...\n}')
    expect(example.value).toEqual({ id: 'x', choices: [], usage: null })
    expect(example.elided('choices')).toBe(true)
    expect(example.elided('choices/0/message')).toBe(true)
    expect(example.elided('usage')).toBe(true)
    // The whole object holds an elision: a field it does not show may be in it.
    expect(example.elided('model')).toBe(true)
    expect(example.elided('id')).toBe(false)
  })

  it('counts an elision only where it stands: one deep inside leaves the rest whole', () => {
    const example = read('{\n  "id": "x",\n  "choices": [...]\n}')
    expect(example.elided('choices/0')).toBe(true)
    expect(example.elided('object')).toBe(false)
  })

  it('keeps `...` inside a string as text', () => {
    const example = read('{ "content": "Wait..." }')
    expect(example.value).toEqual({ content: 'Wait...' })
    expect(example.elided('')).toBe(false)
    expect(example.elided('model')).toBe(false)
  })

  it('says where a block stops being JSON', () => {
    expect(readJsonExample('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3 })
  })
})

describe('a transcript of server-sent events', () => {
  it('reads each event with its line, skipping comments and the end sentinel', () => {
    const events = readStreamExample(
      ': keep-alive\n\nevent: delta\ndata: {"a": 1}\n\ndata: {"b": 2}\n\ndata: [DONE]\n',
    )
    expect(events).toEqual([
      { event: 'delta', data: { a: 1 }, line: 4 },
      { data: { b: 2 }, line: 6 },
    ])
  })

  it('keeps an event whose JSON is broken, with why', () => {
    const events = readStreamExample('data: {"a": 1}\ndata: {"b": }')
    expect(events?.[1]).toMatchObject({ line: 2, problem: 'ValueExpected' })
  })

  it('is not a transcript when any line is something else', () => {
    expect(readStreamExample('curl https://x\ndata: {"a": 1}')).toBeUndefined()
    expect(readStreamExample('data: [DONE]')).toBeUndefined()
    expect(readStreamExample('{"a": 1}')).toBeUndefined()
  })
})
