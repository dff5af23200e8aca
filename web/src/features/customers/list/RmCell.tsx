import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../api/types';

/** The RM's name; mass customers need none, an unassigned eligible customer is flagged. */
export default function RmCell({ row }: { row: CustomerRow }) {
  const { t } = useTranslation();
  if (row.rmName) return <span>{row.rmName}</span>;
  if (row.tier === 'mass') return <span className="gh-muted">—</span>;
  return <Tag color="red">{t('customers.unassigned')}</Tag>;
}
