import type { GroupText } from './group-text-en.js';

/** 一组事实（`groupFacts`）如何归为一组，中文：已标注为同一数字，或因数值与另一成员重叠归入；以及哪两个成员彼此不一致。键与 group-text-en.ts 一一对应（中文不写标注的方式，`by` 不用）。 */
export const GROUP_TEXT_ZH: GroupText = {
  allLinked: () => '均已标注为同一数字',
  noneLinked: () => '均未标注为同一数字，因数值重叠归为一组',
  linkedSet: (ids) => `${ids.join('、')}已标注为同一数字`,
  overlapOnly: (pairs) => `${pairs.map(([x, y]) => `${x}未标注，因数值与${y}重叠归入`).join('；')}`,
  clauseSeparator: '；',
  wrap: (clauses) => `（${clauses}）`,
  apart: (a, b) => `但 ${a} 与 ${b} 本身在标称精度内并不一致（同一组的数字可经标注或依次重叠相连）：请核实哪个成立。`,
};
