import type { GroupText } from './group-text-en.js';

/** 一组事实（`groupFacts`）如何归为一组，中文：已标注为同一数字，或仅因数值重叠归入。键与 group-text-en.ts 一一对应。 */
export const GROUP_TEXT_ZH: GroupText = {
  allLinked: () => '均已标注为同一数字',
  noneLinked: () => '均未标注为同一数字，因数值重叠归为一组',
  linkedSet: (ids) => `${ids.join('、')}已标注为同一数字`,
  overlapOnly: (ids) => `${ids.join('、')}未标注，仅因数值重叠归入`,
  clauseSeparator: '；',
  wrap: (clauses) => `（${clauses}）`,
};
