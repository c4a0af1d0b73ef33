// Detection as a server background worker (see live.ts); logs what it finds.
import type { AppContext } from '../http/context.js';
import { startLiveDetection, type LiveDetection, type LiveOptions } from '../incidents/index.js';

type Tuning = Pick<LiveOptions, 'settleMs' | 'lateMs' | 'warmupDays' | 'pollMs'>;

/** The worker with tuned timings; `onStart` receives the running detection (the demo drains it). */
export function liveDetectionWorker(tuning: Tuning = {}, onStart?: (live: LiveDetection) => void) {
  return async (ctx: AppContext): Promise<{ stop(): Promise<void> }> => {
    if (!ctx.config.detect) return { stop: async () => {} };
    const live = await startLiveDetection({
      ...tuning,
      store: ctx.store,
      databaseUrl: ctx.config.databaseUrl,
      clock: ctx.clock,
      onError: (err) => process.stderr.write(`detection: ${err instanceof Error ? err.message : String(err)}\n`),
      onChanges: (changes) => {
        for (const c of changes) {
          if (c.type === 'updated') continue;
          const i = c.incident;
          process.stdout.write(`incident ${c.type}: ${i.id} ${i.kind} ${i.network} ${i.scope.level} ${i.scope.regions.slice(0, 6).join(',')}${i.scope.regions.length > 6 ? '…' : ''}\n`);
        }
      },
    });
    // Its cost on the main thread, for bench:intake and operators (seconds, Prometheus style).
    ctx.metrics.gauge('detect_live_reports_total', 'Reports fed to live detection', () => live.cost().reports);
    ctx.metrics.gauge('detect_live_engine_seconds_total', 'Seconds live detection spent in the engine (main thread)', () => live.cost().engineMs / 1000);
    ctx.metrics.gauge('detect_live_poll_seconds_total', 'Seconds of live detection polls: store reads, engine, incident writes', () => live.cost().tickMs / 1000);
    onStart?.(live);
    return live;
  };
}

export const detectionWorker = liveDetectionWorker();
