/** A sentence a person reads, in Indonesian (the default) and English. */
export interface BilingualText {
  id: string;
  en: string;
}

export function text(id: string, en: string): BilingualText {
  return { id, en };
}
