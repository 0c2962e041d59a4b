import { useI18n } from '../i18n/i18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      <button type="button" aria-pressed={lang === 'id'} onClick={() => setLang('id')} lang="id">
        ID
      </button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">
        EN
      </button>
    </div>
  );
}
