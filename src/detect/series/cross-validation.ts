/**
 * Leave-one-category-out cross-validation of the series detector's settings
 * (used by bench/nab.ts). A score on the files the settings were chosen on is
 * optimistic; holding out one whole category at a time — choosing the
 * configuration (and the alarm threshold) on the other categories only and
 * scoring it on the held-out one — estimates the score on kinds of series the
 * detector has not seen. Pure: the caller supplies the scores.
 */

export interface Fold {
  /** The category held out: scored, never chosen on. */
  readonly heldOut: string;
  /** The categories chosen on, in name order. */
  readonly trainCategories: readonly string[];
  readonly trainFiles: readonly string[];
  readonly testFiles: readonly string[];
}

/** A file's category is the first folder of its path relative to the data set ("realKnownCause/x.csv"). */
export function categoryOf(file: string): string {
  const slash = file.indexOf('/');
  if (slash <= 0) throw new RangeError(`${file}: no category folder`);
  return file.slice(0, slash);
}

/** One fold per category, in name order; every other category's files train it. */
export function leaveOneCategoryOut(files: readonly string[]): Fold[] {
  const categories = [...new Set(files.map(categoryOf))].sort();
  if (categories.length < 2) throw new RangeError('cross-validation needs at least two categories');
  return categories.map((heldOut) => ({
    heldOut,
    trainCategories: categories.filter((c) => c !== heldOut),
    trainFiles: files.filter((f) => categoryOf(f) !== heldOut),
    testFiles: files.filter((f) => categoryOf(f) === heldOut),
  }));
}

export interface FoldChoice {
  readonly fold: Fold;
  readonly chosen: string;
  /** Configurations best first by their score on the fold's training files. */
  readonly ranking: readonly string[];
  readonly trainScores: ReadonlyMap<string, number>;
}

/** Best first; equal scores keep grid order, so the earlier (simpler) candidate wins a tie. */
function rank(configs: readonly string[], score: (c: string) => number): string[] {
  return configs
    .map((c, i) => ({ c, i, s: score(c) }))
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .map((x) => x.c);
}

/**
 * For each fold, the configuration best on its training files.
 * `trainScore(config, fold)` must score the config on `fold.trainFiles` only.
 */
export function chooseOnTraining(
  configs: readonly string[],
  folds: readonly Fold[],
  trainScore: (config: string, fold: Fold) => number,
): FoldChoice[] {
  return folds.map((fold) => {
    const trainScores = new Map(configs.map((c) => [c, trainScore(c, fold)] as const));
    const ranking = rank(configs, (c) => trainScores.get(c) as number);
    return { fold, chosen: ranking[0] as string, ranking, trainScores };
  });
}

export interface StableChoice {
  readonly name: string;
  /** Folds that chose it on their training files. */
  readonly votes: number;
  /** Its worst rank (1 = best) over the folds' training rankings. */
  readonly worstRank: number;
  readonly meanTrainScore: number;
  readonly reason: string;
}

/**
 * The configuration stable across folds: the best worst rank over the folds'
 * training rankings (never far from the best, whichever category is missing),
 * then chosen by the most folds, then the best mean training score. A
 * configuration that wins most folds can owe its lead to one category and
 * drop far down when that one is left out; this rule does not take it. Only
 * training scores are used, so held-out scores stay an honest estimate.
 */
export function stableChoice(configs: readonly string[], choices: readonly FoldChoice[]): StableChoice {
  const stats = configs.map((name, i) => {
    const ranks = choices.map((ch) => ch.ranking.indexOf(name) + 1);
    const scores = choices.map((ch) => ch.trainScores.get(name) as number);
    return {
      name,
      i,
      votes: choices.filter((ch) => ch.chosen === name).length,
      worstRank: Math.max(...ranks),
      meanTrainScore: scores.reduce((a, b) => a + b, 0) / scores.length,
    };
  });
  stats.sort((a, b) => a.worstRank - b.worstRank || b.votes - a.votes || b.meanTrainScore - a.meanTrainScore || a.i - b.i);
  const best = stats[0];
  if (!best) throw new RangeError('no configurations');
  const mostVoted = [...stats].sort((a, b) => b.votes - a.votes || a.i - b.i)[0] as (typeof stats)[number];
  const reason =
    `worst rank ${best.worstRank} of ${configs.length} over the ${choices.length} folds' training scores, chosen by ${best.votes}` +
    (mostVoted.name === best.name ? '' : `; ${mostVoted.name}, chosen by ${mostVoted.votes}, falls to rank ${mostVoted.worstRank}`);
  return { name: best.name, votes: best.votes, worstRank: best.worstRank, meanTrainScore: best.meanTrainScore, reason };
}

/**
 * The stable choice made inside each fold, for an honest estimate of the
 * stable rule itself (nested cross-validation): each fold's training
 * categories are split again leaving one out, and the held-out category of
 * the outer fold is never looked at.
 */
export function nestedStableChoices(
  configs: readonly string[],
  folds: readonly Fold[],
  trainScore: (config: string, fold: Fold) => number,
): Array<{ readonly fold: Fold; readonly chosen: string }> {
  return folds.map((fold) => {
    const inner = chooseOnTraining(configs, leaveOneCategoryOut(fold.trainFiles), trainScore);
    return { fold, chosen: stableChoice(configs, inner).name };
  });
}

/**
 * NAB's normalisation of pooled raw scores: 100 × (raw − null) / (perfect − null),
 * with the null detector's and a perfect detector's raw scores over the same files.
 * Pooling the held-out folds' raw scores and normalising once with the whole
 * set's null and perfect puts the cross-validated score on the dev score's scale.
 */
export function normalisedScore(raws: readonly number[], nullRaw: number, perfect: number): number {
  const raw = raws.reduce((a, b) => a + b, 0);
  return (100 * (raw - nullRaw)) / (perfect - nullRaw);
}
