/**
 * `dump check <dir> [--strip-personal] [--keep <value>]… [--json]` (issue 14): what a recorded dump
 * holds before an office shares it. Exit 1 when a token or secret is in it (remove it first; the
 * tool's redaction should have caught it, so please report it); personal data is a warning, with
 * --strip-personal to blank it in place. src/dumps/check.ts decides what is what.
 */
import { ChecksFailedError } from '../../errors.js';
import { ENV } from '../../env.js';
import { t, type MessageKey } from '../../i18n/index.js';
import { checkDump, stripPersonal, type CheckReport, type Finding, type FindingKind, type StripResult } from '../../dumps/check.js';
import type { CommandContext } from '../run.js';

/** Personal findings shown in the text output; --json lists them all. */
const SHOWN_PERSONAL = 20;

const KIND: Record<FindingKind, MessageKey> = {
  token: 'dumps.check.kind.token',
  secret: 'dumps.check.kind.secret',
  email: 'dumps.check.kind.email',
  name: 'dumps.check.kind.name',
  phone: 'dumps.check.kind.phone',
  'user-name': 'dumps.check.kind.userName',
};

function line(finding: Finding): string {
  const value = t('dumps.check.masked', { masked: finding.masked, length: finding.length });
  return `  ${finding.file}  ${finding.path}  ${t(KIND[finding.kind])}  ${value}`;
}

function document(report: CheckReport, stripped: StripResult | undefined, errors: Finding[], warnings: Finding[]) {
  return {
    ok: errors.length === 0,
    dir: report.dir,
    files: report.files.length,
    errors: errors.length,
    warnings: warnings.length,
    kept: report.kept,
    ...(stripped ? { rewritten: stripped.rewritten } : {}),
    findings: report.findings,
  };
}

export async function check(ctx: CommandContext, args: unknown[]): Promise<void> {
  const dir = String(args[0]);
  const keep = Array.isArray(ctx.local.keep) ? ctx.local.keep.map(String) : [];
  // Tokens this tool was given: a dump must hold none of them, in any encoding.
  const knownSecrets = [ctx.env[ENV.accessToken], ctx.env[ENV.refreshToken], ctx.env[ENV.clientSecret]];
  const stripped = ctx.local.stripPersonal === true ? stripPersonal(dir, { keep, knownSecrets }) : undefined;
  const report: CheckReport = stripped ?? checkDump(dir, { keep, knownSecrets });
  const errors = report.findings.filter((finding) => finding.severity === 'error');
  const warnings = report.findings.filter((finding) => finding.severity === 'warning');

  if (ctx.out.json) {
    ctx.out.document(document(report, stripped, errors, warnings));
  } else {
    const { out } = ctx;
    out.result(t('dumps.check.header', { dir: report.dir, files: report.files.length }));
    if (stripped) out.result(t('dumps.check.stripped', { files: stripped.rewritten.length }));
    if (report.kept.length) out.result(t('dumps.check.kept', { values: report.kept.join(', ') }));
    if (errors.length) {
      out.result(`\n${t('dumps.check.errors', { count: errors.length })}`);
      for (const finding of errors) out.result(line(finding));
    }
    if (warnings.length) {
      const kinds = (Object.keys(KIND) as FindingKind[])
        .map((kind) => [kind, warnings.filter((finding) => finding.kind === kind).length] as const)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => `${count} × ${t(KIND[kind])}`);
      out.result(`\n${t('dumps.check.warnings', { count: warnings.length, kinds: kinds.join(', ') })}`);
      for (const finding of warnings.slice(0, SHOWN_PERSONAL)) out.result(line(finding));
      if (warnings.length > SHOWN_PERSONAL) out.result(t('dumps.check.more', { count: warnings.length - SHOWN_PERSONAL }));
      out.hint(t('dumps.check.stripHint', { dir }));
    }
    if (!errors.length) out.success(t(warnings.length ? 'dumps.check.okWithPersonal' : 'dumps.check.ok'));
  }
  if (errors.length) throw new ChecksFailedError(t('dumps.check.failed', { count: errors.length }), { hint: t('dumps.check.failedHint') });
}
