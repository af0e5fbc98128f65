/**
 * One JSON document read chunk by chunk and parsed part by part. V8 cannot make a string over
 * ~512 MiB, so a province's report cannot be read as one text: the containers a route names are
 * walked here (keys, commas, brackets), and every other value is cut out as text and handed to
 * JSON.parse, so no text longer than one part (one finding, one seat) exists at a time. What is not
 * valid JSON fails with the offset where it went wrong, as JSON.parse would.
 */

/** How to read one value: whole (JSON.parse of its text), or walked as an array or object. */
export type Route =
  | { readonly kind: 'whole' }
  | {
      readonly kind: 'array';
      readonly items?: Route;
      /** What to keep of each item (undefined: nothing); called as each item is parsed. */
      readonly keep?: (item: unknown, index: number) => unknown;
    }
  | {
      readonly kind: 'object';
      readonly fields?: Readonly<Record<string, Route>>;
      /** The route of fields not named in `fields`. */
      readonly other?: Route;
    };

export const WHOLE: Route = { kind: 'whole' };

/** Text that is not valid JSON: where (a character offset from the start) and what. */
export class JsonPartsError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'JsonPartsError';
  }
}

/** One value read whole would be a string longer than allowed: `path` names it (`findings[3]`). */
export class JsonPartTooLarge extends Error {
  constructor(
    readonly path: string,
    readonly limit: number,
  ) {
    super(`${path || 'the document'}: one value over ${limit} characters`);
    this.name = 'JsonPartTooLarge';
  }
}

const END = 'Unexpected end of JSON input';
const NON_SPACE = /[^ \t\n\r]/g;
const STRING_STOP = /["\\]/g;
const STRUCTURE = /["{}[\]]/g;

/** Where JSON.parse stopped inside `text`, from V8's message (`at position N`, `line L column C`). */
function offsetInPart(text: string, message: string): number {
  const position = /position (\d+)/.exec(message);
  if (position) return Number(position[1]);
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  if (!lineColumn) return text.length;
  let offset = 0;
  for (let line = 1; line < Number(lineColumn[1]); line++) offset = text.indexOf('\n', offset) + 1;
  return offset + Number(lineColumn[2]) - 1;
}

/** V8's message without its place, which was counted from the start of one part, not of the file. */
const withoutPlace = (message: string) =>
  message
    .replace(/ in JSON at position \d+.*$| \(line \d+ column \d+\)/s, '')
    .replace(/, ".*" is not valid JSON$/s, '');

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonParts {
  private text = '';
  private pos = 0;
  /** Offset of `text[0]` in the whole document. */
  private base = 0;

  /**
   * @param next the document's next piece of text, undefined at its end
   * @param maxPartChars the longest value read whole (JsonPartTooLarge past it)
   */
  constructor(
    private readonly next: () => string | undefined,
    private readonly maxPartChars: number,
  ) {}

  /** The whole document, read along `route`; anything after its value is an error. */
  document(route: Route): unknown {
    const value = this.read(route, '');
    if (this.peek() !== undefined) this.fail('Unexpected non-whitespace character after JSON');
    return value;
  }

  private offset(): number {
    return this.base + this.pos;
  }

  private fail(message: string, offset = this.offset()): never {
    throw new JsonPartsError(message, offset);
  }

  /** The next piece in place of the text, which is all consumed; false at the end. */
  private refill(): boolean {
    for (;;) {
      const piece = this.next();
      if (piece === undefined) return false;
      if (piece.length === 0) continue;
      this.base += this.text.length;
      this.text = piece;
      this.pos = 0;
      return true;
    }
  }

  /** The next character that is not whitespace, not taken; undefined at the end. */
  private peek(): string | undefined {
    for (;;) {
      NON_SPACE.lastIndex = this.pos;
      const found = NON_SPACE.exec(this.text);
      if (found) {
        this.pos = found.index;
        return this.text[this.pos];
      }
      this.pos = this.text.length;
      if (!this.refill()) return undefined;
    }
  }

  private read(route: Route, path: string): unknown {
    const first = this.peek();
    if (route.kind === 'array' && first === '[') return this.readArray(route, path);
    if (route.kind === 'object' && first === '{') return this.readObject(route, path);
    const start = this.offset();
    return this.parsePart(this.valueText(path), start);
  }

  private readArray(route: Extract<Route, { kind: 'array' }>, path: string): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    if (this.peek() === ']') {
      this.pos++;
      return items;
    }
    for (let index = 0; ; index++) {
      const item = this.read(route.items ?? WHOLE, `${path}[${index}]`);
      const kept = route.keep ? route.keep(item, index) : item;
      if (kept !== undefined) items.push(kept);
      const after = this.peek();
      if (after !== ',' && after !== ']')
        this.fail(after === undefined ? END : "Expected ',' or ']' after array element");
      this.pos++;
      if (after === ']') return items;
    }
  }

  private readObject(route: Extract<Route, { kind: 'object' }>, path: string): Record<string, unknown> {
    this.pos++;
    // As JSON.parse makes it: an ordinary object where `__proto__` is an own key like any other.
    const record: Record<string, unknown> = {};
    if (this.peek() === '}') {
      this.pos++;
      return record;
    }
    for (;;) {
      const quote = this.peek();
      if (quote !== '"') this.fail(quote === undefined ? END : 'Expected double-quoted property name');
      const keyStart = this.offset();
      const key = this.parsePart(this.valueText(path), keyStart) as string;
      const colon = this.peek();
      if (colon !== ':') this.fail(colon === undefined ? END : "Expected ':' after property name");
      this.pos++;
      const fieldRoute =
        route.fields && Object.hasOwn(route.fields, key) ? route.fields[key]! : (route.other ?? WHOLE);
      const value = this.read(fieldRoute, path ? `${path}.${key}` : key);
      Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
      const after = this.peek();
      if (after !== ',' && after !== '}')
        this.fail(after === undefined ? END : "Expected ',' or '}' after property value");
      this.pos++;
      if (after === '}') return record;
    }
  }

  private parsePart(text: string, start: number): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.fail(withoutPlace(message), start + offsetInPart(text, message));
    }
  }

  /**
   * The text of the value at the next non-space character, across pieces: strings are skipped to
   * their closing quote, containers to their closing bracket; JSON.parse judges the rest.
   */
  private valueText(path: string): string {
    const first = this.peek();
    if (first === undefined) this.fail(END);
    const primitive = first !== '{' && first !== '[' && first !== '"';
    const parts: string[] = [];
    let length = 0;
    let depth = 0;
    let inString = first === '"';
    let escaped = false;
    let from = this.pos;
    let i = inString ? this.pos + 1 : this.pos;
    for (;;) {
      const text = this.text;
      let end = -1;
      while (i < text.length) {
        if (escaped) {
          escaped = false;
          i++;
        } else if (inString) {
          STRING_STOP.lastIndex = i;
          const stop = STRING_STOP.exec(text);
          if (!stop) i = text.length;
          else if (text.charCodeAt(stop.index) === 92) {
            escaped = true;
            i = stop.index + 1;
          } else {
            inString = false;
            i = stop.index + 1;
            if (depth === 0) end = i;
          }
        } else if (primitive) {
          const c = text.charCodeAt(i);
          if (c === 44 || c === 93 || c === 125 || isSpace(c)) end = i;
          i++;
        } else {
          // Between strings only quotes and brackets matter: jump to the next one.
          STRUCTURE.lastIndex = i;
          const found = STRUCTURE.exec(text);
          if (!found) i = text.length;
          else {
            const c = text.charCodeAt(found.index);
            if (c === 34) inString = true;
            else if (c === 123 || c === 91) depth++;
            else if (--depth === 0) end = found.index + 1;
            i = found.index + 1;
          }
        }
        if (end >= 0) break;
      }
      if (end >= 0) {
        if (length + end - from > this.maxPartChars) throw new JsonPartTooLarge(path, this.maxPartChars);
        parts.push(text.slice(from, end));
        this.pos = end;
        break;
      }
      parts.push(from === 0 ? text : text.slice(from));
      length += text.length - from;
      if (length > this.maxPartChars) throw new JsonPartTooLarge(path, this.maxPartChars);
      this.pos = text.length;
      if (!this.refill()) {
        if (primitive) break;
        this.fail(END);
      }
      from = 0;
      i = 0;
    }
    return parts.length === 1 ? parts[0]! : parts.join('');
  }
}
