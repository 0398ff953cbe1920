import { Space, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUrlState } from '../../components/useUrlState';
import { EventsTab } from '../organisation/EventsTab';
import { LetterWordingTab } from '../organisation/LetterWordingTab';
import { ImportTab } from '../organisation/ImportTab';
import { PeopleTab } from '../organisation/PeopleTab';
import { SettingsTab } from '../organisation/SettingsTab';
import { UnitsTab } from '../organisation/UnitsTab';

/** Organisation administration (admins): units, people, import, the city's settings, letter wording, the audit trail. */
export default function OrganisationPage() {
  const { t } = useTranslation('organisation');
  const { get, set } = useUrlState();
  const tab = get('tab') || 'units';
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        activeKey={tab}
        onChange={(key) => set({ tab: key === 'units' ? '' : key })}
        destroyOnHidden
        items={[
          { key: 'units', label: t('tabs.units'), children: <UnitsTab /> },
          { key: 'people', label: t('tabs.people'), children: <PeopleTab /> },
          { key: 'import', label: t('tabs.import'), children: <ImportTab /> },
          { key: 'settings', label: t('tabs.settings'), children: <SettingsTab /> },
          { key: 'wording', label: t('tabs.wording'), children: <LetterWordingTab /> },
          { key: 'events', label: t('tabs.events'), children: <EventsTab /> },
        ]}
      />
    </Space>
  );
}
