/**
 * zh-CN texts of policy problems (`policy.<code>`), filled from the problem's params. The English is
 * the problem's own message. Keys in quotes ("seats") are YAML keys and stay as written.
 */
export const POLICY_PROBLEM_TEXTS: Record<string, string> = {
  // Structure (schema-walker.ts)
  'policy.unknown-key': '{title} 中有未知的键 "{key}"{hint}',
  'policy.missing-key': '{title} 缺少必需的键 "{key}"。',
  'policy.wrong-type': '{name} 应为{expected}，不能是{got}。',
  'policy.wrong-value': '{name} 应为 {expected}，不能是 {got}',
  'policy.empty-value': '{name} 不能为空。',
  'policy.empty-list': '{name} 不能是空列表。',
  'policy.bad-identifier': '{name} 应为{expected}；"{value}" 不符合。',
  'policy.out-of-range': '{name} 应{bound}，不能是 {value}。',
  // Reading the YAML (policy-yaml.ts, policy-sources.ts)
  // `reason` is the yaml library's error in words by its code (yaml-errors.ts); `detail` its English.
  'policy.yaml-syntax': 'YAML 语法错误：{reason}。',
  'policy.duplicate-key': '重复的键 {key}：同一映射中每个键只能出现一次。',
  'policy.tab-indent': 'YAML 不允许用制表符缩进，请改用空格。',
  'policy.too-large':
    '策略文件有 {size}，超过 {limit} 的上限；这么大的文件几乎不可能是策略（确实需要时请调大 maxBytes）。',
  'policy.too-deep': '策略中列表或映射的嵌套超过 {max} 层；没有策略需要这么深，已拒绝。',
  'policy.alias-bomb':
    'YAML 别名过多：展开需要超过 {max} 次别名引用，这正是“别名炸弹”（billion laughs）攻击的手法；请直接写出这些值。',
  'policy.bad-key': '键必须是普通的词或数字，不能是列表、映射或空值。',
  'policy.forbidden-key': '不允许使用键 "{key}"：它在 JavaScript 对象中有特殊含义，可能被用来篡改程序。',
  'policy.encoding': '策略文件不是 UTF-8 编码（看起来是 GBK 或其他旧编码）；请另存为 UTF-8 后再加载。',
  'policy.unreadable': '无法读取策略 "{file}"：{reason}{hint}',
  'policy.bad-extends':
    '"{target}" 是相对路径，但 {from} 不是磁盘上的文件；它只能继承 scheme:name 形式的来源。',
  'policy.unknown-scheme': '没有处理 "{scheme}:" 的策略来源（在 "{target}" 中）{hint}',
  'policy.unknown-source': '未知的策略 "{target}"{hint}',
  'policy.extends-cycle': '策略之间循环继承：{cycle}。',
  'policy.extends-too-deep': '相互继承的策略超过 {max} 个，已拒绝。',
  // Ledger spreadsheets (`ledger:`, policy/ledger-sheet/); a bad row is a `ledger.*` problem worded where it is made
  'policy.ledger-not-on-disk': '无法读取台账“{file}”：这个策略不是来自磁盘上的文件夹。',
  'policy.ledger-no-header': '台账“{file}”的前几行中没有列出 {headings} 的表头行。',
  'policy.ledger-format': '台账“{file}”必须是 .csv 或 .xlsx 文件（.xls 工作簿请先另存为 .xlsx）。',
  'policy.ledger-too-large': '台账“{file}”大于 50 MB，已拒绝。',
  'policy.ledger-unreadable': '无法读取台账“{file}”：{reason}。',
  // Sections and values
  'policy.missing-name': '策略需要 metadata.name：每份报告都会显示的简短名称。',
  'policy.duplicate-id': '本文件中 {what} "{id}" 重复（首次定义在第 {line} 行）；同一文件中每个都必须唯一。',
  'policy.unknown-product': '{from} 引用了未知产品 "{id}"{hint}',
  'policy.bad-pattern': '{name} 需要 exact、glob、regex 三者之一，{given}（多个模式请写成列表）。',
  'policy.bad-regex': '正则表达式 {pattern} 不是有效的 RE2 语法：{reason}（RE2 不支持反向引用和环视）。',
  'policy.bad-glob': '通配符 {pattern} 无效：{reason}。',
  'policy.bad-date': '{name} 应为 YYYY-MM-DD 格式的日期{value}。',
  'policy.impossible-date': '{name} 是 {value}，这一天并不存在。',
  // `why` is the range's fault in words (range-faults.ts); `reason` its English.
  'policy.bad-range': '版本范围 "{range}" 无效：{why}。',
  'policy.unknown-edition': '未知的版本类型 "{edition}"；已知的有：{known}（以及它们的中文和厂商写法）。',
  'policy.edition-unreachable': '{what}。',
  'policy.os-id-not-os': '"osId" 用于识别操作系统，只适用于 category 为 os 的产品，不适用于 {category}。',
  'policy.empty-match': '{what}。',
  'policy.missing-seats': '授权 "{id}"（类型 {type}）需要 "seats"：覆盖多少套安装，或 "unlimited"。',
  'policy.valid-after-expiry': '授权 "{id}" 的生效日期（validFrom {validFrom}）晚于到期日期（{expires}）。',
  // Custom rules (rule-conditions.ts)
  'policy.bad-conditions': '规则 "{rule}"：{detail}。',
  'policy.empty-group': '规则 "{rule}" 中的 "{group}" 为空；至少要列出一个条件。',
  'policy.incomplete-condition': '规则 "{rule}"：{detail}。',
  'policy.fact-scope': '规则 "{rule}" 的 scope 是 {scope}，却读取了 {owner} 级的事实 "{fact}"；{advice}。',
  'policy.unknown-fact': '规则 "{rule}" 读取了未知的事实 "{fact}"{hint}',
};
