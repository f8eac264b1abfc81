import { relative } from 'node:path'
import type { GroupResult, ReportOptions } from '../types.ts'
import { isFailure } from './summary.ts'

// GitHub Actions workflow commands: each failure becomes an annotation on the page's line, shown
// in the pull request's diff. Their escaping: data escapes %, CR and LF; properties also : and ,.
const data = (text: string) =>
  text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A')
const property = (text: string) => data(text).replaceAll(':', '%3A').replaceAll(',', '%2C')

const command = (
  level: 'error' | 'warning',
  file: string,
  line: number,
  title: string,
  message: string,
) => `::${level} file=${property(file)},line=${line},title=${property(title)}::${data(message)}`

export const githubAnnotations = (groups: GroupResult[], { strict, base }: ReportOptions) =>
  groups.flatMap((group) => {
    const file = relative(base, group.page)
    const blocks = group.blocks
      .filter(isFailure)
      .map((block) =>
        command(
          'error',
          file,
          block.line,
          `docs:verify › ${block.title}`,
          `${block.verdict}: ${block.reason}${block.fix ? `\nfix: ${block.fix}` : ''}`,
        ),
      )
    const headers =
      group.comparison.headers.length > 0
        ? [
            command(
              strict ? 'error' : 'warning',
              file,
              group.line,
              'docs:verify › headers differ',
              group.comparison.headers.join('\n'),
            ),
          ]
        : []
    // What a directive could not say, and an expect-fail block that passes, on the block's line.
    const directives = group.blocks.flatMap((block) =>
      (block.directiveNotes ?? []).map((note) =>
        command('warning', file, block.line, `docs:verify › ${block.title}: directive`, note),
      ),
    )
    // What the judges beside the mock noticed (an undeclared field, an abridged example).
    const notices = group.blocks.flatMap((block) =>
      (block.notices ?? []).map((notice) =>
        command('warning', file, block.line, `docs:verify › ${block.title}: notice`, notice),
      ),
    )
    return [...blocks, ...headers, ...directives, ...notices]
  })
