// Labelled inputs that show the rule violations the server reported for their path.
import { createContext, useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { Bilingual } from '../../api/types';
import { DateInput } from '../../components/DateInput';
import { RupiahInput } from '../../components/RupiahInput';
import { formatRupiahInput, parseRupiah } from '../../format';
import { useI18n } from '../../i18n/i18n';

export type ViolationMap = Record<string, Bilingual[]>;
export const ViolationsContext = createContext<ViolationMap>({});

function useFieldError(path: string) {
  const { pick } = useI18n();
  const messages = useContext(ViolationsContext)[path] ?? [];
  return messages.map(pick);
}

function Errors({ id, messages }: { id: string; messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <p id={id} className="field-error">
      {messages.join(' ')}
    </p>
  );
}

interface FieldProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
}

export function TextField({ path, label, value, onChange, type = 'text', list, required }: FieldProps & { type?: string; list?: string; required?: boolean }) {
  const id = useId();
  const errors = useFieldError(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={path}
        type={type}
        list={list}
        required={required}
        inputMode={type === 'number' ? 'numeric' : undefined}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

/** A calendar date, typed dd/mm/yyyy; the value is YYYY-MM-DD or '' when empty. */
export function DateField({ path, label, value, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldError(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <DateInput
        id={id}
        name={path}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={onChange}
      />
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

/**
 * A rupiah amount: typed with or without thousands separators ("3.500.000.000"), kept as
 * typed while focused, formatted when left. Text that is no amount stays on screen,
 * marked, and the draft keeps its last amount.
 */
export function RupiahField({ path, label, value, onChange }: { path: string; label: string; value: number | undefined; onChange(value: number): void }) {
  const id = useId();
  const errors = useFieldError(path);
  const [text, setText] = useState(() => (value === undefined ? '' : formatRupiahInput(value)));
  // A change from elsewhere (a reload, a recovered draft) shows; the user's own typing is left alone.
  useEffect(() => {
    if (value !== undefined && parseRupiah(text) !== value) setText(formatRupiahInput(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <RupiahInput
        id={id}
        name={path}
        value={text}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(next) => {
          setText(next);
          const amount = parseRupiah(next);
          if (!Number.isNaN(amount)) onChange(amount);
        }}
      />
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

export function TextArea({ path, label, value, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldError(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={path}
        rows={3}
        value={value}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

interface SelectProps<T extends string> {
  path: string;
  label: string;
  /** `''` or undefined: nothing chosen yet. */
  value: T | '' | undefined;
  onChange(value: T | ''): void;
  /** The codes offered: the API's own lists, so the one read back is a T. */
  options: Array<{ code: string; text: string }>;
}

export function SelectField<T extends string>({ path, label, value, onChange, options }: SelectProps<T>) {
  const id = useId();
  const { t } = useI18n();
  const errors = useFieldError(path);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={path}
        value={value ?? ''}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={errors.length ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value as T | '')}
      >
        <option value="">{t('choose')}</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.text}
          </option>
        ))}
      </select>
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

export function CheckField({ path, label, checked, onChange }: { path: string; label: string; checked: boolean; onChange(value: boolean): void }) {
  const id = useId();
  const errors = useFieldError(path);
  return (
    <div className="field checkbox">
      <input id={id} name={path} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label htmlFor={id}>{label}</label>
      <Errors id={`${id}-err`} messages={errors} />
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="card form-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/** Violations of a whole list (e.g. "at least one partner"), shown by its add button. */
export function ListError({ path }: { path: string }) {
  const messages = useFieldError(path);
  if (messages.length === 0) return null;
  return (
    <p className="field-error list-error" role="note">
      {messages.join(' ')}
    </p>
  );
}
