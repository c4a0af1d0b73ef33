export { listCarriers, findCarrier, networkOf, networks, type Carrier } from './carriers.js';
export { lookupZip, allZips, stateAbbr, countyName, type ZipPlace } from './regions.js';
export { countyPopulation, statePopulation, nationPopulation } from './population.js';
export { timeZoneOf } from './time-zones.js';
