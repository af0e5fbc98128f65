/**
 * Where `extends` entries come from: a relative path (relative to the extending file) or
 * `scheme:name`, served by a PolicySourceResolver. Core knows no scheme itself; @zhengban/rules
 * registers `builtin`, and callers may pass their own resolvers per load.
 */
import { readdirSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { BoundedReadError, readRegularFileSync } from '../bounded-read.js';
import type { SourceLocation } from '../model.js';
import type { PolicySourceResolver } from '../plugins.js';
import { didYouMean, hintText } from './did-you-mean.js';
import { formatBytes } from './policy-yaml.js';
import type { ProblemList } from './problem-list.js';

/** One policy text to read. */
export interface PolicySource {
  /** Identity for cycle detection and de-duplication: an absolute path or `scheme:name`. */
  identity: string;
  /** Name in messages and in Policy.sources: the path as given / joined, or `scheme:name`. */
  display: string;
  /** File name for problem locations (a resolver's filename for scheme sources). */
  file: string;
  text: string;
  /** True when the text came from a resolver (relative `extends` inside it are not allowed). */
  fromResolver: boolean;
}

const globalResolvers = new Map<string, PolicySourceResolver>();

/** Registers a resolver for every later load (a second one for the same scheme replaces the first). */
export function registerPolicyResolver(resolver: PolicySourceResolver): void {
  globalResolvers.set(resolver.scheme, resolver);
}

/** `builtin:cn-gov-baseline` → ['builtin', 'cn-gov-baseline']; paths (incl. `C:\x`) → undefined. */
export function splitScheme(target: string): [scheme: string, name: string] | undefined {
  const match = /^([A-Za-z][A-Za-z0-9+.-]+):(?![\\/])(.+)$/.exec(target);
  return match ? [match[1]!, match[2]!] : undefined;
}

/** Reads a policy file from disk, refusing one larger than `maxBytes` before reading it. */
export function readPolicyFile(
  path: string,
  display: string,
  maxBytes: number,
  problems: ProblemList,
  location: SourceLocation,
): PolicySource | undefined {
  const absolute = resolve(path);
  try {
    // Bounded by the bytes read, not by stat().size, which is 0 for /dev/zero and a FIFO.
    const text = decodePolicyBytes(readRegularFileSync(absolute, maxBytes), display, problems);
    if (text === undefined) return undefined;
    return { identity: absolute, display, file: display, text, fromResolver: false };
  } catch (error) {
    if (error instanceof BoundedReadError && error.reason === 'too-large') {
      problems.error(
        'too-large',
        `Policy file is ${error.size === undefined ? 'more than' : `${formatBytes(error.size)}, more than`} the ${formatBytes(maxBytes)} limit; a policy this large is almost certainly not a policy (raise maxBytes if it really is).`,
        { file: display },
        {
          size: error.size === undefined ? `> ${formatBytes(maxBytes)}` : formatBytes(error.size),
          limit: formatBytes(maxBytes),
        },
      );
      return undefined;
    }
    if (error instanceof BoundedReadError) {
      problems.error(
        'unreadable',
        `Cannot read policy "${display}": it is not a regular file (a device, a pipe or a socket).`,
        location,
      );
      return undefined;
    }
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    const reasonZh = code === 'ENOENT' ? '文件不存在' : code === 'EISDIR' ? '这是一个文件夹' : reason;
    const hint = code === 'ENOENT' ? siblingHint(absolute) : '.';
    problems.error('unreadable', `Cannot read policy "${display}": ${reason}${hint}`, location, {
      file: display,
      reason: { zh: reasonZh, en: reason },
      hint: hintText(hint),
    });
    return undefined;
  }
}

/**
 * Policy files are UTF-8 (a BOM is allowed); Windows Notepad's "Unicode" (UTF-16 with a BOM) is read
 * too. Anything else — typically a policy saved as GBK by a Chinese editor — would load with every
 * Chinese name garbled and match nothing, so it is refused at the first line that is not UTF-8.
 */
function decodePolicyBytes(bytes: Buffer, display: string, problems: ProblemList): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  try {
    return utf8.decode(bytes);
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        utf8.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line++;
      start = i + 1;
    }
    problems.error(
      'encoding',
      'The policy file is not UTF-8 (it looks like GBK or another legacy encoding); save it as UTF-8 and load it again.',
      { file: display, line, column: 1 },
      {},
    );
    return undefined;
  }
}

/** `; did you mean "base.yaml"?` among the YAML files next to a missing one. */
function siblingHint(absolute: string): string {
  try {
    const names = readdirSync(dirname(absolute)).filter((name) => /\.ya?ml$/i.test(name));
    return didYouMean(basename(absolute), names) || '.';
  } catch {
    return '.';
  }
}

/**
 * Resolves one `extends` entry of `from`. Undefined (with a located problem) when it cannot. The
 * size of resolver texts is checked when they are parsed.
 */
export function resolveExtends(
  target: string,
  from: PolicySource,
  location: SourceLocation,
  resolvers: readonly PolicySourceResolver[],
  maxBytes: number,
  problems: ProblemList,
): PolicySource | undefined {
  const scheme = splitScheme(target);
  if (!scheme) {
    if (from.fromResolver) {
      problems.error(
        'bad-extends',
        `"${target}" is a relative path, but ${from.display} is not a file on disk; it can only extend scheme:name sources.`,
        location,
        { target, from: from.display },
      );
      return undefined;
    }
    const path = isAbsolute(target) ? target : join(dirname(from.file), target);
    return readPolicyFile(path, path, maxBytes, problems, location);
  }
  const [schemeName, name] = scheme;
  const available = new Map<string, PolicySourceResolver>(globalResolvers);
  for (const resolver of resolvers) available.set(resolver.scheme, resolver);
  const resolver = available.get(schemeName);
  if (!resolver) {
    const known = [...available.keys()];
    const hint =
      didYouMean(schemeName, known) ||
      (known.length > 0
        ? `; known: ${known.map((s) => `${s}:`).join(', ')}.`
        : '; no resolver is registered (@zhengban/rules registers builtin:).');
    problems.error(
      'unknown-scheme',
      `No policy source handles "${schemeName}:" (in "${target}")${hint}`,
      location,
      {
        scheme: schemeName,
        target,
        hint:
          known.length > 0 || hint.startsWith('; did')
            ? hintText(hint)
            : { zh: '；没有注册任何来源（@zhengban/rules 注册 builtin:）。', en: hint },
      },
    );
    return undefined;
  }
  let found: { filename: string; text: string } | undefined;
  try {
    found = resolver.read(name);
  } catch (error) {
    problems.error('unreadable', `Cannot read policy "${target}": ${(error as Error).message}`, location, {
      file: target,
      reason: (error as Error).message,
      hint: { zh: '。', en: '' },
    });
    return undefined;
  }
  if (!found) {
    const names = resolver.list?.() ?? [];
    const hint =
      didYouMean(name, names).replace(/"([^"]+)"\?$/, `"${schemeName}:$1"?`) ||
      (names.length > 0 ? `; available: ${names.map((n) => `${schemeName}:${n}`).join(', ')}.` : '.');
    problems.error('unknown-source', `Unknown policy "${target}"${hint}`, location, {
      target,
      hint: hintText(hint),
    });
    return undefined;
  }
  return { identity: target, display: target, file: found.filename, text: found.text, fromResolver: true };
}
