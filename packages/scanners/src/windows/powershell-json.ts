/**
 * PowerShell `... | ConvertTo-Json` output: one object or an array of objects (UTF-16LE when
 * PowerShell 5.1 redirects with `>`). Objects become property bags; nested objects (CimClass,
 * CimInstanceProperties) are not properties of the thing itself and are left out.
 */
import { InputError } from '@zhengban/core';
import type { PropertyBag } from './windows-facts.js';

export function isJsonText(text: string): boolean {
  return /^\s*[[{]/.test(text.slice(0, 1024));
}

export interface JsonObjectBag {
  values: PropertyBag;
  /** JSON pointer of the object in the file (`/3`, or `` for a single object). */
  pointer: string;
}

/** Parses the text; a file that is not JSON at all is one InputError naming the file. */
export function parsePowerShellJson(
  text: string,
  file: string,
  /** Told of each array item that is not an object (a number, a string, null, a nested array). */
  onNotObject?: (pointer: string, what: string) => void,
): JsonObjectBag[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(
      `${file}: not valid JSON (${(error as Error).message}); expected PowerShell ConvertTo-Json output`,
      { file },
      'windows.json',
      { file, detail: (error as Error).message },
    );
  }
  const items = Array.isArray(data) ? data : [data];
  const bags: JsonObjectBag[] = [];
  items.forEach((item, index) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      onNotObject?.(
        `/${index}`,
        item === null ? 'null' : Array.isArray(item) ? 'an array' : `a ${typeof item}`,
      );
      return;
    }
    const values: PropertyBag = new Map();
    for (const [name, value] of Object.entries(item as Record<string, unknown>)) {
      if (value === null || typeof value === 'object') continue;
      values.set(name.toLowerCase(), String(value));
    }
    bags.push({ values, pointer: Array.isArray(data) ? `/${index}` : '' });
  });
  return bags;
}
