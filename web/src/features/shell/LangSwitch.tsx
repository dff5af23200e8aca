import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { setLang } from '../../i18n';

/** Toggles between Chinese and English; the choice is kept in localStorage. */
export default function LangSwitch({ dark }: { dark?: boolean }) {
  const { t, i18n } = useTranslation();
  const isZh = i18n.language.startsWith('zh');
  return (
    <Button
      data-testid="lang-switch"
      type="text"
      size="small"
      icon={<GlobalOutlined />}
      aria-label={t('lang.switchLabel')}
      title={t('lang.switchLabel')}
      onClick={() => setLang(isZh ? 'en' : 'zh-CN')}
      style={dark ? { color: 'rgba(255,255,255,0.88)' } : undefined}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
