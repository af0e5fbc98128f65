/**
 * Resolves a scanner or reporter the way the command line names it (after ESLint formatters and
 * Vitest reporters): a built-in name, a `./path` or absolute path to a module, or a package name.
 * A module may default-export the plugin, export it as `scanner` / `reporter`, or export a factory
 * that returns it (called with no options).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Locale, type Reporter, type Scanner, UsageError } from '@zhengban/core';
import { getReporter, reporterNames } from '@zhengban/reporters';
import { getScanner, scannerNames } from '@zhengban/scanners';
import { type MessageKey, msg } from './messages.js';
import { ownFolder, resolvePluginPackage } from './package-resolve.js';
import { isModulePath } from './plugin-spec.js';

interface PluginKind<T> {
  what: 'whatScanner' | 'whatReporter';
  /** The named export looked for after `default`. */
  named: string;
  unknown: MessageKey;
  builtinNames(): string[];
  builtin(name: string): T | undefined;
  accepts(value: unknown): value is T;
}

function hasName(value: unknown): value is { name: string } {
  return (
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string'
  );
}

const SCANNERS: PluginKind<Scanner> = {
  what: 'whatScanner',
  named: 'scanner',
  unknown: 'unknownScanner',
  builtinNames: () => scannerNames(),
  builtin: (name) => getScanner(name),
  accepts: (value): value is Scanner => hasName(value) && typeof (value as Scanner).scan === 'function',
};

const REPORTERS: PluginKind<Reporter> = {
  what: 'whatReporter',
  named: 'reporter',
  unknown: 'unknownReporter',
  builtinNames: () => reporterNames(),
  builtin: (name) => getReporter(name),
  accepts: (value): value is Reporter => hasName(value) && typeof (value as Reporter).render === 'function',
};

export function loadScanner(kind: string, cwd: string, locale: Locale): Promise<Scanner> {
  return loadPlugin(SCANNERS, kind, cwd, locale);
}

export async function loadReporter(kind: string, cwd: string, locale: Locale): Promise<Reporter> {
  const reporter = await loadPlugin(REPORTERS, kind, cwd, locale);
  // A third-party reporter without an extension still gets a sensible default file name.
  return typeof reporter.extension === 'string' ? reporter : { ...reporter, extension: 'txt' };
}

/** True when `kind` is a built-in scanner (whose input is a file or folder, or `local`). */
export function isBuiltinScanner(kind: string): boolean {
  return scannerNames().includes(kind);
}

async function loadPlugin<T>(plugin: PluginKind<T>, kind: string, cwd: string, locale: Locale): Promise<T> {
  const builtin = plugin.builtinNames().includes(kind) ? plugin.builtin(kind) : undefined;
  if (builtin !== undefined) return builtin;
  const unknown = () =>
    new UsageError(msg(locale, plugin.unknown, { kind, names: plugin.builtinNames().join(', ') }));
  let namespace: Record<string, unknown>;
  if (isModulePath(kind)) {
    const path = resolve(cwd, kind);
    if (!existsSync(path)) throw new UsageError(msg(locale, 'pluginNotFound', { spec: path }));
    namespace = await importOrExplain(pathToFileURL(path).href, kind, locale);
  } else {
    const location = resolvePluginPackage(kind, cwd, ownFolder(import.meta.url));
    if (location === undefined) throw unknown();
    namespace = await importOrExplain(location, kind, locale);
  }
  const found = await pluginFrom(plugin, namespace);
  if (found === undefined) {
    throw new UsageError(
      msg(locale, 'pluginShape', { spec: kind, what: msg(locale, plugin.what), named: plugin.named }),
    );
  }
  return found;
}

async function importOrExplain(url: string, spec: string, locale: Locale): Promise<Record<string, unknown>> {
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(msg(locale, 'pluginLoadFailed', { spec, message }));
  }
}

async function pluginFrom<T>(
  plugin: PluginKind<T>,
  namespace: Record<string, unknown>,
): Promise<T | undefined> {
  const fallback = namespace.default as Record<string, unknown> | undefined;
  const candidates = [
    namespace.default,
    namespace[plugin.named],
    // CommonJS modules imported from ESM: `module.exports = { scanner }` lands under default.
    typeof fallback === 'object' && fallback !== null ? fallback[plugin.named] : undefined,
  ];
  for (const candidate of candidates) {
    if (plugin.accepts(candidate)) return candidate;
    if (typeof candidate === 'function') {
      const made: unknown = await (candidate as () => unknown)();
      if (plugin.accepts(made)) return made;
    }
  }
  return undefined;
}
