// A small server-sent events reader over fetch, for tests of the public stream.
export interface SseEvent {
  event: string;
  data: string;
}

export async function openSse(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const res = await fetch(url, { headers, signal: controller.signal });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const seen: SseEvent[] = [];
  async function* frames(): AsyncGenerator<SseEvent> {
    for (;;) {
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const lines = buffer.slice(0, cut).split('\n');
        buffer = buffer.slice(cut + 2);
        const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? (lines[0]?.startsWith(': ') ? lines[0] : undefined);
        if (event) yield { event, data: lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n') };
      }
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
    }
  }
  const stream = frames();
  return {
    res,
    /** Every event read so far (to check what was not sent). */
    seen,
    async next(test: (e: SseEvent) => boolean): Promise<SseEvent> {
      for (;;) {
        const r = await stream.next();
        if (r.done) throw new Error('stream ended');
        seen.push(r.value);
        if (test(r.value)) return r.value;
      }
    },
    close: () => controller.abort(),
  };
}
