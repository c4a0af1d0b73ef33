/**
 * "Never seen a value like this": a value beyond the whole range seen so far,
 * by more than a tolerance, is an anomaly however calm the rest of the series
 * looks. HTM's NAB detector adds the same rule (its "spatial anomaly") because
 * averaged raw scores are slow to react to a single extreme point.
 */
export class RangeNovelty {
  private min = Number.NEGATIVE_INFINITY;
  private max = Number.POSITIVE_INFINITY;
  private empty = true;

  /** @param tolerance widening of the seen range tolerated, as a fraction of it */
  constructor(private readonly tolerance: number) {}

  /** True when the value falls outside the range of all earlier values (plus tolerance); then learns it. */
  push(value: number): boolean {
    const slack = this.tolerance * (this.max - this.min);
    // Before any value, nothing is outside; after a constant stretch, any other value is.
    const outside = value > this.max + slack || value < this.min - slack;
    this.min = this.empty ? value : Math.min(this.min, value);
    this.max = this.empty ? value : Math.max(this.max, value);
    this.empty = false;
    return outside;
  }
}
