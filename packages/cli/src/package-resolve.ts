/**
 * A plugin named by package (`--report dashboard-reporter`, `--input @org/scanner/agents`) resolved
 * the way Node resolves it from the working folder, with two guards and one addition:
 *
 * - the name must be a package name and each subpath segment a name: `x/../../../outside/evil` is
 *   not a package, so it cannot load a file outside node_modules;
 * - whatever resolution returns must lie inside that package's folder under a `node_modules`;
 * - a package that exports only for `import` (ESM-only: `"exports": { "import": … }`), which
 *   `require.resolve` refuses, is resolved through its `exports` with the conditions import, node,
 *   default.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SEGMENT = /^[A-Za-z0-9_~][\w.~-]*$/;

/** `@scope/name/sub/path` → its package name and subpath (`./sub/path`, or `.`); undefined if not a package. */
export function parsePackageSpecifier(spec: string): { name: string; subpath: string } | undefined {
  const parts = spec.split('/');
  const scoped = parts[0]!.startsWith('@');
  const nameParts = scoped ? parts.slice(0, 2) : parts.slice(0, 1);
  if (scoped && (nameParts.length < 2 || !SEGMENT.test(nameParts[0]!.slice(1)))) return undefined;
  if (!SEGMENT.test(nameParts.at(-1)!)) return undefined;
  const rest = parts.slice(nameParts.length);
  // `.` and `..` are not names: a subpath never climbs out of its package.
  if (
    rest.some(
      (segment) => segment === '' || segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment),
    )
  )
    return undefined;
  return { name: nameParts.join('/'), subpath: rest.length === 0 ? '.' : `./${rest.join('/')}` };
}

function inside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep);
}

/** The package folder `node_modules/<name>` nearest to `from` (walking up), if any. */
function packageFolder(name: string, from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const CONDITIONS = ['import', 'node', 'default'];

/** The target of `exports` for a subpath, with the ESM conditions. */
function exportTarget(exports: unknown, subpath: string): string | undefined {
  const pick = (value: unknown): string | undefined => {
    if (typeof value === 'string') return value;
    if (Array.isArray(value)) {
      for (const item of value) {
        const found = pick(item);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (typeof value === 'object' && value !== null) {
      for (const condition of CONDITIONS) {
        if (Object.hasOwn(value, condition)) {
          const found = pick((value as Record<string, unknown>)[condition]);
          if (found !== undefined) return found;
        }
      }
    }
    return undefined;
  };
  if (typeof exports === 'string' || Array.isArray(exports))
    return subpath === '.' ? pick(exports) : undefined;
  if (typeof exports !== 'object' || exports === null) return undefined;
  const keys = Object.keys(exports);
  const bySubpath = keys.some((key) => key.startsWith('.'));
  if (!bySubpath) return subpath === '.' ? pick(exports) : undefined;
  return Object.hasOwn(exports, subpath) ? pick((exports as Record<string, unknown>)[subpath]) : undefined;
}

/** ESM-only packages: `exports` read by hand (require.resolve refuses `import`-only exports). */
function resolveByExports(name: string, subpath: string, from: string): string | undefined {
  const folder = packageFolder(name, from);
  if (folder === undefined) return undefined;
  let manifest: { exports?: unknown; main?: unknown };
  try {
    manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
  const target =
    manifest.exports !== undefined
      ? exportTarget(manifest.exports, subpath)
      : subpath === '.' && typeof manifest.main === 'string'
        ? manifest.main
        : undefined;
  if (target === undefined || !target.startsWith('./')) return undefined;
  const path = resolve(folder, target);
  return inside(folder, path) && existsSync(path) ? path : undefined;
}

/**
 * Whether `path` lies in the folder of package `name` that Node finds from `base`
 * (`node_modules/<name>`, followed through symlinks: pnpm and `npm link` link packages in).
 */
function withinPackage(name: string, path: string, base: string): boolean {
  const folder = packageFolder(name, base);
  if (folder === undefined) return false;
  try {
    return inside(realpathSync(folder), realpathSync(path));
  } catch {
    return false;
  }
}

/**
 * The file URL of package `spec` resolved from `cwd` (the user's project) first, then from
 * `fallbackFrom` (the CLI's own location); undefined when it is not a package or not found.
 */
export function resolvePluginPackage(spec: string, cwd: string, fallbackFrom: string): string | undefined {
  const parsed = parsePackageSpecifier(spec);
  if (parsed === undefined) return undefined;
  for (const base of [cwd, fallbackFrom]) {
    let path: string | undefined;
    try {
      path = createRequire(join(base, 'package.json')).resolve(spec);
    } catch {
      path = resolveByExports(parsed.name, parsed.subpath, base);
    }
    if (path !== undefined && withinPackage(parsed.name, path, base)) return pathToFileURL(path).href;
  }
  return undefined;
}

/** The folder of the CLI's own module, for resolving packages installed next to it. */
export function ownFolder(moduleUrl: string): string {
  return dirname(fileURLToPath(moduleUrl));
}
