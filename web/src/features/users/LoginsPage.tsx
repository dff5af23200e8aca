import { KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  List,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import {
  useCreateLogin,
  useLoginCandidates,
  useLogins,
  useResetLogin,
  useSetLoginDisabled,
  type Login,
} from '../../api/users';
import { useIsMobile } from '../../lib/useIsMobile';
import { useCurrentUser } from '../auth/session';
import { ErrorState, Loading } from '../shell/states';

/** What an administrator reads out once: a new login's or a reset's one-time password. */
interface Shown {
  username: string;
  oneTimePassword: string;
  kind: 'created' | 'reset';
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,31}$/;

function OneTimePasswordModal({ shown, onClose }: { shown: Shown | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={shown !== null}
      title={shown?.kind === 'reset' ? t('logins.resetDone') : t('logins.created')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-done">
          {t('logins.done')}
        </Button>
      }
      maskClosable={false}
      destroyOnHidden
    >
      {shown && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <div>
            {t('logins.username')}: <span className="gh-mono">{shown.username}</span>
          </div>
          <div>
            {t('logins.oneTimePassword')}:{' '}
            <Typography.Text
              code
              copyable
              className="gh-mono"
              style={{ fontSize: 20, letterSpacing: 1 }}
              data-testid="one-time-password"
            >
              {shown.oneTimePassword}
            </Typography.Text>
          </div>
          <Alert type="warning" showIcon title={t('logins.shownOnce')} />
        </Space>
      )}
    </Modal>
  );
}

interface CreateValues {
  staffId: string;
  username: string;
}

function CreateLoginModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (s: Shown) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateValues>();
  const [q, setQ] = useState('');
  const candidates = useLoginCandidates(q, { enabled: open });
  const create = useCreateLogin();
  const error = create.error ? (isApiError(create.error) ? create.error.message : String(create.error)) : null;
  return (
    <Modal
      open={open}
      title={t('logins.create')}
      onCancel={onClose}
      okText={t('logins.createOk')}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'create-login-ok' }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CreateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        preserve={false}
        onValuesChange={() => create.error && create.reset()}
        onFinish={(v) =>
          create.mutate(
            { staffId: v.staffId, username: v.username.trim().toLowerCase() },
            {
              onSuccess: (r) => {
                onClose();
                onCreated({ username: r.username, oneTimePassword: r.oneTimePassword, kind: 'created' });
              },
            },
          )
        }
      >
        <Form.Item
          name="staffId"
          label={t('logins.staff')}
          extra={t('logins.staffHint')}
          rules={[{ required: true, message: t('logins.staffRequired') }]}
        >
          <Select
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={candidates.isFetching}
            placeholder={t('logins.staffPlaceholder')}
            notFoundContent={candidates.isFetching ? t('common.loading') : t('logins.noCandidates')}
            data-testid="create-login-staff"
            options={(candidates.data ?? []).map((s) => ({
              value: s.staffId,
              label: `${s.name} · ${s.staffId} · ${t(`role.${s.role}`)} · ${s.orgName}`,
            }))}
            onChange={(staffId: string) => {
              if (!form.getFieldValue('username')) {
                const guess = staffId.toLowerCase();
                if (USERNAME.test(guess)) form.setFieldsValue({ username: guess });
              }
            }}
          />
        </Form.Item>
        <Form.Item
          name="username"
          label={t('logins.username')}
          extra={t('logins.usernameHint')}
          rules={[
            { required: true, message: t('logins.usernameRequired') },
            { pattern: USERNAME, message: t('logins.usernameHint') },
          ]}
          normalize={(v: string) => v.toLowerCase()}
        >
          <Input autoCapitalize="none" autoComplete="off" data-testid="create-login-username" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={t('logins.failed', { message: error })} />}
      </Form>
    </Modal>
  );
}

function StatusTags({ l }: { l: Login }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {l.staffLeft ? (
        <Tag color="default">{t('logins.staffLeft')}</Tag>
      ) : l.disabled ? (
        <Tag color="red" data-testid="login-disabled">
          {t('logins.disabled')}
        </Tag>
      ) : (
        <Tag color="green">{t('logins.active')}</Tag>
      )}
      {l.mustChangePassword && !l.disabled && <Tag color="gold">{t('logins.mustChange')}</Tag>}
    </Space>
  );
}

/** 登录账号: every login with its staff member; create one, reset its password, disable it. */
export default function LoginsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const isMobile = useIsMobile();
  const logins = useLogins();
  const reset = useResetLogin();
  const setDisabled = useSetLoginDisabled();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<Shown | null>(null);
  const [filter, setFilter] = useState('');

  if (logins.isPending) return <Loading />;
  if (logins.isError) return <ErrorState error={logins.error} onRetry={() => void logins.refetch()} />;

  const fail = (e: unknown) =>
    void message.error(t('logins.failed', { message: isApiError(e) ? e.message : String(e) }));
  const f = filter.trim().toLowerCase();
  const rows = f
    ? logins.data.filter((l) => [l.username, l.name, l.staffId, l.orgName].some((x) => x.toLowerCase().includes(f)))
    : logins.data;

  const actions = (l: Login) => (
    <Space size={4} wrap>
      <Popconfirm
        title={t('logins.resetConfirm', { username: l.username })}
        description={t('logins.resetHint')}
        okText={t('logins.reset')}
        onConfirm={() =>
          reset.mutateAsync(l.userId).then(
            (r) => setShown({ ...r, kind: 'reset' }),
            (e: unknown) => fail(e),
          )
        }
        disabled={l.staffLeft}
      >
        <Button size="small" icon={<KeyOutlined />} disabled={l.staffLeft} data-testid={`reset-${l.username}`}>
          {t('logins.reset')}
        </Button>
      </Popconfirm>
      {l.disabled ? (
        <Button
          size="small"
          icon={<CheckCircleOutlined />}
          disabled={l.staffLeft}
          onClick={() => setDisabled.mutate({ userId: l.userId, disabled: false }, { onError: fail })}
          data-testid={`enable-${l.username}`}
        >
          {t('logins.enable')}
        </Button>
      ) : (
        <Popconfirm
          title={t('logins.disableConfirm', { username: l.username })}
          description={t('logins.disableHint')}
          okText={t('logins.disable')}
          okButtonProps={{ danger: true, 'data-testid': 'disable-ok' }}
          onConfirm={() => setDisabled.mutateAsync({ userId: l.userId, disabled: true }).catch(fail)}
          disabled={l.userId === me.userId}
        >
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            disabled={l.userId === me.userId}
            data-testid={`disable-${l.username}`}
          >
            {t('logins.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const columns: TableColumnsType<Login> = [
    {
      key: 'username',
      title: t('logins.username'),
      dataIndex: 'username',
      render: (v: string) => <span className="gh-mono">{v}</span>,
    },
    {
      key: 'staff',
      title: t('logins.staff'),
      render: (_, l) => (
        <span>
          {l.name} <span className="gh-muted gh-mono">{l.staffId}</span>
        </span>
      ),
    },
    { key: 'role', title: t('logins.role'), render: (_, l) => t(`role.${l.role}`) },
    { key: 'org', title: t('logins.org'), dataIndex: 'orgName' },
    { key: 'status', title: t('logins.status'), render: (_, l) => <StatusTags l={l} /> },
    { key: 'actions', title: t('logins.actions'), render: (_, l) => actions(l) },
  ];

  return (
    <div className="gh-page">
      <div className="gh-page-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('logins.title')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-login">
          {t('logins.create')}
        </Button>
      </div>
      <Input.Search
        allowClear
        placeholder={t('logins.filter')}
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        style={{ maxWidth: 360 }}
      />
      {isMobile ? (
        <List
          dataSource={rows}
          rowKey="userId"
          data-testid="logins-list"
          renderItem={(l) => (
            <Card size="small" style={{ marginBottom: 8 }} data-testid={`login-${l.username}`}>
              <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
                <span className="gh-mono">{l.username}</span>
                <StatusTags l={l} />
              </div>
              <div>
                {l.name} <span className="gh-muted">· {t(`role.${l.role}`)}</span>
              </div>
              <div className="gh-muted gh-small" style={{ marginBottom: 8 }}>
                {l.staffId} · {l.orgName}
              </div>
              {actions(l)}
            </Card>
          )}
        />
      ) : (
        <Card size="small">
          <Table<Login>
            rowKey="userId"
            size="small"
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            onRow={(l) => ({ 'data-testid': `login-${l.username}` }) as object}
            data-testid="logins-table"
          />
        </Card>
      )}
      <CreateLoginModal open={creating} onClose={() => setCreating(false)} onCreated={setShown} />
      <OneTimePasswordModal shown={shown} onClose={() => setShown(null)} />
    </div>
  );
}
