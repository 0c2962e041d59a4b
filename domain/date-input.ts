// Calendar dates as Indonesian documents write them (dd/mm/yyyy), for the web app's date inputs.
/**
 * A calendar date for a text input, as Indonesian documents write it (dd/mm/yyyy), so the
 * form reads the same whatever the browser's locale (a `type="date"` input follows the
 * browser: mm/dd/yyyy in an en-US Chromium).
 */
export function formatDateInput(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** dd/mm/yyyy (also with dots or dashes) as YYYY-MM-DD; null when it is not a real calendar date. */
export function parseDateInput(typed: string): string | null {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(typed.trim());
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
