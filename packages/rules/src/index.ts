// @zhengban/rules — the built-in product catalogue and policy packs (YAML data) and their resolver.
export { type BuiltinPackInfo, builtinResolver, listPacks, registerBuiltins } from './builtin-resolver.js';
