// `outage-desk` command line. Each command lives in its own file; this wires them to commander.
import { Command } from 'commander';
import { ConfigError } from '../config.js';
import { ProblemError } from '../problems/index.js';
import { registerAttribution } from './attribution.js';
import { registerAudit } from './audit.js';
import { registerDataSafety } from './data-safety.js';
import { registerDetect } from './detect.js';
import { registerImport } from './import.js';
import { registerIncidents } from './incidents.js';
import { UsageError } from './options.js';
import { registerServe } from './serve.js';
import { registerSimulate } from './simulate.js';
import { registerUser } from './user.js';

const program = new Command()
  .name('outage-desk')
  .description('Telecom outage desk: public report intake, outage detection, investigation.\nConfiguration comes from environment variables (see README): PORT, DATA_DIR, DATABASE_URL, ...')
  .version('0.1.0')
  .showHelpAfterError();

registerServe(program);
registerImport(program);
registerUser(program);
registerIncidents(program);
registerSimulate(program);
registerDetect(program);
registerAudit(program);
registerAttribution(program);
registerDataSafety(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  // A refusal (no such account, last admin, bad input) or a fault: one line, never a stack trace.
  const message = err instanceof ProblemError ? err.problem.errors?.map((e) => `${e.path} ${e.message}`).join('; ') || err.message : err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message}\n`);
  process.exit(err instanceof ProblemError && err.problem.status < 500 ? 2 : 1);
}
