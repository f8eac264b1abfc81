import { createHash } from 'node:crypto'
import { seedOf } from './seed.ts'

export type ChatMessage = { role: string; content?: unknown }

// Replies to prompts the docs use, so outputs read naturally; anything else gets a reply derived
// from a hash of the conversation. Either way the same request always gets the same reply.
const knownReplies: Record<string, string> = {
  'say this is a test': 'This is a test.',
  'hello!': 'Hello! How can I help you today?',
  'what is the meaning of life?':
    'Many answer with purpose, connection and curiosity; Douglas Adams answered 42.',
}

export const textOf = (content: unknown): string => {
  if (typeof content === 'string') return content
  if (Array.isArray(content)) {
    return content
      .map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : ''))
      .join('')
  }
  return ''
}

export const replyFor = (model: string, messages: readonly ChatMessage[]): string => {
  const lastUser = [...messages].reverse().find((message) => message.role === 'user')
  const prompt = textOf(lastUser?.content).trim()
  const known = knownReplies[prompt.toLowerCase()]
  const received = attachments(lastUser?.content)
  if (known && !received) return known
  const digest = createHash('sha256').update(seedOf(model, messages)).digest('hex').slice(0, 8)
  const reply = known ?? `Mock reply ${digest}: you said "${prompt.slice(0, 60)}".`
  return received ? `${reply} I received ${received}.` : reply
}

const partNames: Record<string, string> = {
  image_url: 'an image',
  input_audio: 'an audio clip',
  file: 'a file',
  video_url: 'a video',
}

// What a message carries besides text, in words: "an image and a file".
const attachments = (content: unknown) => {
  if (!Array.isArray(content)) return undefined
  const names = content
    .map((part) => partNames[(part as { type?: string })?.type ?? ''])
    .filter((name): name is string => name !== undefined)
  if (names.length === 0) return undefined
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

// A stable stand-in for a tokenizer: words and punctuation marks each count as one token.
export const countTokens = (text: string): number => text.match(/\w+|[^\w\s]/g)?.length ?? 0

// Chat formats add a few tokens of framing per message.
export const countPromptTokens = (messages: readonly ChatMessage[]): number =>
  messages.reduce((sum, message) => sum + 4 + countTokens(textOf(message.content)), 2)

// Splits a reply into the pieces a stream delivers: a word with its leading space each.
export const streamPieces = (text: string): string[] => text.match(/\s*\S+/g) ?? [text]
