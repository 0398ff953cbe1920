import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Grid,
  Input,
  Radio,
  Row,
  Segmented,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { client, ok } from '../../api/client';
import type { User } from '../../api/types';
import { usePersonName } from '../../api/people';
import { useUnitName, useUnits } from '../../api/units';
import { ErrorAlert } from '../../components/ErrorAlert';
import { draftStorageKey, useDraftAutosave } from '../../components/useDraftAutosave';
import { formatDateTime, Lang } from '../../format';
import { queryClient } from '../../api/query';
import { onProposal, proposalKey, useAction } from './hooks';
import { LetterFrame } from './LetterFrame';
import { ADOPTION_COLOURS } from './OpinionsList';
import { DraftDiff } from './DraftDiff';
import { SimilarReplies } from './SimilarReplies';
import type { DraftContent, DraftVersion, ProposalDetail, SimilarReplySection, UnitOpinion, Workspace } from './types';

const ADOPTIONS = ['adopted', 'partly-adopted', 'for-reference'] as const;
const DISCLOSURES = ['publish', 'on-request', 'never'] as const;
const ADOPTION_SENTENCES = ['paragraph', 'inline', 'omitted'] as const;
type AdoptionSentence = (typeof ADOPTION_SENTENCES)[number];

interface SectionValues {
  adoption?: string;
  /** A new section puts its adoption sentence on its own paragraph; one saved before the choice, inline. */
  adoptionSentence?: AdoptionSentence;
  omitHeading?: boolean;
  title?: string;
  text?: string;
  measures?: string[];
}

interface DraftValues {
  replyClass?: string;
  disclosure?: string;
  summary?: string;
  sections: SectionValues[];
  topic?: string;
  contact?: { name?: string; phone?: string };
  copyTo?: string[];
  attachments?: string[];
}

function valuesOf(
  detail: ProposalDetail,
  content: Partial<DraftContent> | undefined,
  user: User,
  defaultCopyTo: string[],
): DraftValues {
  return {
    replyClass: content?.replyClass,
    disclosure: content?.disclosure,
    summary: content?.summary,
    sections: detail.suggestionPoints.map((p) => {
      const s = content?.sections?.find((x) => x.seq === p.seq);
      return {
        adoption: s?.adoption,
        adoptionSentence: s?.adoptionSentence ?? (s ? 'inline' : 'paragraph'),
        omitHeading: s?.omitHeading ?? false,
        title: s?.title,
        text: s?.text,
        measures: s?.measures ?? [],
      };
    }),
    topic: content?.topic,
    contact: content?.contact ?? { name: user.displayName, phone: '' },
    copyTo: content?.copyTo ?? defaultCopyTo,
    attachments: content?.attachments ?? [],
  };
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The body of save / submit / preview; `complete` keeps only answered points out of a save. */
function draftOf(detail: ProposalDetail, v: DraftValues, complete: boolean, defaultCopyTo: string[]): DraftContent {
  const sections = detail.suggestionPoints
    .map((p, i) => {
      const s = v.sections[i] ?? {};
      const measures = (s.measures ?? []).map((m) => m?.trim()).filter((m): m is string => !!m);
      return {
        seq: p.seq,
        adoption: s.adoption as DraftContent['sections'][number]['adoption'],
        text: s.text?.trim() ?? '',
        adoptionSentence: s.adoptionSentence ?? 'paragraph',
        ...(s.omitHeading ? { omitHeading: true } : {}),
        ...(s.title?.trim() ? { title: s.title.trim() } : {}),
        ...(measures.length ? { measures } : {}),
      };
    })
    // A save keeps the sections that say something; the API judges the rest.
    .filter((s) => complete || (s.adoption && (s.text || s.measures || s.adoptionSentence !== 'omitted')));
  const summary = v.summary?.trim();
  const copyTo = (v.copyTo ?? []).map((c) => c.trim()).filter((c) => c !== '');
  const attachments = (v.attachments ?? []).map((a) => a?.trim()).filter((a): a is string => !!a);
  return {
    replyClass: v.replyClass ?? '',
    disclosure: v.disclosure as DraftContent['disclosure'],
    ...(summary ? { summary } : {}),
    sections,
    topic: v.topic?.trim() ?? '',
    contact: { name: v.contact?.name?.trim() ?? '', phone: v.contact?.phone?.trim() ?? '' },
    // The default list (or none) is left out, so the letter takes the city's default as of signing.
    ...(copyTo.length > 0 && !sameList(copyTo, defaultCopyTo) ? { copyTo } : {}),
    ...(attachments.length > 0 ? { attachments } : {}),
  };
}

/**
 * 拟稿工作台: the suggestion points beside each co-handler's opinion, the reply draft (class,
 * disclosure, one section per point with adoption status, heading and measures, topic,
 * contact, 抄送 and 附件), save / preview / submit for review, and every draft version with its comments.
 */
export function DraftingWorkspace({
  detail,
  workspace,
  opinions,
  user,
  editable,
  onSaved,
}: {
  detail: ProposalDetail;
  workspace: Workspace;
  opinions: UnitOpinion[];
  user: User;
  editable: boolean;
  onSaved(): Promise<void>;
}) {
  const { t, i18n } = useTranslation('proposal');
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [form] = Form.useForm<DraftValues>();
  const mode = useRef<'save' | 'submit' | 'preview'>('save');
  const save = useAction(detail.id);
  const submit = useAction(detail.id);
  const [preview, setPreview] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<unknown>(null);
  const [previewBusy, setPreviewBusy] = useState(false);
  const previewRef = useRef<HTMLDivElement>(null);
  // Wide screens: the preview beside the form, in place of the points (the user switches);
  // narrow ones: below the form once asked for. Either way it follows what is typed.
  const wide = Grid.useBreakpoint().lg === true;
  const [pane, setPane] = useState<'points' | 'preview'>('points');
  const [previewOn, setPreviewOn] = useState(false);
  const previewShown = wide ? pane === 'preview' : previewOn;
  const previewSeq = useRef(0);
  const previewTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const round = Math.max(0, ...workspace.drafts.map((d) => d.round));
  const latest = workspace.drafts.filter((d) => d.round === round).at(-1);
  const defaultCopyTo = workspace.defaultCopyTo ?? [];
  const [initialValues] = useState(() => valuesOf(detail, latest?.content, user, defaultCopyTo));
  // What is typed is kept in this browser until saved, and leaving with unsaved work is warned of.
  const autosave = useDraftAutosave({
    form,
    storageKey: draftStorageKey(user.userId, detail.id, user.unitId),
    baseline: initialValues,
    enabled: editable,
  });
  const units = useUnits();
  const copyOptions = [...new Set([...defaultCopyTo, ...units.map((u) => u.shortName)])].map((name) => ({
    value: name,
    label: name,
  }));
  const classes = workspace.replyClasses ?? ['A', 'B', 'C'];

  /**
   * The letter as the form now reads, from the API's preview (the letters library's renderer):
   * no validation messages while typing; a draft with no answered point yet shows a hint, a
   * refusal shows above the last preview. Only the latest request's answer is shown.
   */
  const refreshPreview = async () => {
    const body = draftOf(detail, form.getFieldsValue(true) as DraftValues, false, defaultCopyTo);
    const seq = ++previewSeq.current;
    if (body.sections.length === 0) {
      setPreview(null);
      setPreviewError(null);
      return;
    }
    setPreviewBusy(true);
    try {
      const html = await ok(
        client.POST('/api/proposals/{id}/letters/preview', {
          params: { path: { id: detail.id } },
          body,
          parseAs: 'text',
        }),
      );
      if (seq !== previewSeq.current) return;
      setPreview(html);
      setPreviewError(null);
    } catch (e) {
      if (seq === previewSeq.current) setPreviewError(e);
    } finally {
      if (seq === previewSeq.current) setPreviewBusy(false);
    }
  };
  // The timer and the effect call the latest function (it reads this render's props).
  const refreshRef = useRef(refreshPreview);
  refreshRef.current = refreshPreview;
  const onValuesChange = () => {
    if (!previewShown) return;
    clearTimeout(previewTimer.current);
    previewTimer.current = setTimeout(() => void refreshRef.current(), 600);
  };
  useEffect(() => () => clearTimeout(previewTimer.current), []);
  useEffect(() => {
    if (previewShown) void refreshRef.current();
  }, [previewShown]);

  const requiredOnSubmit = (message: string) => ({
    validator: (_: unknown, value: unknown) =>
      mode.current === 'submit' && (value === undefined || value === null || String(value).trim() === '')
        ? Promise.reject(new Error(message))
        : Promise.resolve(),
  });
  const requiredAlways = (message: string) => ({ required: true, whitespace: true, message });

  const act = async (what: 'save' | 'submit' | 'preview') => {
    mode.current = what;
    let values: DraftValues;
    try {
      values = await form.validateFields({ recursive: true });
    } catch {
      return;
    }
    const body = draftOf(detail, values, what === 'submit', defaultCopyTo);
    if (body.sections.length === 0) {
      form.setFields([{ name: ['sections', 0, 'text'], errors: [t('draft.incomplete')] }]);
      return;
    }
    if (what === 'preview') {
      setPane('preview');
      setPreviewOn(true);
      await refreshPreview();
      if (!wide) setTimeout(() => previewRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 50);
      return;
    }
    const params = onProposal(detail.id);
    const result =
      what === 'save'
        ? await save.run(body, (b, headers) =>
            client.POST('/api/proposals/{id}/draft-versions', { params, body: b, headers }),
          )
        : await submit.run(body, (b, headers) =>
            client.POST('/api/proposals/{id}/drafts', { params, body: b, headers }),
          );
    if (!result) return;
    autosave.saved();
    if (what === 'save') {
      void message.success(t('draft.saved', { version: result.id ?? '' }));
      await onSaved();
    } else {
      void message.success(t('draft.submitted'));
      // The detail must open on what the server says after the submit, never on this page's copy.
      queryClient.removeQueries({ queryKey: proposalKey(detail.id) });
      navigate(`/proposals/${encodeURIComponent(detail.id)}`);
    }
  };

  const quote = (index: number, text: string) => {
    const current = (form.getFieldValue(['sections', index, 'text']) as string | undefined) ?? '';
    form.setFieldValue(['sections', index, 'text'], current ? `${current}\n${text}` : text);
  };

  /**
   * A section of a similar signed reply into the reply to point `index`: its text and measures
   * added to what is there; its adoption status and heading where none is set yet; and, into a
   * section with no text or measures yet, the letter's shape as signed (its adoption sentence's
   * placement, its heading left out or not), so the copy prints as the original did.
   */
  const copySection = (index: number, section: SimilarReplySection) => {
    const current = (form.getFieldValue(['sections', index]) as SectionValues | undefined) ?? {};
    const currentMeasures = (current.measures ?? []).filter((m) => m?.trim());
    const blank = !current.text?.trim() && currentMeasures.length === 0;
    const next: SectionValues = {
      ...current,
      adoption: current.adoption ?? section.adoption,
      title: current.title?.trim() ? current.title : (section.title ?? undefined),
      text: current.text?.trim() ? (section.text ? `${current.text}\n${section.text}` : current.text) : section.text,
      measures: [...currentMeasures, ...section.measures],
      ...(blank && { adoptionSentence: section.adoptionSentence, omitHeading: section.omitHeading }),
    };
    form.setFieldValue(['sections', index], next);
    void message.success(t('similar.copied', { seq: detail.suggestionPoints[index]?.seq ?? index + 1 }));
  };

  const previewCard = (
    <Card
      size="small"
      title={t('draft.previewTitle')}
      data-testid="draft-preview"
      extra={
        <Space size={8}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {previewBusy ? t('draft.previewUpdating') : t('draft.previewLive')}
          </Typography.Text>
          {!wide && (
            <Button size="small" onClick={() => setPreviewOn(false)}>
              {t('letters.hide')}
            </Button>
          )}
        </Space>
      }
    >
      <ErrorAlert error={previewError} />
      {preview === null ? (
        <Typography.Text type="secondary" data-testid="preview-waiting">
          {t('draft.previewWaiting')}
        </Typography.Text>
      ) : (
        <LetterFrame html={preview} title={t('draft.previewFrame')} height={wide ? 'calc(100vh - 180px)' : 560} fit />
      )}
    </Card>
  );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={10}>
        {wide && (
          <Segmented
            data-testid="workspace-pane"
            aria-label={t('draft.livePreview')}
            style={{ marginBottom: 12 }}
            value={pane}
            onChange={(v) => setPane(v as 'points' | 'preview')}
            options={[
              { value: 'points', label: t('draft.pointsTab') },
              { value: 'preview', label: t('draft.livePreview') },
            ]}
          />
        )}
        {wide && pane === 'preview' ? (
          <div style={{ position: 'sticky', top: 12 }}>{previewCard}</div>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card size="small" title={t('draft.opinionsStatus')} data-testid="opinion-status-list">
              {opinions.length === 0 ? (
                <Typography.Text type="secondary">{t('opinions.none')}</Typography.Text>
              ) : (
                <Space wrap>
                  {opinions.map((o) => (
                    <Tag
                      key={o.unitId}
                      color={o.status === 'submitted' ? 'green' : o.status === 'waived' ? 'default' : 'orange'}
                    >
                      {unitName(o.unitId)}：{t(`opinions.status.${o.status}`)}
                      {o.version ? ` · ${t('opinions.version', { version: o.version })}` : ''}
                    </Tag>
                  ))}
                </Space>
              )}
            </Card>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('draft.pointsBeside')}
            </Typography.Title>
            {workspace.points.map((p, i) => (
              <Card key={p.seq} size="small" title={`${p.seq}. ${p.text}`} data-testid={`ws-point-${p.seq}`}>
                {p.opinions.length === 0 ? (
                  <Typography.Text type="secondary">{t('draft.noOpinion')}</Typography.Text>
                ) : (
                  <Space orientation="vertical" style={{ width: '100%' }}>
                    {p.opinions.map((o) => (
                      <div key={o.unitId} data-testid={`ws-opinion-${p.seq}-${o.unitId}`}>
                        <Space wrap size={4}>
                          <Typography.Text strong>{o.unitName}</Typography.Text>
                          <Tag color={ADOPTION_COLOURS[o.adoption]}>{t(`adoption.${o.adoption}`)}</Tag>
                          {editable && (
                            <Button size="small" type="link" onClick={() => quote(i, o.text)}>
                              {t('draft.quote')}
                            </Button>
                          )}
                        </Space>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                          {o.text}
                        </Typography.Paragraph>
                      </div>
                    ))}
                  </Space>
                )}
              </Card>
            ))}
            <SimilarReplies
              proposalId={detail.id}
              pointSeqs={detail.suggestionPoints.map((p) => p.seq)}
              onCopy={editable ? copySection : undefined}
            />
          </Space>
        )}
      </Col>
      <Col xs={24} lg={14}>
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Card size="small" title={t('draft.form')} data-testid="draft-form">
            {!editable && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('draft.notDrafting')} />}
            <ErrorAlert error={save.error ?? submit.error} />
            {autosave.banner}
            <Form<DraftValues>
              form={form}
              name="draft"
              layout="vertical"
              initialValues={initialValues}
              disabled={!editable}
              onValuesChange={onValuesChange}
            >
              <Row gutter={16}>
                <Col xs={24} md={10}>
                  <Form.Item
                    name="replyClass"
                    label={t('draft.replyClass')}
                    rules={[{ required: true, message: t('actions.chooseRequired') }]}
                  >
                    <Radio.Group
                      aria-label={t('draft.replyClass')}
                      optionType="button"
                      options={classes.map((c) => ({ value: c, label: t('draft.classN', { cls: c }) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={14}>
                  <Form.Item
                    name="disclosure"
                    label={t('draft.disclosure')}
                    rules={[{ required: true, message: t('actions.chooseRequired') }]}
                  >
                    <Radio.Group
                      aria-label={t('draft.disclosure')}
                      optionType="button"
                      options={DISCLOSURES.map((d) => ({ value: d, label: t(`disclosure.${d}`) }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="summary" label={t('draft.summary')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={5000} />
              </Form.Item>
              {detail.suggestionPoints.map((p, i) => (
                <fieldset
                  key={p.seq}
                  data-testid={`section-${p.seq}`}
                  style={{ border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 12px', marginBottom: 12 }}
                >
                  <legend style={{ fontSize: 14, width: 'auto', padding: '0 4px', margin: 0, border: 0 }}>
                    {t('draft.section', { seq: p.seq })}：{p.text.length > 60 ? `${p.text.slice(0, 60)}…` : p.text}
                  </legend>
                  <Form.Item
                    name={['sections', i, 'adoption']}
                    label={t('draft.sectionAdoption', { seq: p.seq })}
                    rules={[requiredOnSubmit(t('actions.chooseRequired'))]}
                  >
                    <Radio.Group
                      aria-label={t('draft.sectionAdoption', { seq: p.seq })}
                      options={ADOPTIONS.map((a) => ({ value: a, label: t(`adoption.${a}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={['sections', i, 'adoptionSentence']}
                    label={t('draft.sectionAdoptionSentence', { seq: p.seq })}
                  >
                    <Radio.Group
                      aria-label={t('draft.sectionAdoptionSentence', { seq: p.seq })}
                      options={ADOPTION_SENTENCES.map((a) => ({ value: a, label: t(`draft.adoptionSentence.${a}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={['sections', i, 'title']} label={t('draft.sectionTitle', { seq: p.seq })}>
                    <Input maxLength={200} placeholder={p.text.slice(0, 200)} />
                  </Form.Item>
                  <Form.Item name={['sections', i, 'omitHeading']} valuePropName="checked" style={{ marginTop: -12 }}>
                    <Checkbox data-testid={`omit-heading-${p.seq}`}>{t('draft.omitHeading')}</Checkbox>
                  </Form.Item>
                  <Form.Item name={['sections', i, 'text']} label={t('draft.sectionText', { seq: p.seq })}>
                    <Input.TextArea autoSize={{ minRows: 2, maxRows: 10 }} maxLength={20000} />
                  </Form.Item>
                  <Form.List name={['sections', i, 'measures']}>
                    {(fields, { add, remove }) => (
                      <>
                        {fields.map((field, n) => (
                          <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                            <Form.Item
                              name={field.name}
                              label={t('draft.measure', { seq: p.seq, n: n + 1 })}
                              style={{ flex: 1 }}
                              rules={[requiredAlways(t('actions.required'))]}
                            >
                              <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={20000} />
                            </Form.Item>
                            <Button
                              icon={<DeleteOutlined />}
                              aria-label={t('draft.removeMeasure', { n: n + 1 })}
                              onClick={() => remove(field.name)}
                              style={{ marginTop: 30 }}
                            />
                          </div>
                        ))}
                        <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} size="small">
                          {t('draft.addMeasure')}
                        </Button>
                      </>
                    )}
                  </Form.List>
                </fieldset>
              ))}
              <Form.Item name="topic" label={t('draft.topic')} rules={[requiredAlways(t('actions.required'))]}>
                <Input maxLength={100} />
              </Form.Item>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['contact', 'name']}
                    label={t('draft.contactName')}
                    rules={[requiredAlways(t('actions.required'))]}
                  >
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name={['contact', 'phone']}
                    label={t('draft.contactPhone')}
                    rules={[requiredAlways(t('actions.required'))]}
                  >
                    <Input maxLength={40} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name="copyTo" label={t('draft.copyTo')} extra={t('draft.copyToHint')}>
                <Select
                  data-testid="draft-copy-to"
                  mode="tags"
                  options={copyOptions}
                  tokenSeparators={['、']}
                  maxCount={20}
                  aria-label={t('draft.copyTo')}
                />
              </Form.Item>
              <Form.List name="attachments">
                {(fields, { add, remove }) => (
                  <Form.Item label={t('draft.attachments')}>
                    {fields.map((field, n) => (
                      <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                        <Form.Item
                          name={field.name}
                          style={{ flex: 1, marginBottom: 8 }}
                          rules={[requiredAlways(t('actions.required'))]}
                        >
                          <Input maxLength={200} aria-label={t('draft.attachment', { n: n + 1 })} />
                        </Form.Item>
                        <Button
                          icon={<DeleteOutlined />}
                          aria-label={t('draft.removeAttachment', { n: n + 1 })}
                          onClick={() => remove(field.name)}
                        />
                      </div>
                    ))}
                    {fields.length < 20 && (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} size="small">
                        {t('draft.addAttachment')}
                      </Button>
                    )}
                  </Form.Item>
                )}
              </Form.List>
              <Space wrap>
                <Button onClick={() => void act('save')} loading={save.busy}>
                  {t('draft.save')}
                </Button>
                <Button onClick={() => void act('preview')} loading={previewBusy}>
                  {t('draft.preview')}
                </Button>
                <Button type="primary" onClick={() => void act('submit')} loading={submit.busy}>
                  {t('draft.submit')}
                </Button>
              </Space>
            </Form>
          </Card>
          {!wide && previewOn && <div ref={previewRef}>{previewCard}</div>}
          <DraftDiff
            key={workspace.drafts.length}
            versions={workspace.drafts}
            pointSeqs={detail.suggestionPoints.map((p) => p.seq)}
          />
          <Versions
            versions={workspace.drafts}
            lang={lang}
            onLoad={
              editable
                ? (d) => {
                    form.setFieldsValue(valuesOf(detail, d.content, user, defaultCopyTo));
                    window.scrollTo({ top: 0, behavior: 'smooth' });
                  }
                : undefined
            }
          />
        </Space>
      </Col>
    </Row>
  );
}

function Versions({
  versions,
  lang,
  onLoad,
}: {
  versions: DraftVersion[];
  lang: Lang;
  onLoad?: (d: DraftVersion) => void;
}) {
  const { t } = useTranslation('proposal');
  const personName = usePersonName();
  return (
    <Card size="small" title={t('draft.versions')} data-testid="draft-versions">
      {versions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('draft.noVersions')} />
      ) : (
        <Timeline
          items={[...versions].reverse().map((d) => ({
            key: `${d.round}-${d.draftVersion}`,
            color: d.comments.some((c) => c.outcome === 'sent-back')
              ? 'red'
              : d.status === 'submitted'
                ? 'blue'
                : 'gray',
            content: (
              <Space orientation="vertical" size={0} data-testid={`draft-version-${d.round}-${d.draftVersion}`}>
                <Space wrap size={8}>
                  <Typography.Text strong>
                    {t('draft.versionN', { round: d.round, version: d.draftVersion })}
                  </Typography.Text>
                  <Tag>{t(`draft.status.${d.status}`)}</Tag>
                  <Typography.Text type="secondary">
                    {formatDateTime(d.submittedAt, lang)} · {personName(d.submittedBy)}
                  </Typography.Text>
                  {onLoad && (
                    <Button size="small" type="link" onClick={() => onLoad(d)}>
                      {t('draft.loadVersion')}
                    </Button>
                  )}
                </Space>
                {d.comments.map((c, i) => (
                  <Typography.Text
                    key={i}
                    type={c.outcome === 'sent-back' ? 'danger' : 'success'}
                    style={{ whiteSpace: 'pre-wrap' }}
                    data-testid="draft-comment"
                  >
                    {c.outcome === 'sent-back'
                      ? t('draft.commentSentBack', { step: t(`eventData.step.${c.step}`) })
                      : t('draft.commentApproved', { step: t(`eventData.step.${c.step}`) })}
                    {c.comment ? `：${c.comment}` : ''}（{personName(c.by)} · {formatDateTime(c.at, lang)}）
                  </Typography.Text>
                ))}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  );
}
