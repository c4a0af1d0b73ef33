// Times, durations and counts as an investigator reads them: UTC first (what the carrier and
// the FCC use), the viewer's own zone beside it.
const UTC = new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', day: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const LOCAL = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

export const utc = (iso: string): string => `${UTC.format(new Date(iso))} UTC`;
export const local = (iso: string): string => LOCAL.format(new Date(iso));
export const localZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function hoursMinutes(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min`;
}

/** "11 h 19 min", or "ongoing 2 h 5 min" for an incident not resolved yet. */
export function duration(onsetAt: string, resolvedAt: string | null, now = Date.now()): string {
  if (resolvedAt) return hoursMinutes(Date.parse(resolvedAt) - Date.parse(onsetAt));
  return `ongoing ${hoursMinutes(now - Date.parse(onsetAt))}`;
}

export const count = (n: number): string => n.toLocaleString('en-US');
export const percent = (share: number): string => `${Math.round(share * 100)} %`;
