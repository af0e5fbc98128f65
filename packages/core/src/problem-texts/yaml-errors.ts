/**
 * zh-CN words for the errors of the `yaml` library, by its error `code` (its messages are English
 * and name parser internals). policy-yaml.ts gives them to `policy.yaml-syntax` as its `reason`; the
 * problem's file:line:column says where. Each text names the usual slips behind its code, since one
 * code covers several messages (MISSING_CHAR is a closing quote as well as a missing colon).
 */
const YAML_ERROR_TEXTS: Readonly<Record<string, string>> = {
  ALIAS_PROPS: '别名（*名称）不能再带锚点或标签',
  BAD_ALIAS: '锚点（&名称）或别名（*名称）的名称为空或以冒号结尾',
  BAD_COLLECTION_TYPE: '标签要求的列表或映射类型与这里写的不一致',
  BAD_DIRECTIVE: '无法识别的 % 指令',
  BAD_DQ_ESCAPE: '双引号中有无效的转义（反斜杠 \\ 后面的字符）；Windows 路径请改用单引号，或把 \\ 写成 \\\\',
  BAD_INDENT:
    '缩进不对：同一层的键或列表项要从同一列开始，方括号 [ ] 或花括号 { } 要闭合，其中换行的内容要比所在的键缩进得更深',
  BAD_PROP_ORDER: '锚点和标签必须写在 - 或 ? 之后',
  BAD_SCALAR_START: '不加引号的值不能以 @ 或 ` 这样的保留字符开头；请给这个值加上引号',
  BLOCK_AS_IMPLICIT_KEY: '一行里只能有一个“键: 值”（如 a: b: c 不行）；值中含有“: ”时请给值加上引号',
  BLOCK_IN_FLOW: '方括号 [ ] 或花括号 { } 之内不能再用换行缩进的列表或映射',
  IMPOSSIBLE: '解析器遇到了无法处理的写法',
  KEY_OVER_1024_CHARS: '键太长：冒号必须在键开头之后 1024 个字符以内',
  MISSING_CHAR:
    '缺少必要的字符：引号没有闭合、键后面缺少冒号，方括号或花括号中的项之间缺少逗号，或 # 注释前缺少空格',
  MULTILINE_IMPLICIT_KEY: '键必须写在一行之内（多半是上一行缺少冒号，或引号没有闭合）',
  MULTIPLE_ANCHORS: '一个值只能有一个锚点（&名称）',
  MULTIPLE_DOCS: '文件中有用 --- 分隔的多个 YAML 文档；一个策略文件只能有一个',
  MULTIPLE_TAGS: '一个值只能有一个标签（!标签）',
  NON_STRING_KEY: '键必须是文字',
  RESOURCE_EXHAUSTION: '文档过于复杂，超出了解析的上限',
  TAG_RESOLVE_FAILED: '无法识别的标签（!…），或值不符合标签要求的类型',
  UNEXPECTED_TOKEN: '这里出现了不该出现的符号（如多余的逗号、括号、冒号或 -）',
};

/** The Chinese for a `yaml` error code; a code this table does not know yet is named as it is. */
export function yamlErrorText(code: string): string {
  return Object.hasOwn(YAML_ERROR_TEXTS, code)
    ? YAML_ERROR_TEXTS[code]!
    : `无法解析（解析器错误代码 ${code}）`;
}
