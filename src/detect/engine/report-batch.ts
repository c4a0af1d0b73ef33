// The engine's input: reports as columns. What the engine needs of a report is a handful of
// numbers (time, network, county, services, called network, fingerprint hash); as objects
// they were a pointer chase each (the services array, the fingerprint string), and the
// strings were parsed again by every reader. A batch is filled once, by whoever reads the
// reports (the store's replay, the live tail, the simulator), and read by the engine in order.
import { denseCounty } from './county-numbers.js';
import { hashFingerprint } from './dedupe.js';
import { serviceMask } from './report-log.js';
import type { DetectionReport } from './types.js';

export class ReportBatch {
  length = 0;
  private capacity: number;
  receivedAt: Float64Array;
  /** the batch's own network number: an index into `networks` */
  network: Uint8Array;
  /** the called network's batch number, -1 for none */
  called: Int16Array;
  /** services as bits (report-log's serviceMask) */
  services: Uint8Array;
  /** two 32-bit hashes of the fingerprint (the engine mixes in the network) */
  fpA: Int32Array;
  fpB: Int32Array;
  /** dense county number (county-numbers), -1 when the code is not a 5-digit FIPS code */
  county: Int32Array;
  countyCode: string[] = [];
  state: string[] = [];
  /** network names by batch number, in order of first sight */
  readonly networks: string[] = [];
  private readonly networkIds = new Map<string, number>();

  constructor(capacity = 4096) {
    this.capacity = capacity;
    this.receivedAt = new Float64Array(capacity);
    this.network = new Uint8Array(capacity);
    this.called = new Int16Array(capacity);
    this.services = new Uint8Array(capacity);
    this.fpA = new Int32Array(capacity);
    this.fpB = new Int32Array(capacity);
    this.county = new Int32Array(capacity);
  }

  /** Empties the batch (its network numbers stay). */
  clear(): void {
    this.length = 0;
  }

  add(r: DetectionReport): void {
    this.addFields(r.receivedAt, r.network, r.county, r.state, serviceMask(r.services), r.calledNetwork, r.fingerprint);
  }

  /** A report from its fields (`services`: serviceMask's bits), without a report object. */
  addFields(receivedAt: number, network: string, county: string, state: string, services: number, called: string | null, fingerprint: string): void {
    if (this.length === this.capacity) this.grow();
    const i = this.length++;
    this.receivedAt[i] = receivedAt;
    this.network[i] = this.networkId(network);
    this.called[i] = called === null ? -1 : this.networkId(called);
    this.services[i] = services;
    hashFingerprint(fingerprint, this.fpA, this.fpB, i);
    this.county[i] = denseCounty(county);
    this.countyCode[i] = county;
    this.state[i] = state;
  }

  private networkId(name: string): number {
    let id = this.networkIds.get(name);
    if (id === undefined) {
      // The engine numbers at most 255 networks (its report log's byte column); so does a batch.
      if (this.networks.length >= 255) throw new RangeError('a report batch holds at most 255 networks');
      id = this.networks.length;
      this.networks.push(name);
      this.networkIds.set(name, id);
    }
    return id;
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Float64Array | Uint8Array | Int16Array | Int32Array>(a: T, make: (n: number) => T): T => {
      const b = make(this.capacity);
      b.set(a);
      return b;
    };
    this.receivedAt = grown(this.receivedAt, (n) => new Float64Array(n));
    this.network = grown(this.network, (n) => new Uint8Array(n));
    this.called = grown(this.called, (n) => new Int16Array(n));
    this.services = grown(this.services, (n) => new Uint8Array(n));
    this.fpA = grown(this.fpA, (n) => new Int32Array(n));
    this.fpB = grown(this.fpB, (n) => new Int32Array(n));
    this.county = grown(this.county, (n) => new Int32Array(n));
  }
}
