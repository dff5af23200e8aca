import { useTranslation } from 'react-i18next';

/** Formats a contact duration given in seconds (minutes and seconds), or null when unknown. */
export function useDuration() {
  const { t } = useTranslation();
  return (sec: number | null): string | null => {
    if (sec === null || sec === undefined) return null;
    const m = Math.floor(sec / 60);
    const s = sec % 60;
    return m > 0 ? t('duration.ms', { m, s }) : t('duration.s', { s });
  };
}

/** Translates a server code (reason, tag, category…) when we know it, otherwise shows it as is. */
export function useCodeText() {
  const { t } = useTranslation();
  return (ns: string, code: string | null | undefined): string =>
    code ? t(`${ns}.${code}`, { defaultValue: code }) : '';
}
