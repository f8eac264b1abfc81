export type Annotation = {
  type: 'url_citation'
  url_citation: {
    url: string
    title: string
    content: string
    start_index: number
    end_index: number
  }
}

// What the web plugin (or a `:online` model) adds: the reply cites a source, and an annotation
// points at the cited span. Sources are derived from the prompt, so the same question cites the
// same page.
export const webCitations = (reply: string, prompt: string) => {
  const subject =
    prompt
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .split(/\s+/)
      .filter((word) => word.length > 3)
      .slice(-2)
      .join('_') || 'OpenRouter'
  const url = `https://en.wikipedia.org/wiki/${encodeURIComponent(subject)}`
  const marker = ` [${subject.replaceAll('_', ' ')}](${url})`
  const text = `${reply}${marker}`
  return {
    text,
    annotations: [
      {
        type: 'url_citation' as const,
        url_citation: {
          url,
          title: subject.replaceAll('_', ' '),
          content: `An encyclopedia article about ${subject.replaceAll('_', ' ')}.`,
          start_index: reply.length + 1,
          end_index: text.length,
        },
      },
    ],
  }
}
