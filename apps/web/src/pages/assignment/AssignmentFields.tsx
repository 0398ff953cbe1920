import { Form, FormInstance, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUnits } from '../../api/units';
import type { AssignValues } from './AssignForm';

/**
 * The fields of an assignment (交办): mode, then the lead and co-handling units, or the units
 * of a split or single assignment (bureaus only). Shared by the one-proposal form and the bulk
 * assignment; `idPrefix` keeps the ids of several forms on one page apart.
 */
export function AssignmentFields(props: {
  form: FormInstance<AssignValues>;
  idPrefix: string;
  initialMode?: AssignValues['mode'];
}) {
  const { t } = useTranslation('assignment');
  const units = useUnits().filter((u) => u.kind === 'bureau' && u.enabled);
  const mode = Form.useWatch('mode', props.form) ?? props.initialMode ?? 'lead';
  const lead = Form.useWatch('leadUnitId', props.form);
  const options = units.map((u) => ({ value: u.id, label: u.name }));
  const id = (name: string) => `${props.idPrefix}-${name}`;

  return (
    <>
      <Form.Item name="mode" label={t('mode')} extra={t(`modeHelp.${mode}`)}>
        <Radio.Group
          optionType="button"
          options={(['lead', 'split', 'single'] as const).map((m) => ({ value: m, label: t(`modes.${m}`) }))}
        />
      </Form.Item>
      {mode === 'lead' && (
        <>
          <Form.Item
            name="leadUnitId"
            label={t('leadUnit')}
            htmlFor={id('lead')}
            rules={[{ required: true, message: t('required', { field: t('leadUnit') }) }]}
          >
            <Select id={id('lead')} options={options} showSearch={{ optionFilterProp: 'label' }} />
          </Form.Item>
          <Form.Item
            name="coHandlerUnitIds"
            label={t('coHandlers')}
            htmlFor={id('co')}
            rules={[{ required: true, type: 'array', min: 1, message: t('needCoHandler') }]}
          >
            <Select
              id={id('co')}
              mode="multiple"
              options={options.filter((o) => o.value !== lead)}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
        </>
      )}
      {mode === 'split' && (
        <Form.Item
          name="splitUnitIds"
          label={t('splitUnits')}
          htmlFor={id('split')}
          rules={[{ required: true, type: 'array', min: 2, message: t('needTwo') }]}
        >
          <Select id={id('split')} mode="multiple" options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
      {mode === 'single' && (
        <Form.Item
          name="singleUnitId"
          label={t('singleUnit')}
          htmlFor={id('single')}
          rules={[{ required: true, message: t('required', { field: t('singleUnit') }) }]}
        >
          <Select id={id('single')} options={options} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      )}
    </>
  );
}
