import { parseArgs } from 'node:util';
import { APP_NAME, APP_VERSION } from '../../shared/version';
import type { CliIo, Command } from './command';
import { costsCommand } from './commands/costs';
import { snapshotCommand } from './commands/snapshot';
import { timelineCommand } from './commands/timeline';
import { transitionCommand } from './commands/transition';
import { trendCommand } from './commands/trend';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { initCommand } from './commands/init';
import { planCommand } from './commands/plan';
import { reportCommand } from './commands/report';
import { serveCommand } from './commands/serve';
import { bandsCommand, settingsCommand } from './commands/settings';
import { simulateWithdrawalCommand } from './commands/simulate-withdrawal';
import { versionCommand } from './commands/version';
import { describeError, exitCodeFor, UsageError } from './errors';

export const COMMANDS: readonly Command[] = [initCommand, infoCommand, importCommand, reportCommand, costsCommand, simulateWithdrawalCommand, snapshotCommand, trendCommand, timelineCommand, transitionCommand, planCommand, settingsCommand, bandsCommand, exportCommand, serveCommand, versionCommand];

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `${APP_NAME} ${APP_VERSION}: home-care coverage planning.`,
    '',
    'Usage: carecover <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "carecover <command> --help" for the options of one command.',
    'Exit codes: 0 success, 2 bad input, 1 internal error.',
  ].join('\n');
}

/** Runs one command line; returns the exit code instead of exiting, so tests can call it. */
export async function run(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return 0;
  }
  if (name === '--version' || name === '-v') return versionCommand.run({ values: {}, positionals: [] }, io);
  try {
    const command = COMMANDS.find((c) => c.name === name);
    if (!command) throw new UsageError(`Unknown command "${name}". Run "carecover --help" to list the commands.`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`Usage: ${command.usage}`);
      return 0;
    }
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError(`${describeError(error)} Usage: ${command.usage}`);
    }
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
  } catch (error) {
    const code = exitCodeFor(error);
    io.err(`carecover: ${describeError(error)}`);
    if (code === 1 && error instanceof Error && error.stack) io.err(error.stack);
    return code;
  }
}

/** Entry point of the bundled CLI (bin/carecover.cjs). */
export async function main(argv: string[]): Promise<number> {
  const stopSignal = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  // A reader that stops early (`carecover report | head`) closes the pipe: what was done is done, so end quietly.
  let closed = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return run(argv, {
    out: (line) => {
      if (!closed) process.stdout.write(line + '\n');
    },
    err: (line) => process.stderr.write(line + '\n'),
    env: process.env,
    stopSignal,
  });
}
