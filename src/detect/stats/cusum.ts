/**
 * Two-sided CUSUM of standardised values (Page's test): accumulates evidence
 * of a sustained shift that no single value would reveal. `slack` is the
 * shift (in standard deviations) tolerated as noise, usually half the
 * smallest shift worth detecting.
 */
export class Cusum {
  private up = 0;
  private down = 0;

  constructor(private readonly slack: number) {}

  /** Adds one standardised value; returns the larger of the two one-sided statistics. */
  push(z: number): number {
    this.up = Math.max(0, this.up + z - this.slack);
    this.down = Math.max(0, this.down - z - this.slack);
    return Math.max(this.up, this.down);
  }

  /**
   * Chance that pure noise (unit variance, no shift) ever pushes the statistic
   * this high: a random walk with drift -slack exceeds s with probability
   * about exp(-2 * slack * s) (Siegmund). Doubled for the two sides.
   */
  tail(statistic: number): number {
    return Math.min(1, 2 * Math.exp(-2 * this.slack * statistic));
  }

  reset(): void {
    this.up = 0;
    this.down = 0;
  }
}
