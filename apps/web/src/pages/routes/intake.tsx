import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../components/useUrlState';
import { ImportPanel } from '../intake/ImportPanel';
import { RegisterForm } from '../intake/RegisterForm';
import { ReviewPanel } from '../intake/ReviewPanel';

const TABS = ['import', 'register', 'review'] as const;

/** The proposal committee's desk: import a session, register one proposal, review (立案). */
export default function IntakePage() {
  const { t } = useTranslation('intake');
  const { get, set } = useUrlState();
  const tab = (TABS as readonly string[]).includes(get('tab')) ? get('tab') : 'import';

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'import' ? '' : key })}
        items={[
          { key: 'import', label: t('tabs.import'), children: <ImportPanel /> },
          { key: 'register', label: t('tabs.register'), children: <RegisterForm /> },
          { key: 'review', label: t('tabs.review'), children: <ReviewPanel active={tab === 'review'} /> },
        ]}
      />
    </Space>
  );
}
