/**
 * zh-CN texts of input problems (scanners, the units file), filled from the problem's params. The
 * problem's file and line are printed before the text, so the text names the line only where the
 * English does. `{?skipped}` is `；已跳过` when a scanner went on past the file.
 */
export const INPUT_PROBLEM_TEXTS: Record<string, string> = {
  // Any file
  'input.unreadable': '{file}：{reason}{?skipped}',
  'input.empty': '{file}：文件夹中没有文件{?skipped}',
  'input.too-large': '{file}：{size} 字节，对这种格式过大（上限 {limit}）{?skipped}',
  'input.binary':
    '{file}：是二进制数据，不是文本文件（前 {sample} 字节中有 {nul} 个 NUL 和 {control} 个控制字节）{?skipped}',
  // `at` is `<file>：` for the whole file, `第 N 行未读取：` for a row; `unread` is said for a row only.
  'input.encoding':
    '{at}文件开头是 UTF-8，但从第 {from} 行（第 {byte} 字节）起不是有效的 UTF-8；文件混用了编码{?unread}（请统一另存为 UTF-8 或 GBK）{?skipped}',
  'input.layout': '{note}',
  // CSV inventories
  'csv.empty': '{file}：文件为空{?sheets}；应有一行表头，每次安装一行',
  'csv.encoding': '{file}：未知的编码 "{encoding}"（可用 utf-8、gbk、gb18030、utf-16le）',
  'csv.header': '{file}:1：没有{label}列；表头是：{header}（列名不同时请给出列映射）',
  'csv.mapping': '{file}：列映射为 {field} 指定了列 "{wanted}"，但表头中没有这一列（表头：{header}）',
  'csv.unclosed-quote':
    '{file}:{line}：一行（或一个带引号的字段）在 {limit} 内没有结束；多半是引号没有闭合，文件其余部分无法读取',
  'csv.column-count': '第 {line} 行有 {columns} 列，表头有 {width} 列',
  'csv.quotes': '第 {line} 行：引号不配对（{detail}）',
  'csv.empty-host': '第 {line} 行：计算机名称为空',
  'csv.empty-name': '第 {line} 行：软件名称为空',
  'csv.bad-text': '第 {line} 行：名称不是文本（过长或含 NUL 字符）',
  'csv.date': '第 {line} 行：安装日期 "{value}" 不是真实的日期；这条安装照常读取，只是没有日期',
  'csv.not-a-table': '{file}：不是表格（没有一行含逗号、分号或制表符）；已跳过',
  'csv.no-rows': '{file}：文件只有表头，没有数据行；未从中读到安装',
  'csv.no-display-name':
    '{count} 行没有 DisplayName（第 {lines} 行）：这些是“程序和功能”不列出的注册表项（更新、组件、残留）；不是安装，计为已忽略',
  'csv.line-too-long': '第 {line} 行：这一行超过 {limit} 且不含引号，不是清单中的一行；已跳过',
  'csv.title-rows': '第 {line} 行是表头；它上面的第 {titleLines} 行是标题，不读取',
  'csv.merged-header': '第 {line} 行和第 {next} 行合起来作为一行表头读取（列名上方有合并单元格）：{header}',
  'csv.host-from-file': '没有计算机列：这是单台计算机的导出，每一行都属于计算机 "{host}"（取自文件名）',
  'csv.sheet': '{file}：工作簿中没有工作表 "{wanted}"（工作表有：{sheets}）',
  'csv.xlsx': '{file}：不是可读取的 .xlsx 工作簿（{reason}）；旧的 .xls 文件请先另存为 .xlsx 或 CSV',
  'csv.repeated-header': '第 {line} 行重复了表头（是不是两份导出拼成了一个文件？）；已跳过',
  'csv.duplicate-column':
    '第 {line} 行：第 {used} 列 "{usedName}" 和第 {unused} 列 "{unusedName}" 都表示 {field}；读取第 {used} 列，不读第 {unused} 列（可用列映射指定）',
  // Hosts file (`--hosts`: computer → unit)
  'hosts.header':
    '{file}:{line}：主机文件需要计算机列（计算机名 / hostname）和单位列（单位 / unit）；表头是：{header}',
  'hosts.row': '{what}',
  'hosts.unit-override':
    '计算机 {host}：输入中的单位为“{read}”，计算机归属文件（{pattern}）将其归入“{unit}”；按“{unit}”统计',
  // Units file
  'units.empty': '{file}：单位文件为空；应有表头 单位,编制人数,上级单位',
  'units.header': '{file}:{line}：没有单位列（应为 单位 / unit）；表头是：{header}',
  'units.quotes': '第 {line} 行：引号没有闭合（文件可能被截断）',
  'units.column-count': '第 {line} 行有 {columns} 列，表头有 {width} 列',
  'units.empty-name': '第 {line} 行：单位名称为空',
  'units.duplicate': '第 {line} 行：单位 "{unit}" 已在第 {first} 行列出',
  'units.staff': '第 {line} 行：编制人数 "{value}" 不是整数',
  'units.host': '{what}',
  // zhengban inventories (JSON Lines)
  'inventory.format': '{file}：不是 zhengban 清单（{detail}）{?skipped}',
  'inventory.version': '{file}：不支持清单格式版本 {version}（本程序读取版本 {supported}）{?skipped}',
  'inventory.line-too-long': '第 {line} 行超过 {max} 个字符',
  'inventory.json': '第 {line} 行不是有效的 JSON（{detail}）',
  'inventory.host': '第 {line} 行：每台计算机需要非空的 "id" 和 "software" 数组',
  'inventory.record': '第 {line} 行：software[{index}] {detail}',
  // Windows
  'windows.not-windows':
    'windows:local 扫描本机，只能在 Windows 上运行（当前为 {platform}）；请改为给出用 scripts/collect-windows.ps1 收集的文件或文件夹',
  'windows.format': '{file}：不是 Windows 清单文件（应为 {expected}；{why}）{?skipped}',
  'windows.empty-file': '{file}：其中没有卸载项、操作系统、激活或杀毒软件数据',
  'windows.json': '{file}：不是有效的 JSON（{detail}）；应为 PowerShell ConvertTo-Json 的输出{?skipped}',
  'windows.json-item': '{file}：第 {item} 项{what}；已跳过',
  'windows.wmic-line': '第 {line} 行不是 Name=Value 行；已跳过',
  'windows.reg-query-line': '第 {line} 行既不是注册表项也不是值行；已跳过',
  'windows.reg-export-line': '注册表导出文件第 {line} 行有问题：{detail}',
  'windows.csv-row': '第 {line} 行的列数与表头不同；已跳过',
  'windows.no-display-name':
    '{count} 个卸载项没有 DisplayName（{where}）：这些是“程序和功能”不列出的注册表项（更新、组件、残留）；不是安装，计为已忽略',
  'windows.bad-name': '{entry}：DisplayName 超过 {max} 个字符，不是程序名称',
  'windows.live-command': '{command}：没有输出（退出码 {exitCode}）；这台计算机缺少这部分数据',
  // Linux
  'linux.not-linux': 'linux:local 扫描本机，只能在 Linux 上运行（当前为 {platform}）',
  'linux.format': '{file}：不是 Linux 清单文件（应为 {expected}；{why}）{?skipped}',
  'linux.empty-file': '{file}：其中没有找到已安装的软件包',
  'dpkg.no-package': '第 {line} 行开始的段落没有 Package 字段',
  'dpkg.bad-text': '第 {line} 行开始的段落：软件包名称含有控制字符',
  'dpkg.no-version': '软件包 {package}（第 {line} 行）没有 Version 字段',
  'dpkg.line': '第 {line} 行不是 "字段: 值" 行',
  'dpkg.list-line': '第 {line} 行{what}',
  'dpkg.no-status':
    '{count} 个软件包段落没有 Status 字段（第 {lines} 行）：不是安装（dpkg 会为它安装的软件包写 Status；这是 /var/lib/dpkg/available 还是损坏的副本？）；计为已忽略',
  'packages.column-count': '第 {line} 行有 {columns} 列，应为 {width} 列',
  'packages.row': '第 {line} 行：没有软件包名称或版本',
  // `withDate` names the install date of an `rpm -qa --last` line.
  'rpm.line': '第 {line} 行不是 名称-版本-发行号.架构{?withDate} 的形式',
  // Agents
  'osquery.format': '{file}：不是 osquery 输出{detail}；应为 osqueryi --json 数组或结果日志{?skipped}',
  'osquery.line':
    '第 {line} 行不是 osquery 结果事件（含 name、hostIdentifier 以及 columns 或 snapshot 的 JSON）',
  'osquery.event': '{file}：/data/{index} 不是 osquery 结果事件',
  'osquery.row': '{file}：/{index} 不是行对象',
  'osquery.bad-text': '{where}：软件名称长 {length} 个字符，不是软件名称',
  'glpi.format': '{file}：不是 GLPI agent 清单（{detail}）{?skipped}',
  'glpi.xml': '{where}：{what}{?skipped}',
  'glpi.software': '{file}：/content/softwares/{index} 没有名称',
  'wazuh.format':
    '{file}：不是 Wazuh syscollector 消息（Wazuh 4 的 dbsync 或 state 事件，或 Wazuh 5 的 VDSync 消息）{?skipped}',
  'wazuh.event': '第 {line} 行不是 Wazuh syscollector 消息',
  'wazuh.package': '{file}：一条软件包事件没有名称',
  'wazuh.shared-agent':
    'agent {agent} 出现在 {count} 个主机名下（{hostnames}）：Wazuh 的 agent 编号只在一台管理服务器内唯一，所以每个主机名读作一台单独的计算机，名为 {agent}:<主机名>',
};
