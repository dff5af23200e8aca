import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { errorText as apiErrorText } from '../../api/errors';
import { useLogin, useMe } from '../../api/hooks';
import LangSwitch from '../shell/LangSwitch';

const DEMO_USERS = ['admin', 'hq01', 'br01', 'ob01', 'lm0001', 'rm0001'];
const DEMO_PASSWORD = 'guanhu-demo';

interface LoginValues {
  username: string;
  password: string;
}

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();
  const from = (location.state as { from?: string } | null)?.from;
  const target = from && from.startsWith('/') && !from.startsWith('/login') ? from : '/';

  if (me.data) return <Navigate to={target} replace />;

  const errorText = (() => {
    const e = login.error;
    if (!e) return null;
    if (isApiError(e)) {
      if (e.status === 401 || e.code === 'BAD_CREDENTIALS') return t('login.badCredentials');
      if (e.status === 429 || e.code === 'RATE_LIMITED') return t('login.rateLimited');
      if (e.status === 0) return t('login.network');
    }
    return t('login.failed', { message: apiErrorText(t, e) });
  })();

  const onFinish = (values: LoginValues) => {
    login.mutate(
      { username: values.username.trim(), password: values.password },
      { onSuccess: () => void navigate(target, { replace: true }) },
    );
  };

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
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.fullName')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
          </div>
        </div>
        <Form<LoginValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={onFinish}
          onValuesChange={() => login.error && login.reset()}
          autoComplete="on"
        >
          <Form.Item
            label={t('login.username')}
            name="username"
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              name="username"
              size="large"
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            label={t('login.password')}
            name="password"
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password name="password" size="large" prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          {errorText && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 16 }}
              title={<span data-testid="login-error">{errorText}</span>}
            />
          )}
          <Button
            data-testid="login-submit"
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={login.isPending}
          >
            {t('login.submit')}
          </Button>
        </Form>
        <div className="gh-login-demo">
          <Typography.Text type="secondary">
            {t('login.demoHint')}
            <span className="gh-login-demo-users">
              {DEMO_USERS.map((u) => (
                <a
                  key={u}
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    form.setFieldsValue({ username: u, password: DEMO_PASSWORD });
                    login.reset();
                  }}
                >
                  <code>{u}</code>
                </a>
              ))}
            </span>
            {t('login.demoPassword', { password: DEMO_PASSWORD })}
          </Typography.Text>
        </div>
      </Card>
    </div>
  );
}
