/**
 * `run(argv, io)`: the whole command, in-process. Parses argv with commander, runs the command and
 * returns the exit code; every error becomes a clear message on stderr (never a stack trace unless
 * --verbose) and exit code 2 (130 when interrupted).
 */
import { createLogger, type Locale, type LogLevel } from '@zhengban/core';
import { CommanderError } from 'commander';
import { type CliContext, type CliIo, defaultIo, say } from './cli-io.js';
import { EXIT_ERROR, EXIT_OK } from './exit-codes.js';
import { localeFrom, type MessageKey, msg, normaliseLocale } from './messages.js';
import { choice } from './option-values.js';
import { reportError } from './problem-lines.js';
import { buildProgram } from './program.js';
import { CLI_VERSION } from './version.js';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

/** Sub-commands of the commands that have them, for the `--help` hint. */
const NESTED: Record<string, readonly string[]> = {
  policy: ['validate', 'show', 'init', 'packs'],
  catalog: ['match', 'list'],
};
const TOP_LEVEL = ['audit', 'scan', 'policy', 'catalog', 'diff', 'merge'];

/** `zhengban audit`, `zhengban policy validate`, … as far as argv names a command. */
function commandPath(argv: readonly string[]): string {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  const path = ['zhengban'];
  const first = words[0];
  if (first && TOP_LEVEL.includes(first)) {
    path.push(first);
    const second = words[1];
    if (second && NESTED[first]?.includes(second)) path.push(second);
  }
  return path.join(' ');
}

const COMMANDER_MESSAGES: Record<string, MessageKey> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.missingArgument': 'missingArgument',
  'commander.optionMissingArgument': 'optionMissingValue',
  'commander.missingMandatoryOptionValue': 'missingMandatoryOption',
  'commander.excessArguments': 'excessArguments',
};

/** commander's English parse error, in the user's locale. */
function translateCommanderError(locale: Locale, error: CommanderError, argv: readonly string[]): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  const suggestion = /Did you mean (.+?)\?/i.exec(error.message)?.[1];
  const key = COMMANDER_MESSAGES[error.code];
  if (!key) return error.message.replace(/^error:\s*/, '');
  const extra = argv.filter((arg) => !arg.startsWith('-')).slice(-1)[0] ?? '';
  const text = msg(locale, key, { option: quoted, command: quoted, argument: quoted, args: extra });
  return suggestion ? `${text}${msg(locale, 'didYouMean', { suggestion })}` : text;
}

function logLevel(globals: Record<string, unknown>): LogLevel | undefined {
  if (globals.verbose) return 'debug';
  if (globals.quiet) return 'error';
  return undefined;
}

/**
 * Runs the `zhengban` command with `argv` (without `node` and the script) and returns its exit
 * code: 0 clean, 1 findings at or above --fail-on, 2 usage/policy/input error, 130 interrupted.
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const fullIo = defaultIo(io);
  const locale = localeFrom(argv, fullIo.env);
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const base: CliContext = {
    io: fullIo,
    locale,
    logger: createLogger(verbose ? { level: 'debug' } : {}),
    quiet: false,
    verbose,
  };
  if (argv.length === 1 && argv[0] === '--version') {
    fullIo.stdout.write(`${CLI_VERSION}\n`);
    return EXIT_OK;
  }
  let exitCode = EXIT_OK;
  const program = buildProgram({
    locale,
    context(globals) {
      const given = globals.locale as string | undefined;
      const chosen =
        given === undefined
          ? locale
          : (normaliseLocale(given) ?? choice(locale, '--locale', given, LOCALES, locale));
      const level = logLevel(globals);
      return {
        io: fullIo,
        locale: chosen,
        logger: createLogger(level ? { level } : {}),
        quiet: Boolean(globals.quiet),
        verbose: Boolean(globals.verbose),
      };
    },
    setExit(code) {
      exitCode = code;
    },
    writeOut: (text) => fullIo.stdout.write(text),
    writeErr: (text) => fullIo.stderr.write(text),
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
      // `zhengban` alone (or `zhengban policy`): commander printed the help to stderr already.
      if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
      say(base, `zhengban: ${msg(locale, 'errorPrefix')}: ${translateCommanderError(locale, error, argv)}`);
      say(base, msg(locale, 'helpHint', { command: commandPath(argv) }));
      return EXIT_ERROR;
    }
    return reportError(base, error, commandPath(argv));
  }
}
