import { App } from 'antd';
import { ExclamationCircleFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface ConfirmOptions {
  /** The question: 确认签发？ */
  title: ReactNode;
  /** What will happen, and that it cannot be undone. */
  content: ReactNode;
  /** The button that goes ahead (the action's own name). */
  okText: string;
  danger?: boolean;
}

/**
 * Confirmation before an irreversible action (Ant Design's Modal.confirm through the App
 * context): resolves true when the user goes ahead, false when they cancel or close it.
 */
export function useConfirm(): (options: ConfirmOptions) => Promise<boolean> {
  const { modal } = App.useApp();
  const { t } = useTranslation();
  return (o) =>
    new Promise<boolean>((resolve) => {
      modal.confirm({
        title: o.title,
        icon: <ExclamationCircleFilled />,
        content: <div data-testid="confirm-content">{o.content}</div>,
        okText: o.okText,
        okButtonProps: { danger: o.danger, ...({ 'data-testid': 'confirm-ok' } as object) },
        cancelText: t('cancel'),
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
        rootClassName: 'banli-confirm',
      });
    });
}
