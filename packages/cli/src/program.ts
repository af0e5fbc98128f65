/**
 * The commander program: every command, option and help text, built fresh for each run in the
 * run's locale. Actions return an exit code through `setExit`; errors propagate to `run`.
 */
import { Command } from 'commander';
import type { CliContext } from './cli-io.js';
import { auditCommand } from './commands/audit.js';
import { catalogListCommand, catalogMatchCommand } from './commands/catalog.js';
import { diffCommand } from './commands/diff.js';
import { scanCommand } from './commands/scan.js';
import {
  policyInitCommand,
  policyPacksCommand,
  policyShowCommand,
  policyValidateCommand,
} from './commands/policy.js';
import { HELP_TITLES } from './help-text.js';
import { type HelpKey, help } from './messages.js';
import type { Locale } from '@zhengban/core';
import { CLI_VERSION } from './version.js';

export interface ProgramHooks {
  locale: Locale;
  /** Builds the command context from the merged global options. */
  context(globals: Record<string, unknown>): CliContext;
  setExit(code: number): void;
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function buildProgram(hooks: ProgramHooks): Command {
  const { locale } = hooks;
  const h = (key: HelpKey) => help(locale, key);
  const examples = (key: HelpKey) => `\n${h('examplesTitle')}\n${h(key)}\n`;
  const program = new Command('zhengban');
  program
    .description(h('program'))
    .exitOverride()
    .configureOutput({ writeOut: hooks.writeOut, writeErr: hooks.writeErr, outputError: () => undefined })
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => (locale === 'zh-CN' ? (HELP_TITLES[title] ?? title) : title),
    })
    .helpOption('-h, --help', h('optHelp'))
    .helpCommand('help [command]', h('helpCommand'))
    // Only `-V` here: `catalog match --version V` needs `--version`; run() answers a leading --version.
    .version(CLI_VERSION, '-V', h('optVersion'))
    .option('--locale <locale>', h('optLocale'))
    .option('-q, --quiet', h('optQuiet'))
    .option('-v, --verbose', h('optVerbose'));

  /** Wraps an action: builds the context from the command's merged options, records the exit code. */
  const act =
    <A extends unknown[]>(handler: (ctx: CliContext, ...args: A) => number | Promise<number>) =>
    async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const ctx = hooks.context(command.optsWithGlobals());
      hooks.setExit(await handler(ctx, ...(args.slice(0, -1) as A)));
    };

  program
    .command('audit')
    .description(h('audit'))
    .option('-p, --policy <file>', h('optPolicy'))
    .option('-i, --input <kind:path>', h('optInput'), collect, [])
    .option('-u, --units <file>', h('optUnits'))
    .option('-r, --report <format[:path]>', h('optReport'), collect, [])
    .option('--as-of <date>', h('optAsOf'))
    .option('--fail-on <level>', h('optFailOn'))
    .addHelpText('after', examples('auditExamples'))
    .action(act((ctx, options: Parameters<typeof auditCommand>[1]) => auditCommand(ctx, options)));

  program
    .command('scan')
    .description(h('scan'))
    .option('-i, --input <kind:path>', h('optInput'), collect, [])
    .option('-o, --out <file>', h('optOut'))
    .addHelpText('after', examples('scanExamples'))
    .action(act((ctx, options: Parameters<typeof scanCommand>[1]) => scanCommand(ctx, options)));

  const policy = program.command('policy').description(h('policy')).addHelpText('after', examples('policyExamples'));
  policy
    .command('validate')
    .argument('<file>')
    .description(h('policyValidate'))
    .action(act((ctx, file: string) => policyValidateCommand(ctx, file)));
  policy
    .command('show')
    .argument('<file>')
    .description(h('policyShow'))
    .option('-f, --format <format>', h('optShowFormat'))
    .action(act((ctx, file: string, options: { format?: string }) => policyShowCommand(ctx, file, options)));
  policy
    .command('init')
    .description(h('policyInit'))
    .option('-u, --units <file>', h('optInitUnits'))
    .option('-o, --out <file>', h('optInitOut'))
    .option('--name <name>', h('optInitName'))
    .option('--force', h('optForce'))
    .action(act((ctx, options: Parameters<typeof policyInitCommand>[1]) => policyInitCommand(ctx, options)));
  policy
    .command('packs')
    .description(h('policyPacks'))
    .action(act((ctx) => policyPacksCommand(ctx)));

  const catalog = program
    .command('catalog')
    .description(h('catalog'))
    .addHelpText('after', examples('catalogExamples'));
  catalog
    .command('match')
    .argument('<name>')
    .description(h('catalogMatch'))
    .option('--publisher <publisher>', h('optPublisher'))
    .option('--version <version>', h('optMatchVersion'))
    .option('--os-id <id>', h('optOsId'))
    .option('--policy <file>', h('optCatalogPolicy'))
    .action(
      act((ctx, name: string, options: Parameters<typeof catalogMatchCommand>[2]) =>
        catalogMatchCommand(ctx, name, options),
      ),
    );
  catalog
    .command('list')
    .description(h('catalogList'))
    .option('--class <class>', h('optClass'))
    .option('--policy <file>', h('optCatalogPolicy'))
    .action(act((ctx, options: { class?: string; policy?: string }) => catalogListCommand(ctx, options)));

  program
    .command('diff')
    .argument('<before>')
    .argument('<after>')
    .description(h('diff'))
    .option('-f, --format <format>', h('optDiffFormat'))
    .addHelpText('after', examples('diffExamples'))
    .action(
      act((ctx, before: string, after: string, options: { format?: string }) =>
        diffCommand(ctx, before, after, options),
      ),
    );

  return program;
}
