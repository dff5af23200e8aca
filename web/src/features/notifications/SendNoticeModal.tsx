import { Alert, App, Form, Input, Modal, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrgTree } from '../../api/hooks';
import { errorText } from '../../api/errors';
import { ROLES, type Me, type Role } from '../../api/types';
import { buildOrgTree, type OrgTreeNode } from '../../lib/orgTree';
import { useSendNotice, type NoticeInput } from './api';

interface TreeOption {
  value: string;
  title: string;
  children?: TreeOption[];
}
const toOptions = (nodes: OrgTreeNode[]): TreeOption[] =>
  nodes.map((n) => ({ value: n.orgId, title: n.name, children: n.children ? toOptions(n.children) : undefined }));

/** A manager writes a notice to the staff of an org node of their subtree (the API checks the same). */
export default function SendNoticeModal({ me, open, onClose }: { me: Me; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeInput>();
  const orgs = useOrgTree({ enabled: open });
  const send = useSendNotice();
  const treeData = useMemo(() => (orgs.data ? toOptions(buildOrgTree(orgs.data)) : []), [orgs.data]);
  const roleOptions = ROLES.map((r: Role) => ({ value: r, label: t(`role.${r}`) }));

  const submit = (v: NoticeInput) =>
    send.mutate(
      { ...v, roles: v.roles?.length ? v.roles : undefined },
      {
        onSuccess: (r) => {
          void message.success(t('notifications.sent', { count: r.recipients }));
          form.resetFields();
          send.reset();
          onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('notifications.send')}
      okText={t('notifications.form.submit')}
      cancelText={t('notifications.form.cancel')}
      confirmLoading={send.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'notice-submit' }}
      destroyOnHidden
      width={560}
    >
      <Form form={form} layout="vertical" initialValues={{ orgId: me.orgId }} onFinish={submit} requiredMark={false}>
        <Form.Item name="orgId" label={t('notifications.form.org')} extra={t('notifications.form.orgHint')}>
          <TreeSelect
            showSearch
            treeNodeFilterProp="title"
            treeData={treeData}
            treeDefaultExpandedKeys={[me.orgId]}
            loading={orgs.isLoading}
            data-testid="notice-org"
          />
        </Form.Item>
        <Form.Item name="roles" label={t('notifications.form.roles')}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('notifications.form.rolesAll')}
            options={roleOptions}
            data-testid="notice-roles"
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('notifications.form.title')}
          rules={[{ required: true, whitespace: true, message: t('notifications.form.titleRequired') }]}
        >
          <Input maxLength={60} showCount data-testid="notice-title" />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('notifications.form.body')}
          rules={[{ required: true, whitespace: true, message: t('notifications.form.bodyRequired') }]}
        >
          <Input.TextArea maxLength={1000} showCount autoSize={{ minRows: 3, maxRows: 8 }} data-testid="notice-body" />
        </Form.Item>
        {send.isError && (
          <Alert type="error" showIcon title={t('notifications.sendFailed', { message: errorText(t, send.error) })} />
        )}
      </Form>
    </Modal>
  );
}
