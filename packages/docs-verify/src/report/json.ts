import type { GroupResult, ReportOptions } from '../types.ts'
import { placeholderTable } from '../plan/placeholders.ts'
import { groupFails, navigationSummary, siteSummary, summary } from './summary.ts'

// The JSON report's shape, versioned as rustdoc versions its own: a consumer checks the version.
// 2: blocks (they were "tabs" in 1), a block's mode and stack, page-level groups.
export const formatVersion = 2

export const jsonReport = (groups: GroupResult[], options: ReportOptions) =>
  JSON.stringify(
    {
      formatVersion,
      summary: {
        ...summary(groups, options.strict),
        ...siteSummary(groups, options),
        navigation: navigationSummary(groups) ?? null,
      },
      strict: options.strict,
      judgedWith: options.judgedWith ?? [],
      placeholders: placeholderTable,
      blocks: groups.flatMap((group) => group.blocks),
      groups: groups.map(({ blocks, ...group }) => ({
        ...group,
        blocks: blocks.map((block) => block.title),
        failed: groupFails({ blocks, ...group }, options.strict),
      })),
    },
    null,
    2,
  ) + '\n'
