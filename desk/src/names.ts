// Words for codes: networks by the name people use, services, states. The carrier list is the
// server's own data file (src/reference/carriers.json), bundled, so the two never disagree.
import carriers from '../../src/reference/carriers.json';

const carrierNames = new Map(carriers.map((c) => [c.id, c.name]));

/** A network is named for its host brand (att -> AT&T); an unknown one keeps its id. */
export function networkName(id: string): string {
  return carrierNames.get(id) ?? id;
}

export const carrierName = networkName;

/** Networks to filter by: every host brand in the registry. */
export const NETWORKS: ReadonlyArray<{ id: string; name: string }> = [...new Set(carriers.map((c) => c.network))].map((id) => ({ id, name: networkName(id) }));

const SERVICE_WORDS: Record<string, string> = { voice: 'calls', sms: 'texts', data: 'mobile data', '911': '911 calls' };
export const serviceWord = (s: string): string => SERVICE_WORDS[s] ?? s;

/** Services most reporters named (a share of at least 30 %), most named first. */
export function mainServices(mix: Record<string, number>): string {
  const named = Object.entries(mix)
    .filter(([, share]) => share >= 0.3)
    .sort(([, a], [, b]) => b - a)
    .map(([s]) => serviceWord(s));
  return named.length ? named.join(', ') : 'none stands out';
}

/** State FIPS -> [postal abbreviation, name]. */
const STATES: Record<string, [string, string]> = {
  '01': ['AL', 'Alabama'], '02': ['AK', 'Alaska'], '04': ['AZ', 'Arizona'], '05': ['AR', 'Arkansas'], '06': ['CA', 'California'],
  '08': ['CO', 'Colorado'], '09': ['CT', 'Connecticut'], '10': ['DE', 'Delaware'], '11': ['DC', 'District of Columbia'], '12': ['FL', 'Florida'],
  '13': ['GA', 'Georgia'], '15': ['HI', 'Hawaii'], '16': ['ID', 'Idaho'], '17': ['IL', 'Illinois'], '18': ['IN', 'Indiana'], '19': ['IA', 'Iowa'],
  '20': ['KS', 'Kansas'], '21': ['KY', 'Kentucky'], '22': ['LA', 'Louisiana'], '23': ['ME', 'Maine'], '24': ['MD', 'Maryland'],
  '25': ['MA', 'Massachusetts'], '26': ['MI', 'Michigan'], '27': ['MN', 'Minnesota'], '28': ['MS', 'Mississippi'], '29': ['MO', 'Missouri'],
  '30': ['MT', 'Montana'], '31': ['NE', 'Nebraska'], '32': ['NV', 'Nevada'], '33': ['NH', 'New Hampshire'], '34': ['NJ', 'New Jersey'],
  '35': ['NM', 'New Mexico'], '36': ['NY', 'New York'], '37': ['NC', 'North Carolina'], '38': ['ND', 'North Dakota'], '39': ['OH', 'Ohio'],
  '40': ['OK', 'Oklahoma'], '41': ['OR', 'Oregon'], '42': ['PA', 'Pennsylvania'], '44': ['RI', 'Rhode Island'], '45': ['SC', 'South Carolina'],
  '46': ['SD', 'South Dakota'], '47': ['TN', 'Tennessee'], '48': ['TX', 'Texas'], '49': ['UT', 'Utah'], '50': ['VT', 'Vermont'],
  '51': ['VA', 'Virginia'], '53': ['WA', 'Washington'], '54': ['WV', 'West Virginia'], '55': ['WI', 'Wisconsin'], '56': ['WY', 'Wyoming'],
  '60': ['AS', 'American Samoa'], '66': ['GU', 'Guam'], '69': ['MP', 'Northern Mariana Islands'], '72': ['PR', 'Puerto Rico'], '78': ['VI', 'U.S. Virgin Islands'],
};

export const stateAbbr = (fips: string): string => STATES[fips.slice(0, 2)]?.[0] ?? fips;
export const stateName = (fips: string): string => STATES[fips.slice(0, 2)]?.[1] ?? `state ${fips}`;
export const STATE_LIST = Object.entries(STATES).map(([fips, [abbr, name]]) => ({ fips, abbr, name }));

export const STATUS_WORDS: Record<string, string> = { suspected: 'Suspected', confirmed: 'Confirmed', resolved: 'Resolved', dismissed: 'Dismissed' };
export const statusWord = (s: string): string => STATUS_WORDS[s] ?? s;

export const ROLE_WORDS: Record<string, string> = { admin: 'Admin', investigator: 'Investigator', analyst: 'Analyst' };
