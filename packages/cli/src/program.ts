/**
 * The commander program: every command, option and help text, built fresh for each run in the
 * run's locale. Actions return an exit code through `setExit`; errors propagate to `run`.
 * Command modules are imported when their command runs, so `--help` and `--version` start fast
 * (the reporters alone pull in a spreadsheet library).
 */

import type { Locale } from '@zhengban/core';
import { Command } from 'commander';
import type { CliContext } from './cli-io.js';
import type { AuditOptions } from './commands/audit.js';
import type { CatalogMatchOptions, CatalogSuggestOptions } from './commands/catalog.js';
import type { LedgerExportOptions } from './commands/ledger.js';
import type { PolicyInitOptions, PolicyValidateOptions } from './commands/policy.js';
import type { ScanOptions } from './commands/scan.js';
import { HELP_TITLES } from './help-text.js';
import { type HelpKey, help } from './messages.js';
import { CLI_VERSION } from './version.js';

export interface ProgramHooks {
  locale: Locale;
  /** Builds the command context from the merged global options. */
  context(globals: Record<string, unknown>): CliContext;
  setExit(code: number): void;
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const policyCommands = () => import('./commands/policy.js');
const catalogCommands = () => import('./commands/catalog.js');

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
    .option('-i, --input <kind:path>', h('optInput'), collect)
    .option('-u, --units <file>', h('optUnits'))
    .option('--hosts <file>', h('optHosts'))
    .option('-r, --report <format[:path]>', h('optReport'), collect)
    .option('--as-of <date>', h('optAsOf'))
    .option('--fail-on <level>', h('optFailOn'))
    .option('--since <report.json>', h('optSince'))
    .option('--split <by>', h('optSplit'))
    .option('--mergeable', h('optMergeable'))
    .option('--plan', h('optPlan'))
    .option('--details', h('optDetails'))
    .addHelpText('after', examples('auditExamples'))
    .action(
      act(async (ctx, options: AuditOptions) =>
        (await import('./commands/audit.js')).auditCommand(ctx, options),
      ),
    );

  program
    .command('scan')
    .description(h('scan'))
    .option('-i, --input <kind:path>', h('optInput'), collect)
    .option('-u, --units <file>', h('optUnits'))
    .option('--hosts <file>', h('optHosts'))
    .option('-o, --out <file>', h('optOut'))
    .addHelpText('after', examples('scanExamples'))
    .action(
      act(async (ctx, options: ScanOptions) =>
        (await import('./commands/scan.js')).scanCommand(ctx, options),
      ),
    );

  const policy = program
    .command('policy')
    .description(h('policy'))
    .addHelpText('after', examples('policyExamples'));
  policy
    .command('validate')
    .argument('<file>')
    .description(h('policyValidate'))
    .option('-u, --units <file>', h('optValidateUnits'))
    .option('-i, --input <kind:path>', h('optValidateInput'), collect, [])
    .action(
      act(async (ctx, file: string, options: PolicyValidateOptions) =>
        (await policyCommands()).policyValidateCommand(ctx, file, options),
      ),
    );
  policy
    .command('show')
    .argument('<file>')
    .description(h('policyShow'))
    .option('-f, --format <format>', h('optShowFormat'))
    .option('--own', h('optShowOwn'))
    .action(
      act(async (ctx, file: string, options: { format?: string; own?: boolean }) =>
        (await policyCommands()).policyShowCommand(ctx, file, options),
      ),
    );
  policy
    .command('init')
    .description(h('policyInit'))
    .option('-u, --units <file>', h('optInitUnits'))
    .option('-o, --out <file>', h('optInitOut'))
    .option('--name <name>', h('optInitName'))
    .option('--force', h('optForce'))
    .action(
      act(async (ctx, options: PolicyInitOptions) =>
        (await policyCommands()).policyInitCommand(ctx, options),
      ),
    );
  policy
    .command('packs')
    .description(h('policyPacks'))
    .action(act(async (ctx) => (await policyCommands()).policyPacksCommand(ctx)));

  program
    .command('ledger')
    .description(h('ledger'))
    .command('export')
    .description(h('ledgerExport'))
    .option('-p, --policy <file>', h('optPolicy'))
    .option('-o, --out <file>', h('optLedgerOut'))
    .option('--as-of <date>', h('optLedgerAsOf'))
    .option('--force', h('optForce'))
    .action(
      act(async (ctx, options: LedgerExportOptions) =>
        (await import('./commands/ledger.js')).ledgerExportCommand(ctx, options),
      ),
    );

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
      act(async (ctx, name: string, options: CatalogMatchOptions) =>
        (await catalogCommands()).catalogMatchCommand(ctx, name, options),
      ),
    );
  catalog
    .command('list')
    .description(h('catalogList'))
    .option('--class <class>', h('optClass'))
    .option('--policy <file>', h('optCatalogPolicy'))
    .action(
      act(async (ctx, options: { class?: string; policy?: string }) =>
        (await catalogCommands()).catalogListCommand(ctx, options),
      ),
    );
  catalog
    .command('suggest')
    .argument('<report>')
    .description(h('catalogSuggest'))
    .option('--top <n>', h('optTop'))
    .option('-o, --out <file>', h('optSuggestOut'))
    .option('--force', h('optForce'))
    .action(
      act(async (ctx, report: string, options: CatalogSuggestOptions) =>
        (await catalogCommands()).catalogSuggestCommand(ctx, report, options),
      ),
    );

  program
    .command('diff')
    .argument('<before>')
    .argument('<after>')
    .description(h('diff'))
    .option('-f, --format <format>', h('optDiffFormat'))
    .addHelpText('after', examples('diffExamples'))
    .action(
      act(async (ctx, before: string, after: string, options: { format?: string }) =>
        (await import('./commands/diff.js')).diffCommand(ctx, before, after, options),
      ),
    );

  program
    .command('explain')
    .argument('<report>')
    .argument('<finding-or-host>')
    .description(h('explain'))
    .addHelpText('after', examples('explainExamples'))
    .action(
      act(async (ctx, report: string, target: string) =>
        (await import('./commands/explain.js')).explainCommand(ctx, report, target),
      ),
    );

  program
    .command('merge')
    .argument('<reports...>')
    .description(h('merge'))
    .option('-o, --out <file>', h('optMergeOut'))
    .addHelpText('after', examples('mergeExamples'))
    .action(
      act(async (ctx, files: string[], options: { out?: string }) =>
        (await import('./commands/merge.js')).mergeCommand(ctx, files, options),
      ),
    );

  program
    .command('render')
    .argument('<report>')
    .description(h('render'))
    .option('-r, --report <format[:path]>', h('optRenderReport'), collect)
    .option('--split <by>', h('optSplit'))
    .addHelpText('after', examples('renderExamples'))
    .action(
      act(async (ctx, file: string, options: { report?: string[]; split?: string }) =>
        (await import('./commands/render.js')).renderCommand(ctx, file, options),
      ),
    );

  return program;
}
