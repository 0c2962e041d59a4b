// Dates in the region's time zone and amounts in rupiah, in the user's language.
import type { Lang } from './i18n/i18n';

const locale = (lang: Lang) => (lang === 'id' ? 'id-ID' : 'en-GB');

export function formatDateTime(iso: string, lang: Lang, timeZone: string): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) as the region names it: no zone shift. */
export function formatDate(date: string, lang: Lang): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** The calendar date of an instant in a zone, as YYYY-MM-DD. */
export function localDate(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

export function formatRupiah(amount: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(amount);
}

/**
 * An amount typed in whole rupiah, as people write it: "3.500.000.000", "3,500,000,000",
 * "Rp 3.500.000.000" or "3500000000" all read 3 500 000 000. Rupiah have no sen in
 * budget documents, so dots and commas only separate thousands. NaN when no digit is there.
 */
export function parseRupiah(typed: string): number {
  const digits = typed.replace(/^\s*Rp\.?/i, '').replace(/[\s.,]/g, '');
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/** Whole rupiah with Indonesian thousands separators, for an input's value ("3.500.000.000"). */
export function formatRupiahInput(amount: number): string {
  return Number.isFinite(amount) ? new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }).format(amount) : '';
}

export { formatDateInput, parseDateInput } from '../../../domain/date-input';
