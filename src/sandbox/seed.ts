/**
 * Deterministic randomness for the simulator: hashes, ids and Dutch-looking fictional values.
 * Everything is a pure function of (seed, kind, number), never stored: an id encodes its number,
 * so a lookup decodes the id, regenerates it and compares. That keeps 10,000 employers free.
 */

/** Largest employer count the id encoding supports comfortably. */
export const MAX_EMPLOYERS = 1_000_000;

/** What an id identifies; one hex digit of every id carries it. */
export const Kind = {
  employer: 1,
  employerUser: 2,
  providerUser: 3,
  administration: 4,
  team: 5,
  authorizationSet: 6,
  provider: 7,
  activity: 8,
  right: 9,
  module: 10,
  role: 11,
  tenant: 12,
} as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A well-mixed unsigned 32-bit hash of a list of integers. */
export function hash32(...parts: number[]): number {
  let h = 0x2545f491;
  for (const part of parts) h = fmix32((h ^ part) + 0x9e3779b9);
  return h;
}

/** FNV-1a, to turn request paths into hash input. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A stream of unsigned 32-bit numbers: the hash of the parts, then of a counter. */
export function stream(...parts: number[]): () => number {
  const base = hash32(...parts);
  let counter = 0;
  return () => hash32(base, ++counter);
}

export function pick<T>(list: readonly T[], random: number): T {
  return list[random % list.length] as T;
}

const hex = (value: number, width: number): string => (value >>> 0).toString(16).padStart(width, '0').slice(-width);

export interface Ids {
  uuid(kind: Kind, n: number): string;
  /** The number an id of this kind encodes, or undefined when it is not one of ours. */
  numberOf(kind: Kind, id: string): number | undefined;
}

/** Random-looking v4 UUIDs whose last 8 hex digits carry the number, masked per seed and kind. */
export function createIds(seed: number): Ids {
  const idMask = (kind: number): number => hash32(seed, kind, 0x1d5);
  function uuid(kind: Kind, n: number): string {
    const random = stream(seed, kind, n);
    return [
      hex(random(), 8),
      hex(random(), 4),
      `4${hex(random(), 3)}`,
      hex(0x8000 | (random() & 0x3fff), 4),
      `${kind.toString(16)}${hex(random(), 3)}${hex(n ^ idMask(kind), 8)}`,
    ].join('-');
  }
  const pattern = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-([0-9a-f])[0-9a-f]{3}([0-9a-f]{8})$/;
  return {
    uuid,
    numberOf(kind, id) {
      const normalised = id.toLowerCase();
      const match = pattern.exec(normalised);
      if (!match || parseInt(match[1] as string, 16) !== kind) return undefined;
      const n = (parseInt(match[2] as string, 16) ^ idMask(kind)) >>> 0;
      return uuid(kind, n) === normalised ? n : undefined;
    },
  };
}

/** Nine digits passing the 11-proef (weights 9…2, −1 on the last) or failing it, then L01/L02. */
export function payrollTaxNumber(random: () => number, subnumber: number, valid: boolean): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + (random() % 9) : random() % 10));
    const sum = digits.reduce((total, digit, i) => total + digit * (9 - i), 0);
    const check = sum % 11;
    if (check === 10) continue;
    // Any other last digit breaks the 11-proef, because the valid one is unique.
    const last = valid ? check : (check + 1) % 10;
    return `${digits.join('')}${last}L${String(subnumber).padStart(2, '0')}`;
  }
}

export const TRADES = [
  { trade: 'Bakkerij', sbi: ['1071', 'Vervaardiging van brood en banket'], branch: 'Voedingsmiddelenindustrie' },
  { trade: 'Installatiebedrijf', sbi: ['4322', 'Loodgieters- en fitterswerk; installatie van sanitair'], branch: 'Bouw' },
  { trade: 'Hoveniersbedrijf', sbi: ['8130', 'Landschapsverzorging'], branch: 'Groenvoorziening' },
  { trade: 'Transportbedrijf', sbi: ['4941', 'Goederenvervoer over de weg'], branch: 'Vervoer' },
  { trade: 'Schildersbedrijf', sbi: ['4334', 'Schilderen en glaszetten'], branch: 'Bouw' },
  { trade: 'Autobedrijf', sbi: ['4520', 'Onderhoud en reparatie van auto\u2019s'], branch: 'Motorvoertuigen' },
  { trade: 'Kinderopvang', sbi: ['8891', 'Kinderopvang'], branch: 'Welzijn' },
  { trade: 'Tandartspraktijk', sbi: ['8623', 'Tandartspraktijken'], branch: 'Gezondheidszorg' },
  { trade: 'Drukkerij', sbi: ['1813', 'Prepress- en premediadiensten'], branch: 'Grafische industrie' },
  { trade: 'Bouwbedrijf', sbi: ['4120', 'Algemene burgerlijke en utiliteitsbouw'], branch: 'Bouw' },
  { trade: 'Adviesbureau', sbi: ['7022', 'Organisatieadviesbureaus'], branch: 'Zakelijke dienstverlening' },
  { trade: 'Fietsenmakerij', sbi: ['9529', 'Reparatie van overige consumentenartikelen'], branch: 'Detailhandel' },
] as const;
export const FAMILY_NAMES = [
  'Van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'De Boer',
  'Mulder',
  'De Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Van Leeuwen',
  'Dekker',
  'Brouwer',
  'De Wit',
  'Dijkstra',
  'Kok',
  'Jacobs',
  'Vermeulen',
  'Van der Linden',
  'Kuipers',
  'Willemsen',
  'Postma',
] as const;
export const LEGAL_FORMS = [
  { suffix: 'B.V.', key: 1, value: 'Besloten vennootschap' },
  { suffix: 'V.O.F.', key: 4, value: 'Vennootschap onder firma' },
  { suffix: '& Zonen B.V.', key: 1, value: 'Besloten vennootschap' },
] as const;
export const STREETS = ['Dorpsstraat', 'Kerkstraat', 'Stationsweg', 'Molenweg', 'Industrieweg', 'Marktplein', 'Havenkade', 'Julianalaan'] as const;
export const CITIES = [
  { city: 'Utrecht', province: [6, 'Utrecht'] },
  { city: 'Amersfoort', province: [6, 'Utrecht'] },
  { city: 'Zwolle', province: [4, 'Overijssel'] },
  { city: 'Haarlem', province: [8, 'Noord-Holland'] },
  { city: 'Leiden', province: [9, 'Zuid-Holland'] },
  { city: 'Breda', province: [11, 'Noord-Brabant'] },
  { city: 'Groningen', province: [1, 'Groningen'] },
  { city: 'Arnhem', province: [5, 'Gelderland'] },
] as const;
export const EMPLOYER_USER_NAMES = [
  ['L.', 'Visser'],
  ['R.', 'Smit'],
  ['E.', 'Meijer'],
  ['K.', 'de Boer'],
  ['F.', 'Mulder'],
  ['N.', 'Bos'],
  ['T.', 'Vos'],
  ['A.', 'de Jong'],
] as const;

/** "1234 AB": four digits, not starting with 0, and two letters (no SA, SD or SS). */
export function postalCode(random: number): string {
  const letters = 'ABCEGHJKLMNPRTVWXZ';
  const first = letters[Math.floor(random / 9000) % letters.length] as string;
  const second = letters[Math.floor(random / 7) % letters.length] as string;
  return `${1000 + (random % 9000)} ${first}${second}`;
}
