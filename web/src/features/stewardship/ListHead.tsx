import { DownloadOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** A list page's title with its xlsx export (managers only: the server refuses others). */
export default function ListHead(props: { title: string; exportUrl?: string; disabled: boolean; testId: string }) {
  const { t } = useTranslation();
  return (
    <div className="gh-page-head">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {props.title}
      </Typography.Title>
      {props.exportUrl && (
        <Button
          href={props.exportUrl}
          download
          icon={<DownloadOutlined />}
          data-testid={props.testId}
          disabled={props.disabled}
        >
          {t('stewardship.export')}
        </Button>
      )}
    </div>
  );
}
