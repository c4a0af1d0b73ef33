// `outage-desk` command line. Each command lives in its own file; this wires them to commander.
import { Command } from 'commander';
import { ConfigError } from '../config.js';
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

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof UsageError) {
    process.stderr.write(`error: ${err.message}\n`);
    process.exit(2);
  }
  throw err;
}
