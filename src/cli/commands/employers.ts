/**
 * `employers list | select | mark | export`: the step 5 employer administration from the command
 * line. Everything works on the store; only `list --refresh` (or an empty store) asks Loket.nl.
 */
import { applyEmployerStatus, employerStatusLabel, findEmployer, recordEmployers, refreshStep5, skipsRequested, sortedEmployers } from '../../domain/index.js';
import { UsageError } from '../../errors.js';
import { t } from '../../i18n/index.js';
import { EMPLOYER_STATUSES, isOneOf, type EmployerRecord, type EmployerStatus, type ExportFormat, type Profile, type Store } from '../../store/index.js';
import { validateDate } from '../../validate/index.js';
import { validateNote } from '../../validate/index.js';
import { LINKS } from '../../domain/links.js';
import { writeResultFile } from '../../ui/files.js';
import type { PickChoice } from '../../ui/prompt.js';
import { employerChoices, selectionSummary } from '../../ui/selection.js';
import { formatDate, spreadsheetDateTime } from '../../ui/time.js';
import { plain, renderTable } from '../../ui/table.js';
import type { CommandContext } from '../run.js';

const storeHasEmployers = (store: Store): boolean => Object.keys(store.profile().employers).length > 0;

/** E3 into the store, keeping selection, status and earlier checks. */
async function refreshEmployers(ctx: CommandContext, store: Store): Promise<number> {
  const { client } = await ctx.loket();
  const employers = await client.employers();
  store.update((draft) => recordEmployers(draft, employers));
  return employers.length;
}

/** The last check of the link in a few words, then when. */
function lastCheckLabel(record: Readonly<EmployerRecord>): string {
  const check = record.lastCheck;
  if (!check) return '–';
  const verdict =
    check.linked === 'pass' ? t('commands.check.linked') : check.linked === 'fail' ? t('commands.check.notLinked') : t('commands.check.linkUnverifiable');
  return `${verdict} (${formatDate(check.at)})`;
}

export async function list(ctx: CommandContext): Promise<void> {
  const store = ctx.store();
  if (ctx.local.refresh === true || !storeHasEmployers(store)) {
    const count = await refreshEmployers(ctx, store);
    ctx.out.info(t('commands.employers.fetched', { count }));
  }
  const entries = sortedEmployers(store.profile());
  if (ctx.out.json) {
    ctx.out.document(entries.map(([id, record]) => ({ id, ...record })));
    return;
  }
  if (entries.length === 0) {
    ctx.out.result(t('commands.employers.none'));
    return;
  }
  const yes = t('commands.yes');
  ctx.out.result(
    renderTable(
      [
        // The number leads the name (as in verify's table) and is never split: it is shorter than the column's minimum.
        { header: t('commands.col.employer'), wrap: 'text', minWidth: 16 },
        { header: t('commands.col.payrollTaxNumbers'), wrap: 'words' },
        { header: t('commands.col.selected') },
        { header: t('commands.col.status'), wrap: 'words' },
        { header: t('commands.col.lastCheck'), wrap: 'words' },
      ],
      entries.map(([, e]) => [
        `${e.employerNumber} ${plain(e.companyName)}`,
        e.payrollTaxNumbers.join(' '),
        e.selected ? yes : '',
        e.status ? employerStatusLabel(e.status) : '',
        lastCheckLabel(e),
      ]),
      ctx.width === undefined ? {} : { maxWidth: ctx.width },
    ),
  );
  const selected = entries.filter(([, e]) => e.selected).length;
  ctx.out.result(t('commands.employers.count', { count: entries.length, selected }));
}

function selectionDocument(profile: Readonly<Profile>) {
  return sortedEmployers(profile)
    .filter(([, e]) => e.selected)
    .map(([id, e]) => ({ id, employerNumber: e.employerNumber, companyName: e.companyName }));
}

/** The employers as picker choices: number, name and loonheffingennummers on the line. */
function pickChoices(profile: Readonly<Profile>): Array<PickChoice<string>> {
  return employerChoices(profile, (_id, e) => `${e.employerNumber}  ${plain(e.companyName)}  ${e.payrollTaxNumbers.join(' ')}`);
}

/** The picker shared with step 5; every toggle is saved at once (SPEC §7), so Ctrl+C keeps it. */
async function chooseInteractively(ctx: CommandContext, store: Store): Promise<void> {
  const profile = store.profile();
  await ctx.prompter.pick({
    message: t('commands.select.prompt'),
    choices: pickChoices(profile),
    selected: sortedEmployers(profile)
      .filter(([, e]) => e.selected)
      .map(([id]) => id),
    onToggle: (id, selected) =>
      store.update((draft) => {
        const employer = draft.employers[id];
        if (employer) employer.selected = selected;
      }),
  });
}

export async function select(ctx: CommandContext, [given]: unknown[]): Promise<void> {
  const wanted = Array.isArray(given) ? given.map(String) : [];
  const { add, remove, none } = ctx.local;
  if ([add, remove, none].filter((flag) => flag === true).length > 1) throw new UsageError(t('commands.select.conflict'));
  if (none === true && wanted.length > 0) throw new UsageError(t('commands.select.noneWithEmployers'));
  if ((add === true || remove === true) && wanted.length === 0) throw new UsageError(t('commands.select.needEmployers'));
  if (none !== true && wanted.length === 0 && !ctx.interactive) {
    throw new UsageError(t('commands.select.needEmployers'), { hint: t('commands.select.needEmployersHint') });
  }

  const store = ctx.store();
  if (none !== true && !storeHasEmployers(store)) await refreshEmployers(ctx, store);
  const before = selectionDocument(store.profile()).map((e) => e.id);

  if (wanted.length === 0 && none !== true) {
    await chooseInteractively(ctx, store);
    const numbers = selectionDocument(store.profile()).map((e) => e.employerNumber);
    ctx.out.hint(t('commands.select.equivalent', { command: ctx.commandLine('employers', 'select', ...(numbers.length ? numbers.map(String) : ['--none'])) }));
  } else {
    const profile = store.profile();
    // Resolve everything first: one unknown employer changes nothing.
    const ids = new Set(wanted.map((w) => findEmployer(profile, w)[0]));
    store.update((draft) => {
      for (const [id, employer] of Object.entries(draft.employers)) {
        if (none === true) employer.selected = false;
        else if (add === true) employer.selected ||= ids.has(id);
        else if (remove === true) employer.selected &&= !ids.has(id);
        else employer.selected = ids.has(id);
      }
    });
  }

  // A changed selection changes what step 5 waits for.
  store.update((draft) => refreshStep5(draft, ctx.now()));
  const selection = selectionDocument(store.profile());
  if (ctx.out.json) ctx.out.document({ selected: selection });
  else
    ctx.out.success(
      selectionSummary(
        pickChoices(store.profile()),
        before,
        selection.map((e) => e.id),
      ),
    );
}

/** `--note` and `--reason`, trimmed, by the free-text rules (length, no control characters). */
function freeText(raw: string, option: string): string {
  const result = validateNote(raw);
  if (!result.ok)
    throw new UsageError(
      t('steps.input.invalid', { field: t(option === '--note' ? 'core.opt.note' : 'core.opt.reason'), source: option, reason: result.reason }),
    );
  return result.value;
}

export async function mark(ctx: CommandContext, [employerArg, statusArg]: unknown[]): Promise<void> {
  const status = String(statusArg);
  if (!isOneOf(EMPLOYER_STATUSES, status)) {
    throw new UsageError(t('commands.mark.unknownStatus', { status, statuses: EMPLOYER_STATUSES.join(', ') }));
  }
  const force = ctx.local.force === true;
  const reason = typeof ctx.local.reason === 'string' ? freeText(ctx.local.reason, '--reason') : undefined;
  if (force && !reason) throw new UsageError(t('commands.mark.reasonRequired'));
  if (!force && reason !== undefined) throw new UsageError(t('commands.mark.reasonWithoutForce'));
  let at = ctx.now();
  if (typeof ctx.local.date === 'string') {
    const date = validateDate(ctx.local.date, at);
    if (!date.ok) throw new UsageError(t('commands.mark.badDate', { reason: date.reason }));
    at = new Date(date.value);
  }
  const note = typeof ctx.local.note === 'string' ? freeText(ctx.local.note, '--note') || undefined : undefined;

  const store = ctx.store();
  const [id, record] = findEmployer(store.profile(), String(employerArg));
  if (skipsRequested(store.profile(), id, status as EmployerStatus)) {
    ctx.out.warn(t('steps.5.skipsRequested', { company: record.companyName, number: record.employerNumber, url: LINKS.asrEmployerRequest }));
  }
  let changed = false;
  store.update((draft) => {
    changed = applyEmployerStatus(draft, id, status as EmployerStatus, {
      at,
      ...(note ? { note } : {}),
      ...(force ? { force, reason } : {}),
    });
    refreshStep5(draft, ctx.now());
  });
  const saved = store.profile().employers[id]!;
  const forced = changed && saved.history.at(-1)?.forced === true;
  if (ctx.out.json) {
    ctx.out.document({
      id,
      employerNumber: saved.employerNumber,
      companyName: saved.companyName,
      status: saved.status,
      selected: saved.selected,
      history: saved.history,
    });
    return;
  }
  if (!changed) {
    ctx.out.info(t('commands.mark.unchanged', { number: record.employerNumber, status: employerStatusLabel(status as EmployerStatus) }));
    return;
  }
  ctx.out.success(
    t('commands.mark.done', { number: record.employerNumber, company: plain(record.companyName), status: employerStatusLabel(status as EmployerStatus) }),
  );
  if (forced) ctx.out.warn(t('commands.mark.forced'));
}

/** The export's columns, in order (README lists them). */
export const EXPORT_COLUMNS = [
  'id',
  'employerNumber',
  'companyName',
  'chamberOfCommerceNumber',
  'payrollTaxNumbers',
  'selected',
  'status',
  'requestedAt',
  'signedUpAt',
  'confirmedAt',
  'excludedAt',
  'lastCheckAt',
  'linked',
  'required',
  'via',
] as const;

export type ExportRow = {
  [K in (typeof EXPORT_COLUMNS)[number]]: K extends 'payrollTaxNumbers' | 'via'
    ? string[]
    : K extends 'employerNumber'
      ? number
      : K extends 'selected'
        ? boolean
        : K extends 'required'
          ? boolean | null
          : string | null;
};

const STATUS_COLUMN: Record<EmployerStatus, 'requestedAt' | 'signedUpAt' | 'confirmedAt' | 'excludedAt'> = {
  requested: 'requestedAt',
  'signed-up': 'signedUpAt',
  confirmed: 'confirmedAt',
  excluded: 'excludedAt',
};

export function exportRows(profile: Readonly<Profile>): ExportRow[] {
  return sortedEmployers(profile).map(([id, e]) => {
    const dates: Record<(typeof STATUS_COLUMN)[EmployerStatus], string | null> = { requestedAt: null, signedUpAt: null, confirmedAt: null, excludedAt: null };
    // History is in the order things happened: the last entry per status is the latest.
    for (const entry of e.history) {
      if (isOneOf(EMPLOYER_STATUSES, entry.status)) dates[STATUS_COLUMN[entry.status]] = entry.at;
    }
    return {
      id,
      employerNumber: e.employerNumber,
      companyName: e.companyName,
      chamberOfCommerceNumber: e.chamberOfCommerceNumber ?? null,
      payrollTaxNumbers: [...e.payrollTaxNumbers],
      selected: e.selected,
      status: e.status ?? null,
      ...dates,
      lastCheckAt: e.lastCheck?.at ?? null,
      linked: e.lastCheck?.linked ?? null,
      required: e.lastCheck?.required ?? null,
      via: [...(e.lastCheck?.via ?? [])],
    };
  });
}

/**
 * One CSV cell (RFC 4180), guarded against formula injection: a cell a spreadsheet would read as a
 * formula (= + - @, or a leading tab / CR) gets a `'` in front. Plain negative numbers are data, not
 * formulas, and stay as they are.
 */
export function csvCell(value: string, separator: ',' | ';' = ','): string {
  const guarded = /^[=+\-@\t\r]/.test(value) && !/^-\d+([.,]\d+)?$/.test(value) ? `'${value}` : value;
  return quoted(guarded, separator);
}

/** RFC 4180 quoting: a cell holding the separator, a quote or a line break is quoted, its quotes doubled. */
function quoted(value: string, separator: ',' | ';'): string {
  const special = separator === ',' ? /[",\r\n]/ : /[";\r\n]/;
  return special.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** What Excel would turn into a number, a date or a time (and so drop leading zeros, round, or reformat). */
const NUMBER_LIKE = /^[+-]?[\d\s.,:/-]*\d[\d\s.,:/-]*$|^\d+[eE][+-]?\d+$/;
/** Excel's limit on a text in a formula. */
const MAX_FORMULA_TEXT = 255;
const DATE_COLUMNS: ReadonlySet<string> = new Set(['requestedAt', 'signedUpAt', 'confirmedAt', 'excludedAt', 'lastCheckAt']);

/**
 * One cell for Excel (`--format xlsx-csv`): a value Excel would read as a number or date is written
 * as the formula ="…", which Excel shows as that exact text (leading zeros and long numbers
 * survive); the formula holds only digits and separators, so it cannot carry anything else. Every
 * other cell gets the same guard as csvCell. Times are local, in the form Excel reads as a date.
 */
export function excelCell(column: (typeof EXPORT_COLUMNS)[number], value: string): string {
  if (DATE_COLUMNS.has(column)) return csvCell(spreadsheetDateTime(value), ';');
  if (NUMBER_LIKE.test(value) && value.length <= MAX_FORMULA_TEXT) return quoted(`="${value}"`, ';');
  return csvCell(value, ';');
}

const cellText = (value: ExportRow[keyof ExportRow]): string => (Array.isArray(value) ? value.join(' ') : value === null ? '' : String(value));

/**
 * The export as CSV: RFC 4180 (`,`, CRLF) for scripts; for Excel (`excel`) with `;` (the list
 * separator of Dutch Windows), CRLF and a UTF-8 byte order mark, without which Excel reads the file as
 * ANSI and breaks the accents. No `sep=;` line: with it Excel ignores the byte order mark.
 */
export function toCsv(rows: ExportRow[], dialect: 'rfc4180' | 'excel' = 'rfc4180'): string {
  const excel = dialect === 'excel';
  const line = (cells: string[]) => `${cells.join(excel ? ';' : ',')}\r\n`;
  const header = line(EXPORT_COLUMNS.map((column) => csvCell(column, excel ? ';' : ',')));
  const body = rows
    .map((row) => line(EXPORT_COLUMNS.map((column) => (excel ? excelCell(column, cellText(row[column])) : csvCell(cellText(row[column]))))))
    .join('');
  return `${excel ? '\uFEFF' : ''}${header}${body}`;
}

export async function exportEmployers(ctx: CommandContext): Promise<void> {
  // commander has already refused anything but EXPORT_FORMATS.
  const format: ExportFormat = ctx.local.format === 'json' || ctx.local.format === 'xlsx-csv' ? ctx.local.format : 'csv';
  const profile = ctx.store({ lock: false }).profile();
  const rows = exportRows(profile);
  if (rows.length === 0) ctx.out.warn(t('commands.export.empty'));
  const text = format === 'json' ? `${JSON.stringify(rows, null, 2)}\n` : toCsv(rows, format === 'xlsx-csv' ? 'excel' : 'rfc4180');

  if (typeof ctx.local.out === 'string') {
    const file = writeResultFile(ctx.local.out, text);
    if (ctx.out.json) ctx.out.document({ file, format, employers: rows.length });
    else ctx.out.success(t('commands.export.written', { file, count: rows.length }));
    return;
  }
  // `--json` asks for one JSON document on stdout, whatever the export format.
  if (ctx.out.json) ctx.out.document(rows);
  else ctx.out.result(text, { wrap: false });
}
