/**
 * `dump check <dir>` (issue 14): before an office sends a dump in, say what it holds that must not
 * leave the office — a token or secret the redaction missed (an error: remove it) — and what
 * personal data it holds (a warning: names, e-mail addresses, phone numbers, user names), with
 * `--strip-personal` to blank the personal data in place while keeping every JSON shape and type,
 * so the stripped dump still replays.
 *
 * Findings name the file, the JSON path and the kind, never the value: only a masked form.
 *
 * What is personal, and what is kept (README "Recording a dump"):
 * - names: `firstName`, `initials`, `prefix`, `lastName` (and partner / birth name variants), `name`
 *   of a contact (an employer's contact person), and in verdicts.json `user.name` and `authorization.by`; stripped letter by letter (`J. de Vries` →
 *   `X. xx Xxxxx`), so the display name the tool builds from them stays the same shape;
 * - e-mail addresses, in any string: replaced by `x@x.example`;
 * - phone numbers (keys with phone / mobile / telefoon / fax): digits become 0;
 * - user names (`userName`): replaced by `user-1`, `user-2`…, the same for the same name in every
 *   file. The webservice user's name is kept (verdicts.json names it, and the E8 filter
 *   `userName eq '…'` shows it): the replay looks it up by name.
 * - Kept as business data: company names, provider and team names, addresses of employers,
 *   employer numbers, loonheffingennummers (they are in the verdicts too). `--keep <value>` keeps
 *   any other value the user chooses to share.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../store/atomic.js';
import { REDACTED, isSecretKey } from '../loket/redact.js';
import { resolveDumpDir, VERDICTS_FILE } from './read.js';

export type FindingKind = 'token' | 'secret' | 'email' | 'name' | 'phone' | 'user-name';
/** Why a value counts as a token or secret. */
export type FindingRule = 'bearer' | 'basic' | 'jwt' | 'header' | 'parameter' | 'known' | 'key' | 'random' | 'personal';

export interface Finding {
  /** Relative to the dump directory. */
  file: string;
  /** JSON path (`$.body._embedded[0].userName`), or `line N` in a file that is not JSON. */
  path: string;
  kind: FindingKind;
  /** error: must be removed before sharing; warning: personal data, the user decides. */
  severity: 'error' | 'warning';
  rule: FindingRule;
  /** Never the value itself. */
  masked: string;
  length: number;
}

export interface CheckOptions {
  /** Values (e-mail addresses, user names) the user chooses to keep: neither reported nor stripped. */
  keep?: readonly string[];
  /** Secrets the tool knows (LOKET_ACCESS_TOKEN…): found in raw, base64 and URL-encoded form. */
  knownSecrets?: readonly (string | undefined)[];
}

export interface CheckReport {
  dir: string;
  /** Every file looked at, relative to `dir`. */
  files: string[];
  findings: Finding[];
  /** Values kept on purpose: the webservice user's name and `--keep`. */
  kept: string[];
}

export interface StripResult extends CheckReport {
  /** Files rewritten by `--strip-personal`. */
  rewritten: string[];
}

const EMAIL_PLACEHOLDER = 'x@x.example';
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const NAME_KEY = /^(firstName|initials|prefix|lastName|lastNamePartner|prefixPartner|birthName|fullName|displayName)$/i;
const CONTACT_KEY = /contact|person/i;
const PHONE_KEY = /phone|mobile|telefoon|fax/i;
const USER_NAME_KEY = /^userName$/i;
/** Logos and photos are pictures (base64), not tokens. */
const PICTURE_KEY = /logo|photo|image|picture/i;
/** Secret-looking keys beyond redact.ts's: a bare `code` is the OAuth authorization code. */
const EXTRA_SECRET_KEY = /passwd|pwd|api[-_]?key|^code$|credential/i;
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** What `--strip-personal` puts in place of a user name. */
const PSEUDONYM = /^user-\d+$/;
const TOKENISH = /^[A-Za-z0-9._~+/-]{24,}={0,2}$/;

/** Patterns of credentials inside any text; group 1 is the credential itself. */
const TEXT_RULES: readonly [FindingRule, RegExp][] = [
  ['bearer', /\bBearer\s+(?!\[redacted\])([A-Za-z0-9\-._~+/]{8,}=*)/gi],
  ['basic', /\bBasic\s+(?!\[redacted\])([A-Za-z0-9+/]{12,}={0,2})/g],
  ['jwt', /\b(eyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*)/g],
  ['header', /\b(?:proxy-)?authorization\s*:\s*(?!\[redacted\]|Bearer\b|Basic\b)(\S{8,})/gi],
  ['parameter', /\b(?:access_token|refresh_token|id_token|client_secret|code_verifier|password)=(?!\[redacted\])([^&\s"'#]{6,})/gi],
];

function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) bits -= (count / value.length) * Math.log2(count / value.length);
  return bits;
}

/** A whole value that looks like an opaque token: long, no spaces, letters and digits mixed, high entropy; not an id or a path. */
export function looksRandom(value: string): boolean {
  if (!TOKENISH.test(value) || UUID.test(value) || value.startsWith('/')) return false;
  if (!/\d/.test(value) || !/[A-Za-z]/.test(value)) return false;
  if (!(/[a-z]/.test(value) && /[A-Z]/.test(value)) && value.length < 32) return false;
  return entropy(value) >= 3.5;
}

/** The first two and last two characters of a long value, bullets for a short one. */
export function mask(value: string, keepEnds = true): string {
  const chars = [...value];
  if (chars.length < 12 || !keepEnds) return `${chars[0] ?? ''}…`;
  return `${chars.slice(0, 2).join('')}…${chars.slice(-2).join('')}`;
}

/** Letters become x / X, digits 0; spaces, dots and dashes stay: the same shape, nobody's name. */
export function maskLetters(value: string): string {
  return value
    .replace(/\p{Lu}/gu, 'X')
    .replace(/\p{Ll}/gu, 'x')
    .replace(/\p{Nd}/gu, '0');
}

const segment = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;

function knownForms(secrets: readonly (string | undefined)[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 6) continue;
    const base64 = Buffer.from(secret, 'utf8').toString('base64');
    for (const form of [secret, base64, base64.replace(/=+$/, ''), Buffer.from(secret, 'utf8').toString('base64url'), encodeURIComponent(secret)])
      forms.add(form);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/** Every regular file below `dir` (symlinks are not followed: they are not part of a dump). */
function filesBelow(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(dir, prefix), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const relative = prefix ? path.join(prefix, entry.name) : entry.name;
    if (entry.isDirectory()) out.push(...filesBelow(dir, relative));
    else if (entry.isFile()) out.push(relative);
  }
  return out;
}

interface Where {
  file: string;
  path: string;
  key: string | undefined;
  /** The key of the object holding `key` (`contact` for an employer's contact person). */
  parent: string | undefined;
  verdicts: boolean;
}

interface Scanner {
  kept: Set<string>;
  known: string[];
  /** userName → its pseudonym, the same in every file. */
  pseudonyms: Map<string, string>;
  strip: boolean;
}

const normal = (value: string): string => value.trim().toLowerCase();

/** Looks at one string; returns its stripped form (the same string when nothing changes). */
function scanString(value: string, where: Where, scanner: Scanner, findings: Finding[]): string {
  const add = (kind: FindingKind, rule: FindingRule, found: string) =>
    findings.push({
      file: where.file,
      path: where.path,
      kind,
      severity: kind === 'token' || kind === 'secret' ? 'error' : 'warning',
      rule,
      masked: mask(found, kind === 'token' || kind === 'secret'),
      length: [...found].length,
    });

  // Tokens and secrets: reported, never changed here (the user must remove them, and should revoke them).
  let credential = false;
  for (const form of scanner.known) {
    if (value.includes(form)) {
      add('token', 'known', form);
      credential = true;
      break;
    }
  }
  for (const [rule, pattern] of TEXT_RULES) {
    for (const found of value.matchAll(pattern)) {
      add('token', rule, found[1] ?? found[0]);
      credential = true;
    }
  }
  const key = where.key ?? '';
  if (!credential && value !== REDACTED && !value.includes(REDACTED)) {
    const secretKey = where.key !== undefined && (isSecretKey(key) || EXTRA_SECRET_KEY.test(key));
    if (secretKey && (/^code$/i.test(key) ? looksRandom(value) : value.length >= 6 && !DATE_LIKE.test(value))) {
      add(/password|passwd|pwd|secret|credential/i.test(key) ? 'secret' : 'token', 'key', value);
      credential = true;
    } else if (!PICTURE_KEY.test(key) && looksRandom(value)) {
      add('token', 'random', value);
      credential = true;
    }
  }

  // Personal data.
  if (scanner.kept.has(normal(value))) return value;
  if (USER_NAME_KEY.test(key)) {
    if (PSEUDONYM.test(value)) return value;
    add('user-name', 'personal', value);
    if (!scanner.strip) return value;
    const pseudonym = scanner.pseudonyms.get(normal(value)) ?? `user-${scanner.pseudonyms.size + 1}`;
    scanner.pseudonyms.set(normal(value), pseudonym);
    return pseudonym;
  }
  const verdictsName = where.verdicts && (where.path === '$.user.name' || where.path === '$.authorization.by');
  // `name` alone is a provider's or team's name; under a contact (an employer's contact person) it is a person's.
  const contactName = /^name$/i.test(key) && CONTACT_KEY.test(where.parent ?? '');
  if (NAME_KEY.test(key) || verdictsName || contactName) {
    // Empty, or already stripped (only x, X and 0 left among letters and digits).
    if (value.trim() === '' || maskLetters(value) === value) return value;
    add('name', 'personal', value);
    return scanner.strip ? maskLetters(value) : value;
  }
  if (PHONE_KEY.test(key) && (value.match(/\d/g)?.length ?? 0) >= 6 && /[1-9]/.test(value)) {
    add('phone', 'personal', value);
    return scanner.strip ? value.replace(/\d/g, '0') : value;
  }
  let out = value;
  for (const found of value.matchAll(EMAIL)) {
    const address = found[0];
    if (address.toLowerCase() === EMAIL_PLACEHOLDER || scanner.kept.has(normal(address))) continue;
    add('email', 'personal', address);
    if (scanner.strip) out = out.split(address).join(EMAIL_PLACEHOLDER);
  }
  return out;
}

function scanJson(value: unknown, where: Where, scanner: Scanner, findings: Finding[]): unknown {
  if (typeof value === 'string') return scanString(value, where, scanner, findings);
  if (Array.isArray(value)) return value.map((item, index) => scanJson(item, { ...where, path: segment(where.path, index) }, scanner, findings));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        scanJson(inner, { ...where, path: segment(where.path, key), key, parent: where.key }, scanner, findings),
      ]),
    );
  }
  return value;
}

/** The names that must survive stripping for the dump to replay: the webservice user's, from verdicts.json and E8's filter. */
function namesToKeep(dir: string, files: readonly string[]): string[] {
  const names: string[] = [];
  if (files.includes(VERDICTS_FILE)) {
    try {
      const verdicts = JSON.parse(fs.readFileSync(path.join(dir, VERDICTS_FILE), 'utf8')) as { webserviceUser?: { userName?: unknown } };
      if (typeof verdicts?.webserviceUser?.userName === 'string') names.push(verdicts.webserviceUser.userName);
    } catch {
      // A broken verdicts.json is reported like any other file; it just keeps nothing.
    }
  }
  for (const file of files) {
    if (!file.endsWith('.json')) continue;
    try {
      const filter = (JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { request?: { query?: { filter?: unknown } } })?.request?.query?.filter;
      const named = typeof filter === 'string' ? /^\s*userName\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter)?.[1] : undefined;
      if (named) names.push(named.replace(/''/g, "'"));
    } catch {
      // Not JSON: scanned as text below.
    }
  }
  return names;
}

function run(dir: string, options: CheckOptions, strip: boolean): StripResult {
  const root = resolveDumpDir(dir);
  const files = filesBelow(root);
  const keptValues = [...namesToKeep(root, files), ...(options.keep ?? [])].filter((value) => value.trim() !== '');
  const scanner: Scanner = { kept: new Set(keptValues.map(normal)), known: knownForms(options.knownSecrets ?? []), pseudonyms: new Map(), strip };
  const findings: Finding[] = [];
  const rewritten: string[] = [];
  for (const file of files) {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, 'utf8');
    let json: unknown;
    let isJson = false;
    try {
      json = JSON.parse(text);
      isJson = true;
    } catch {
      // Not JSON (a README, a stray log): scanned line by line.
    }
    let next: string;
    if (isJson) {
      const stripped = scanJson(
        json,
        { file, path: '$', key: undefined, parent: undefined, verdicts: path.basename(file) === VERDICTS_FILE },
        scanner,
        findings,
      );
      next = strip ? `${JSON.stringify(stripped, null, 2)}\n` : text;
      // An unchanged file keeps its bytes (and its formatting).
      if (strip && JSON.stringify(stripped) === JSON.stringify(json)) next = text;
    } else {
      next = text
        .split('\n')
        .map((line, index) => scanString(line, { file, path: `line ${index + 1}`, key: undefined, parent: undefined, verdicts: false }, scanner, findings))
        .join('\n');
    }
    if (strip && next !== text) {
      writeFileAtomic(full, next);
      rewritten.push(file);
    }
  }
  return { dir: root, files, findings, kept: [...new Set(keptValues)], rewritten };
}

/** Reports every token, secret and piece of personal data in a dump; changes nothing. */
export function checkDump(dir: string, options: CheckOptions = {}): CheckReport {
  const { rewritten: _unused, ...report } = run(dir, options, false);
  return report;
}

/** Blanks the personal data in place (files rewritten atomically, 0600), then checks again. */
export function stripPersonal(dir: string, options: CheckOptions = {}): StripResult {
  const { rewritten } = run(dir, options, true);
  return { ...checkDump(dir, options), rewritten };
}
