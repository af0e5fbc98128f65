import winston from 'winston';

/** The logging surface plugins see: a subset of winston's, so plugins need not depend on winston. */
export interface Logger {
  error(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  info(message: string, meta?: Record<string, unknown>): void;
  debug(message: string, meta?: Record<string, unknown>): void;
}

export type LogLevel = 'silent' | 'error' | 'warn' | 'info' | 'debug';

const LEVELS: readonly LogLevel[] = ['silent', 'error', 'warn', 'info', 'debug'];

export interface LoggerOptions {
  /** Overrides `ZHENGBAN_LOG`; default `warn`. */
  level?: LogLevel;
  /** Label printed before each line. */
  label?: string;
}

function levelFromEnv(): LogLevel | undefined {
  const value = process.env.ZHENGBAN_LOG?.trim().toLowerCase();
  return value && (LEVELS as readonly string[]).includes(value) ? (value as LogLevel) : undefined;
}

/**
 * A winston logger that writes to stderr only: stdout belongs to reports. The level comes from the
 * option, else `ZHENGBAN_LOG`, else `warn`. Under vitest (`VITEST` set) it is silent unless asked.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const level = options.level ?? levelFromEnv() ?? (process.env.VITEST ? 'silent' : 'warn');
  const label = options.label ?? 'zhengban';
  return winston.createLogger({
    level: level === 'silent' ? 'error' : level,
    silent: level === 'silent',
    format: winston.format.printf(
      ({ level: lvl, message }) => `${label} ${String(lvl).toUpperCase()} ${String(message)}`,
    ),
    transports: [
      new winston.transports.Console({
        stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
      }),
    ],
  });
}

/** A logger that drops everything (the default for library calls without a logger). */
export const silentLogger: Logger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
};
