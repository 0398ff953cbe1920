import { Collapse, Space, Typography } from 'antd';
import { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitName } from '../../api/units';
import {
  ContactPanel,
  DecideExtensionPanel,
  DecideObjectionPanel,
  DispatchPanel,
  DraftLinkPanel,
  ExtensionPanel,
  FeedbackPanel,
  FollowUpPanel,
  KeyPanel,
  ObjectionPanel,
  OpinionPanel,
  PanelContext,
  PublicationPanel,
  ReminderPanel,
  ReturnOpinionPanel,
  WaivePanel,
} from './panels';
import { planPanels, PlannedPanel } from './plan';
import { ReviewPanel } from './ReviewPanel';

const unitsOf = (p: PlannedPanel) => p.targets.flatMap((t) => (t.unitId ? [t.unitId] : []));

function render(p: PlannedPanel, ctx: PanelContext): ReactNode {
  const first = p.targets[0];
  switch (p.panel) {
    case 'opinion':
      return <OpinionPanel ctx={ctx} />;
    case 'contact':
      return <ContactPanel ctx={ctx} />;
    case 'draft':
      return <DraftLinkPanel ctx={ctx} />;
    case 'review':
      return <ReviewPanel ctx={ctx} step="review" />;
    case 'sign-off':
      return <ReviewPanel ctx={ctx} step="sign-off" />;
    case 'dispatch':
      return <DispatchPanel ctx={ctx} />;
    case 'follow-up':
      return <FollowUpPanel ctx={ctx} />;
    case 'publication':
      return <PublicationPanel ctx={ctx} />;
    case 'decide-objection':
      return <DecideObjectionPanel ctx={ctx} objectionId={first?.objectionId ?? 0} />;
    case 'decide-extension':
      return <DecideExtensionPanel ctx={ctx} extensionId={first?.extensionId ?? 0} />;
    case 'feedback':
      return (
        <FeedbackPanel ctx={ctx} unitId={first?.unitId ?? ''} proposers={p.targets.map((t) => t.proposer ?? '')} />
      );
    case 'return-opinion':
      return <ReturnOpinionPanel ctx={ctx} units={unitsOf(p)} />;
    case 'objection':
      return <ObjectionPanel ctx={ctx} />;
    case 'extension':
      return <ExtensionPanel ctx={ctx} deadlineKeys={p.targets.map((t) => t.deadlineKey ?? '')} />;
    case 'waive':
      return <WaivePanel ctx={ctx} units={unitsOf(p)} />;
    case 'reminder':
      return <ReminderPanel ctx={ctx} units={unitsOf(p)} />;
    case 'key':
      return <KeyPanel ctx={ctx} />;
  }
}

/**
 * The actions the API allows the signed-in user here (`allowedActions`), and nothing else:
 * what is theirs to do now is shown open; what they may do besides (object, ask for more
 * time, return an opinion, 催办, …) is folded below. Anyone else sees no panel at all.
 */
export function ActionPanels({ ctx }: { ctx: PanelContext }) {
  const { t } = useTranslation('proposal');
  const unitName = useUnitName();
  const planned = planPanels(ctx.detail, ctx.user.unitId);
  if (planned.length === 0) return null;
  const label = (p: PlannedPanel): string => {
    switch (p.panel) {
      case 'key':
        return ctx.detail.keyProposal ? t('actions.key.titleUpdate') : t('actions.key.title');
      case 'feedback':
        return t('actions.feedback.title', { unit: unitName(p.targets[0]?.unitId ?? '') });
      case 'decide-objection': {
        const objection = ctx.detail.objections.find((o) => o.id === p.targets[0]?.objectionId);
        return t('actions.decideObjection.title', { unit: unitName(objection?.unitId ?? '') });
      }
      case 'decide-extension': {
        const extension = ctx.detail.extensions.find((x) => x.id === p.targets[0]?.extensionId);
        return t('actions.decideExtension.title', { unit: unitName(extension?.unitId ?? '') });
      }
      default:
        return t(`actions.${FOLDED_TITLES[p.panel]}.title`);
    }
  };
  const primary = planned.filter((p) => p.primary);
  const secondary = planned.filter((p) => !p.primary);
  return (
    <section aria-labelledby="my-actions" data-testid="action-panels">
      <Typography.Title level={4} id="my-actions" style={{ marginTop: 0 }}>
        {t('actions.title')}
      </Typography.Title>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {primary.map((p) => (
          <div key={p.key}>{render(p, ctx)}</div>
        ))}
        {secondary.length > 0 && (
          <Collapse
            size="small"
            data-testid="more-actions"
            items={secondary.map((p) => ({ key: p.key, label: label(p), children: render(p, ctx) }))}
          />
        )}
      </Space>
    </section>
  );
}

const FOLDED_TITLES: Record<
  Exclude<PlannedPanel['panel'], 'key' | 'feedback' | 'decide-objection' | 'decide-extension'>,
  string
> = {
  opinion: 'opinion',
  contact: 'contact',
  draft: 'draft',
  review: 'review',
  'sign-off': 'signOff',
  dispatch: 'dispatch',
  'follow-up': 'followUp',
  publication: 'publication',
  'return-opinion': 'returnOpinion',
  objection: 'objection',
  extension: 'extension',
  waive: 'waive',
  reminder: 'reminder',
};
