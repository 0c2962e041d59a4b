// A rupiah amount typed with or without thousands separators ("3.500.000.000"): a text
// input (a number input would read "3.500.000.000" as 3.5), formatted when left.
import type { InputHTMLAttributes } from 'react';
import { formatRupiahInput, parseRupiah } from '../format';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & { value: string; onChange(next: string): void };

export function RupiahInput({ value, onChange, onBlur, ...rest }: Props) {
  const amount = parseRupiah(value);
  return (
    <input
      {...rest}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      value={value}
      aria-invalid={value.trim() !== '' && Number.isNaN(amount) ? true : rest['aria-invalid']}
      onChange={(e) => onChange(e.target.value)}
      onBlur={(e) => {
        if (!Number.isNaN(amount)) onChange(formatRupiahInput(amount));
        onBlur?.(e);
      }}
    />
  );
}
