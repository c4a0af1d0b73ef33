export { Cusum } from './cusum.js';
export { erfc, gaussianUpperTail } from './gaussian.js';
export { RollingQuantiles, lowerBound } from './rolling-quantiles.js';
export { RunningMoments, WindowMoments } from './welford.js';
