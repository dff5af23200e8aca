import { Alert, Button, Card, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import type { Rule } from 'antd/es/form';
import { HistoryOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorText } from '../../api/errors';
import {
  BANDS,
  conflictVersion,
  useSaveTierSettings,
  useTierSettings,
  type Band,
  type TierSettings,
  type TierSettingsInput,
} from '../../api/tiers';
import { TIER_BASES } from '../../api/types';
import { toFen } from '../../lib/money';
import { ErrorState, Loading } from '../shell/states';

const AMOUNT = /^\d{1,13}(\.\d{1,2})?$/;

/** The form's fields: the settings without the version, which the page sends from what it read. */
type TierSettingsForm = Omit<TierSettingsInput, 'version'>;

/**
 * 层级配置: floors, band, downgrade rule and basis; saved as a new audited version for the next
 * batch. A save names the version the page read; when someone else saved since, the server
 * refuses it (409), the page says so and shows the newer version instead.
 */
export default function TierSettingsPage() {
  const { t } = useTranslation();
  const q = useTierSettings();
  const save = useSaveTierSettings();
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;

  // Each floor must be a positive amount above the floor of the tier below (compared in fen).
  const floorRules = (band: Band, i: number): Rule[] => [
    { required: true, message: t('tierSettings.floorRequired') },
    { pattern: AMOUNT, message: t('tierSettings.floorFormat') },
    ({ getFieldValue }) => ({
      validator: async (_, value: string) => {
        const v = toFen(value);
        if (v === null || !AMOUNT.test(value ?? '')) return;
        if (v <= 0n) throw new Error(t('tierSettings.floorFormat'));
        const lower = BANDS[i - 1];
        const lowerFen = lower ? toFen(getFieldValue(['floors', lower]) as string) : null;
        if (lower && lowerFen !== null && v <= lowerFen)
          throw new Error(t('tierSettings.floorIncreasing', { lower: t(`tierShort.${lower}`) }));
      },
    }),
  ];

  const onFinish = (values: TierSettingsForm) =>
    save.mutate(
      { ...values, version: q.data.version, note: values.note?.trim() || undefined },
      { onSuccess: (s) => setSavedVersion(s.version) },
    );
  const conflict = conflictVersion(save.error);

  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('tierSettings.title')}
        </Typography.Title>
        <Tag color="blue" data-testid="tier-settings-version">
          {t('tierSettings.version', { version: q.data.version })}
        </Tag>
        <Link to="/admin/tier-settings/history" data-testid="settings-history-link">
          <HistoryOutlined /> {t('settingsHistory.link')}
        </Link>
      </div>
      <Alert type="info" showIcon title={t('tierSettings.effectNote')} />
      {savedVersion !== null && (
        <Alert
          type="success"
          showIcon
          data-testid="tier-settings-saved"
          title={t('tierSettings.saved', { version: savedVersion })}
        />
      )}
      {conflict !== null && (
        <Alert
          type="warning"
          showIcon
          data-testid="tier-settings-conflict"
          title={t('tierSettings.conflict', { version: conflict })}
        />
      )}
      {save.isError && conflict === null && (
        <Alert type="error" showIcon title={t('tierSettings.failed', { message: errorText(t, save.error) })} />
      )}
      <Card size="small" className="gh-settings-card">
        <Form<TierSettingsForm>
          // A new version (saved here, or loaded after a conflict) starts a new form from its
          // values: the form keeps its own store, so a remount is a clean start.
          key={q.data.version}
          layout="vertical"
          data-testid="tier-settings-form"
          initialValues={{ ...formValues(q.data), note: '' }}
          onFinish={onFinish}
          onValuesChange={() => setSavedVersion(null)}
        >
          <Typography.Text strong>{t('tierSettings.floors')}</Typography.Text>
          <div className="gh-settings-floors">
            {BANDS.map((b, i) => (
              <Form.Item
                key={b}
                name={['floors', b]}
                label={t(`tier.${b}`)}
                rules={floorRules(b, i)}
                dependencies={i > 0 ? [['floors', BANDS[i - 1]!]] : undefined}
              >
                <Input inputMode="decimal" prefix="¥" data-testid={`floor-${b}`} />
              </Form.Item>
            ))}
          </div>
          <div className="gh-settings-row">
            <Form.Item name="bandLowPct" label={t('tierSettings.bandLowPct')} extra={t('tierSettings.bandHint')}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="band-low-pct" />
            </Form.Item>
            <Form.Item
              name="downgradeMonths"
              label={t('tierSettings.downgradeMonths')}
              extra={t('tierSettings.downgradeHint')}
            >
              <InputNumber min={1} max={12} precision={0} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="basis" label={t('tierSettings.basis')}>
              <Select
                options={TIER_BASES.map((v) => ({
                  value: v,
                  label: t(`tierSettings.basisOpt.${v}`),
                }))}
              />
            </Form.Item>
          </div>
          <Form.Item name="note" label={t('tierSettings.note')} rules={[{ max: 200 }]}>
            <Input.TextArea rows={2} placeholder={t('tierSettings.notePlaceholder')} data-testid="settings-note" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="tier-settings-save">
            {t('tierSettings.save')}
          </Button>
        </Form>
      </Card>
    </div>
  );
}

/** The editable part of what the server sent (the version stays with the page). */
const formValues = ({ version: _version, ...rest }: TierSettings): Omit<TierSettingsForm, 'note'> => rest;
