#!/usr/bin/env node
// The `supervity-temporal` command: dispatches to one sub-command per file in src/cli/.
import { cancelCommand } from './cli/cancel';
import { chainCommand } from './cli/chain';
import type { CliCommand } from './cli/command';
import { demoCommand } from './cli/demo';
import { devCommand } from './cli/dev';
import { listCommand } from './cli/list';
import { runAsProcess } from './cli/main';
import { reviewCommand } from './cli/review';
import { runCommand } from './cli/run';
import { simulatorCommand } from './cli/simulator';
import { statusCommand } from './cli/status';
import { workerCommand } from './cli/worker';

/** Every sub-command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [
  demoCommand, devCommand, workerCommand, simulatorCommand, runCommand, reviewCommand, statusCommand, cancelCommand, listCommand, chainCommand,
];

if (require.main === module) runAsProcess(process.argv.slice(2), commands);
