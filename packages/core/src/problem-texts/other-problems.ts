/**
 * zh-CN texts of the engine's, the scan runner's and merging's problems and errors, filled from
 * their params. The English is the problem's own message.
 */
export const OTHER_PROBLEM_TEXTS: Record<string, string> = {
  // Engine (auditor.ts, custom-rules.ts)
  'engine.host-without-id': '扫描器 "{scanner}" 给出的一台计算机没有编号，未计入。',
  'engine.unit-conflict': '计算机 {host} 同时列在多个单位（{units}）；计入 {unit}。',
  'engine.record-without-name': '{count} 条软件记录没有名称，未判定。',
  'policy.rule-fact-scope': '规则 "{rule}"（scope {scope}）读取了 {facts}，它们不是 {scope} 级的事实。',
  // Units (unit-problems.ts, unit-tree.ts)
  'units.not-in-units-file':
    '从 {computers} 台计算机的清单中读到的单位 {unit} 不在单位文件中{near}；它作为单独的单位列出。',
  'units.host-without-unit': '计算机 {host} 的清单中没有单位；计入 {unassigned}。',
  'units.no-computers': '单位文件中的单位 "{unit}" 在读取的所有清单中都没有计算机；按零列出。',
  'units.self-parent': '单位 "{unit}" 把自己列为上级单位；它列在最上层。',
  'units.parent-cycle': '单位 {cycle} 的上级单位构成循环；这些单位列在最上层。',
  'units.staff-below-subordinates':
    '单位 "{unit}" 的编制人数是 {staff}，但它的下级单位合计 {below} 人；单位的编制包括其下级单位，合计按 {staff} 计算，它本级一行的编制人数留空。',
  // Running scanners (scan-runner.ts)
  'plugin.failed': '扫描器 "{plugin}" 处理 {input} 时出错：{reason}',
  'input.problems-truncated': '本输入另有 {count} 个问题已计数，但未逐条列出。',
  // Merging reports (merge-reports.ts)
  'merge.custom-scope':
    '单位级或全局自定义规则（{rules}）是按各份报告分别判定的，不是在合并后的全部计算机上判定的。',
  'merge.schema-version': '{report}的 schemaVersion 为 {version}，第 1 份报告为 {first}。',
  'merge.other-policy': '{report}使用的策略是 {policy}，第 1 份报告是 {first}：只能合并同一策略下的检查。',
  'merge.other-date': '{report}的截至日期是 {asOf}，第 1 份报告是 {first}：只能合并同一日期的检查。',
  'merge.no-basis':
    '{report}没有 mergeBasis（合并所需的席位需求）；请用 `zhengban audit --mergeable` 重新检查（或 createAuditor(policy, { mergeable: true })）。',
  'merge.overlapping-host':
    '计算机 {host} 同时出现在第 {first} 份和第 {second} 份报告中：合并的报告必须覆盖互不重叠的计算机（每台只检查一次）。',
};
