// A server process (the built dist/, as `outage-desk serve` runs it) on an accelerated clock
// shared with the test: sim time = T0 + (real - T0) × SPEED, from the environment
// (OD_TEST_CLOCK_T0 in ms, OD_TEST_CLOCK_SPEED). Live detection (DETECT=true) polls quickly,
// so minutes of reports pass in seconds. Prints the listening line and each incident it opens.
import { loadConfig } from '../../dist/config.js';
import { startServer } from '../../dist/http/server.js';
import { liveDetectionWorker } from '../../dist/cli/detection-worker.js';

const t0 = Number(process.env.OD_TEST_CLOCK_T0);
const speed = Number(process.env.OD_TEST_CLOCK_SPEED ?? 1);
const clock = () => new Date(t0 + (Date.now() - t0) * speed);
const server = await startServer(loadConfig(process.env), { clock, background: [liveDetectionWorker({ pollMs: 100, settleMs: 200 })] });
process.once('SIGTERM', () => server.stop().then(() => process.exit(0)));
