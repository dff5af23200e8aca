/** A fresh i18next instance over the app's resources, for unit tests (no DOM, no storage). */
import i18next, { type i18n as I18n } from 'i18next';
import zhCN from './zh-CN';
import en from './en';

export async function testI18n(lng: 'zh-CN' | 'en'): Promise<I18n> {
  const i = i18next.createInstance();
  await i.init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return i;
}
