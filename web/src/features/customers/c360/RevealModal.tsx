import { Alert, Form, Input, Modal, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client';
import { errorText } from '../../../api/errors';
import { useReveal } from '../../../api/hooks';
import type { RevealResult } from '../../../api/types';

/** Asks for a reason, then reveals the full name, phone and ID number (audited by the server). */
export default function RevealModal({
  id,
  open,
  onClose,
  onRevealed,
}: {
  id: string;
  open: boolean;
  onClose: () => void;
  onRevealed: (r: RevealResult) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useReveal(id);
  const err = reveal.error;
  const errText = err
    ? isApiError(err) && err.status === 403
      ? t('c360.revealForbidden')
      : t('c360.revealFailed', { message: errorText(t, err) })
    : null;

  const submit = async () => {
    if (reveal.isPending) return;
    const { reason } = await form.validateFields();
    reveal.mutate(reason.trim(), {
      onSuccess: (r) => {
        onRevealed(r);
        form.resetFields();
        onClose();
      },
    });
  };

  return (
    <Modal
      open={open}
      title={t('c360.revealTitle')}
      okText={t('c360.revealOk')}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={() => {
        reveal.reset();
        onClose();
      }}
      confirmLoading={reveal.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'reveal-confirm' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{t('c360.revealIntro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="reason"
          label={t('c360.revealReason')}
          rules={[
            { required: true, whitespace: true, message: t('c360.reasonRequired') },
            {
              validator: (_r, v: string | undefined) => {
                const n = (v ?? '').trim().length;
                return n === 0 || (n >= 2 && n <= 200)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('c360.reasonLength')));
              },
            },
          ]}
        >
          <Input
            data-testid="reveal-reason"
            name="reason"
            maxLength={200}
            showCount
            placeholder={t('c360.revealReasonPlaceholder')}
            autoFocus
            onPressEnter={(e) => {
              e.preventDefault();
              void submit().catch(() => undefined);
            }}
          />
        </Form.Item>
      </Form>
      {errText && <Alert type="error" showIcon title={<span data-testid="reveal-error">{errText}</span>} />}
    </Modal>
  );
}
