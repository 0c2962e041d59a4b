// A calendar date typed the Indonesian way, dd/mm/yyyy, whatever the browser's locale (a
// `type="date"` input follows the browser and shows mm/dd/yyyy in an en-US Chromium). The
// value in and out is YYYY-MM-DD ('' when empty); text that is no date stays on screen,
// marked, and the last good date is kept.
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { formatDateInput, parseDateInput } from '../format';
import { useI18n } from '../i18n/i18n';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange(next: string): void };

export function DateInput({ value, onChange, ...rest }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState(() => formatDateInput(value));
  // A change from elsewhere (a reload, a recovered draft) shows; the user's own typing is left alone.
  useEffect(() => {
    if ((parseDateInput(text) ?? '') !== value) setText(formatDateInput(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = text.trim() !== '' && parseDateInput(text) === null;
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('dateFormatHint')}
      title={t('dateFormatHint')}
      value={text}
      aria-invalid={invalid ? true : rest['aria-invalid']}
      onChange={(e) => {
        setText(e.target.value);
        if (e.target.value.trim() === '') onChange('');
        else {
          const date = parseDateInput(e.target.value);
          if (date) onChange(date);
        }
      }}
    />
  );
}
