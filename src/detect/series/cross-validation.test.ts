import { describe, expect, it } from 'vitest';
import {
  chooseOnTraining,
  type Fold,
  leaveOneCategoryOut,
  nestedStableChoices,
  normalisedScore,
  stableChoice,
} from './cross-validation.js';

const FILES = ['a/1.csv', 'a/2.csv', 'b/1.csv', 'c/1.csv', 'c/2.csv', 'c/3.csv', 'd/1.csv'];
const CONFIGS = ['steady', 'lucky', 'plain'];

/**
 * A fake score table, per configuration and category. "lucky" is best on all
 * files only thanks to category d, where it is far ahead; "steady" is a close
 * second everywhere; "plain" is a bit worse everywhere.
 */
const TABLE: Record<string, Record<string, number>> = {
  steady: { a: 70, b: 70, c: 70, d: 70 },
  lucky: { a: 71, b: 71, c: 60, d: 99 },
  plain: { a: 69, b: 69, c: 69, d: 69 },
};

/** Scores a config on a fold's training files only (mean over their categories), recording what it was asked about. */
function scorer(asked: Array<readonly string[]>) {
  return (config: string, fold: Fold): number => {
    asked.push(fold.trainFiles);
    const cats = [...new Set(fold.trainFiles.map((f) => f.split('/')[0] as string))];
    return cats.reduce((s, c) => s + (TABLE[config]?.[c] as number), 0) / cats.length;
  };
}

describe('leaveOneCategoryOut', () => {
  it('makes one fold per category, holding out exactly that category', () => {
    const folds = leaveOneCategoryOut(FILES);
    expect(folds.map((f) => f.heldOut)).toEqual(['a', 'b', 'c', 'd']);
    for (const fold of folds) {
      expect(fold.testFiles.every((f) => f.startsWith(`${fold.heldOut}/`))).toBe(true);
      expect(fold.trainFiles.some((f) => f.startsWith(`${fold.heldOut}/`))).toBe(false);
      expect([...fold.trainFiles, ...fold.testFiles].sort()).toEqual([...FILES].sort());
      expect(fold.trainCategories).toEqual(['a', 'b', 'c', 'd'].filter((c) => c !== fold.heldOut));
    }
  });

  it('refuses a data set of one category or a file outside any category', () => {
    expect(() => leaveOneCategoryOut(['a/1.csv', 'a/2.csv'])).toThrow(/two categories/);
    expect(() => leaveOneCategoryOut(['a/1.csv', 'loose.csv'])).toThrow(/no category/);
  });
});

describe('chooseOnTraining', () => {
  it('chooses on the other categories only', () => {
    const asked: Array<readonly string[]> = [];
    const choices = chooseOnTraining(CONFIGS, leaveOneCategoryOut(FILES), scorer(asked));
    // Holding out d removes lucky's lead; with d in training, lucky wins.
    expect(Object.fromEntries(choices.map((c) => [c.fold.heldOut, c.chosen]))).toEqual({
      a: 'lucky',
      b: 'lucky',
      c: 'lucky',
      d: 'steady',
    });
    const dFold = choices.find((c) => c.fold.heldOut === 'd');
    expect(dFold?.ranking).toEqual(['steady', 'plain', 'lucky']);
    for (const files of asked) expect(new Set(files.map((f) => f[0])).size).toBe(3);
  });

  it('breaks a tie by grid order', () => {
    const [choice] = chooseOnTraining(['first', 'second'], leaveOneCategoryOut(FILES).slice(0, 1), () => 50);
    expect(choice?.chosen).toBe('first');
  });
});

describe('stableChoice', () => {
  it('prefers the configuration never far from the best over the one most folds chose', () => {
    const choices = chooseOnTraining(CONFIGS, leaveOneCategoryOut(FILES), scorer([]));
    const stable = stableChoice(CONFIGS, choices);
    expect(stable.name).toBe('steady');
    expect(stable.worstRank).toBe(2);
    expect(stable.votes).toBe(1);
    expect(stable.reason).toMatch(/lucky, chosen by 3, falls to rank 3/);
  });

  it('is computed inside each fold without looking at its held-out category', () => {
    // Without c, lucky has no weak category left: it is best in every inner fold.
    const expected: Record<string, string> = { a: 'steady', b: 'steady', c: 'lucky', d: 'steady' };
    for (const fold of leaveOneCategoryOut(FILES)) {
      const asked: Array<readonly string[]> = [];
      const [nested] = nestedStableChoices(CONFIGS, [fold], scorer(asked));
      expect(nested?.chosen).toBe(expected[fold.heldOut]);
      expect(asked.length).toBeGreaterThan(0);
      // Inner folds train on two of the outer fold's three training categories, never on its held-out one.
      for (const files of asked) {
        expect(new Set(files.map((f) => f[0])).size).toBe(2);
        expect(files.some((f) => f.startsWith(`${fold.heldOut}/`))).toBe(false);
      }
    }
  });
});

describe('normalisedScore', () => {
  it('pools raw scores and normalises them as NAB does: null detector 0, perfect 100', () => {
    expect(normalisedScore([-3, -2, -1], -6, 4)).toBe(0);
    expect(normalisedScore([1, 3], -6, 4)).toBe(100);
    expect(normalisedScore([-1, 0], -6, 4)).toBe(50);
  });
});
