// The public incidents as Atom feeds (the `feed` package writes them): one for people and
// newsrooms, whose entries link to the status page, and one for emergency managers whose
// entries link to each incident's CAP 1.2 alert.
import { Feed } from 'feed';
import type { PublicIncident } from '../../status/index.js';
import type { Messages } from '../i18n/index.js';
import { incidentWords } from '../status/words.js';
import { msgTypeOf } from './cap.js';

export interface FeedContext {
  m: Messages;
  base: string; // "https://status.example.gov"
  officeName: string;
  timeZone: string;
  generatedAt: Date;
}

const updatedOf = (i: PublicIncident): Date => new Date(i.resolvedAt ?? i.detectedAt);

function feedOf(c: FeedContext, id: string, self: string, title: string, incidents: PublicIncident[]): Feed {
  const updated = incidents.reduce((t, i) => (updatedOf(i) > t ? updatedOf(i) : t), new Date(0));
  return new Feed({
    id: `${c.base}${id}`,
    title,
    description: c.m.feed.description,
    link: `${c.base}/status`,
    language: c.m.lang,
    updated: incidents.length ? updated : c.generatedAt,
    generator: 'Outage Desk',
    feedLinks: { atom: `${c.base}${self}` },
    author: { name: c.officeName },
  });
}

export function incidentsAtom(c: FeedContext, incidents: PublicIncident[]): string {
  const feed = feedOf(c, '/status/feed.atom', '/status/feed.atom', `${c.officeName}: ${c.m.feed.title}`, incidents);
  for (const i of incidents) {
    const words = incidentWords(c.m, i, c.timeZone, c.generatedAt.getTime());
    feed.addItem({
      title: words,
      id: `${c.base}/status#${i.id}`,
      link: `${c.base}/status`,
      description: words,
      date: updatedOf(i),
      published: new Date(i.detectedAt),
    });
  }
  return feed.atom1();
}

export function capAtom(c: FeedContext, incidents: PublicIncident[]): string {
  const feed = feedOf(c, '/status/cap.atom', '/status/cap.atom', `${c.officeName}: CAP 1.2`, incidents);
  for (const i of incidents) {
    feed.addItem({
      title: `${msgTypeOf(i)}: ${incidentWords(c.m, i, c.timeZone, c.generatedAt.getTime())}`,
      id: `${c.base}/status/cap/${i.id}.xml#${msgTypeOf(i)}`,
      link: `${c.base}/status/cap/${i.id}.xml`,
      date: updatedOf(i),
      published: new Date(i.detectedAt),
    });
  }
  return feed.atom1();
}
