/** A few SGR colours for the console reporter; identity functions when colour is off. */
export interface Palette {
  bold(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
  dim(text: string): string;
}

const sgr = (open: number, close: number) => (text: string) => `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Palette = {
  bold: sgr(1, 22),
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  cyan: sgr(36, 39),
  magenta: sgr(35, 39),
  dim: sgr(2, 22),
};

const identity = (text: string) => text;
const PLAIN: Palette = {
  bold: identity,
  red: identity,
  yellow: identity,
  green: identity,
  cyan: identity,
  magenta: identity,
  dim: identity,
};

export function palette(color: boolean): Palette {
  return color ? COLOURS : PLAIN;
}
