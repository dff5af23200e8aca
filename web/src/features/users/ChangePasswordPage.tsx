import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useLogout } from '../../api/hooks';
import { useChangePassword } from '../../api/users';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../../../src/domain/passwords';
import { useCurrentUser } from '../auth/session';
import LangSwitch from '../shell/LangSwitch';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

type Issue = { field?: string; code?: string; message?: string };

/**
 * 修改密码: the user's own password. After signing in with a one-time password this is the only
 * page (the server refuses the rest until it is changed); otherwise it is opened from the user
 * menu. Every other session of the user ends with the change.
 */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const change = useChangePassword();
  const logout = useLogout();
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const forced = me.mustChangePassword;

  const onFinish = (v: Values) =>
    change.mutate(
      { currentPassword: v.currentPassword, newPassword: v.newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          void navigate('/', { replace: true });
        },
        onError: (e) => {
          const issues = (isApiError(e) ? (e.details as { issues?: Issue[] } | undefined)?.issues : undefined) ?? [];
          form.setFields(
            issues
              .filter((i) => i.field === 'currentPassword' || i.field === 'newPassword')
              .map((i) => ({
                name: i.field as 'currentPassword' | 'newPassword',
                errors: [
                  t(`password.problem.${i.code ?? ''}`, { defaultValue: i.message ?? '', min: MIN_PASSWORD_LENGTH }),
                ],
              })),
          );
        },
      },
    );

  const otherError =
    change.error && !(isApiError(change.error) && change.error.status === 400)
      ? isApiError(change.error)
        ? change.error.message
        : String(change.error)
      : null;

  return (
    <div className="gh-login">
      <div className="gh-login-top">
        <LangSwitch />
      </div>
      <Card className="gh-login-card" variant="borderless">
        <div className="gh-login-brand">
          <div className="gh-logo gh-logo-lg" aria-hidden>
            管
          </div>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="change-password-title">
              {t('password.title')}
            </Typography.Title>
            <Typography.Text type="secondary">
              {me.name} · <span className="gh-mono">{me.username}</span>
            </Typography.Text>
          </div>
        </div>
        <Alert
          type={forced ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 16 }}
          data-testid={forced ? 'password-forced' : undefined}
          title={forced ? t('password.forced') : t('password.othersEnd')}
        />
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => change.error && change.reset()}
        >
          <Form.Item
            label={forced ? t('password.oneTime') : t('password.current')}
            name="currentPassword"
            rules={[{ required: true, message: t('password.required') }]}
          >
            <Input.Password
              name="currentPassword"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="current-password"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            label={t('password.new')}
            name="newPassword"
            extra={t('password.rule', { min: MIN_PASSWORD_LENGTH })}
            rules={[
              { required: true, message: t('password.required') },
              {
                validator: async (_, value: string) => {
                  const p = value ? passwordProblem(value, me.username) : null;
                  if (p) throw new Error(t(`password.problem.${p}`, { min: MIN_PASSWORD_LENGTH }));
                },
              },
            ]}
          >
            <Input.Password
              name="newPassword"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="new-password"
            />
          </Form.Item>
          <Form.Item
            label={t('password.confirm')}
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: t('password.required') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string) => {
                  if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
                },
              }),
            ]}
          >
            <Input.Password
              name="confirm"
              size="large"
              prefix={<LockOutlined />}
              autoComplete="new-password"
              data-testid="confirm-password"
            />
          </Form.Item>
          {otherError && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('password.failed', { message: otherError })}
            />
          )}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={change.isPending}
            data-testid="change-password-submit"
          >
            {t('password.submit')}
          </Button>
        </Form>
        <div style={{ marginTop: 16, textAlign: 'center' }}>
          {forced ? (
            <Button
              type="link"
              data-testid="logout"
              onClick={() => logout.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) })}
            >
              {t('header.logout')}
            </Button>
          ) : (
            <Link to="/">{t('password.back')}</Link>
          )}
        </div>
      </Card>
    </div>
  );
}
