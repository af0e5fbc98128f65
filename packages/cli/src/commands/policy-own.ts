/**
 * `zhengban policy show FILE --own`: only what the author's own files say (not the `builtin:`
 * packs they extend), each item with the file:line it came from, and — when it replaced an item of
 * the same id, class or name in a file it extends — where the replaced one was. An override across
 * `extends` is then visible instead of silently winning.
 */
import type { Policy, PolicyOverride, SourceLocation } from '@zhengban/core';
import { type CliContext, displayPath } from '../cli-io.js';

/** `builtin:cn-gov-baseline` and other resolver names (a Windows drive letter is not a scheme). */
const fromResolver = (file: string): boolean => /^[A-Za-z][A-Za-z0-9+.-]+:/.test(file);

type Located = { location?: SourceLocation };

export function ownSections(ctx: CliContext, policy: Policy): Record<string, unknown> {
  const where = (location: SourceLocation | undefined): string | undefined => {
    if (!location?.file) return undefined;
    const file = fromResolver(location.file) ? location.file : displayPath(ctx, location.file);
    return location.line === undefined ? file : `${file}:${location.line}`;
  };
  const overrides = new Map<string, PolicyOverride>();
  for (const override of policy.overrides ?? [])
    overrides.set(`${override.section}\u0000${override.key}`, override);
  const own = (location: SourceLocation | undefined): boolean =>
    location?.file !== undefined && !fromResolver(location.file);

  /** The author's items of one section, each with `from` (and `overrides` when it replaced one). */
  const items = <T extends Located>(section: string, list: readonly T[], keyOf: (item: T) => string) =>
    list
      .filter((item) => own(item.location))
      .map((item) => {
        const { location, ...rest } = item;
        const shown: Record<string, unknown> = { ...(plain(rest) as object), from: where(location) };
        const replaced = overrides.get(`${section}\u0000${keyOf(item)}`);
        if (replaced) shown.overrides = where(replaced.replaced);
        return shown;
      });

  const sections: Record<string, unknown> = {
    files: [...new Set(policy.sources.filter((source) => !fromResolver(source)))].map((source) =>
      displayPath(ctx, source),
    ),
  };
  const put = (path: string[], value: unknown[] | Record<string, unknown>) => {
    if (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0) return;
    let node = sections;
    for (const step of path.slice(0, -1)) {
      if (node[step] === undefined) node[step] = {};
      node = node[step] as Record<string, unknown>;
    }
    node[path[path.length - 1]!] = value;
  };
  put(
    ['catalog', 'vendors'],
    items('catalog.vendors', policy.catalog.vendors, (v) => v.id),
  );
  put(
    ['catalog', 'products'],
    items('catalog.products', policy.catalog.products, (p) => p.id).map(({ match: _match, ...rest }) => rest),
  );
  put(
    ['entitlements'],
    items('entitlements', policy.entitlements, (e) => e.id),
  );
  const editions: Record<string, unknown> = {};
  for (const [cls, rule] of Object.entries(policy.requirements.editions)) {
    const [shown] = items('requirements.editions', [rule], () => cls);
    if (shown) editions[cls] = shown;
  }
  put(['requirements', 'editions'], editions);
  put(
    ['preferences', 'domestic'],
    items('preferences.domestic', policy.preferences.domestic, (t) => t.class),
  );
  put(
    ['forbidden', 'patterns'],
    items('forbidden.patterns', policy.forbidden.patterns, () => ''),
  );
  put(
    ['rules'],
    items('rules', policy.rules, (r) => r.id),
  );
  put(
    ['waivers'],
    items('waivers', policy.waivers, (w) => w.id),
  );
  put(
    ['units'],
    items('units', policy.units, (u) => u.name),
  );
  return sections;
}

/** A JSON-plain copy without nested `location` fields (patterns carry their own). */
function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (key, inner) => (key === 'location' ? undefined : inner)));
}
