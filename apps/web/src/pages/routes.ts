import { ComponentType, lazy, LazyExoticComponent } from 'react';
import type { Role } from '../api/types';

export interface AppRoute {
  path: string;
  /** Who may open the screen; others are sent to their inbox. */
  roles?: Role[];
  Page: LazyExoticComponent<ComponentType>;
}

/**
 * Every screen besides sign-in and the inbox, each its own chunk (loaded when first opened).
 * The API still checks every call: the roles here only spare people screens they cannot use.
 */
export const ROUTES: AppRoute[] = [
  { path: '/proposals', Page: lazy(() => import('./routes/proposals')) },
  { path: '/proposals/:id', Page: lazy(() => import('./routes/ProposalDetailPage')) },
  { path: '/proposals/:id/print', Page: lazy(() => import('./routes/ProposalPrintPage')) },
  {
    path: '/proposals/:id/workspace',
    roles: ['handler', 'reviewer', 'signer'],
    Page: lazy(() => import('./routes/ProposalWorkspacePage')),
  },
  { path: '/intake', roles: ['registrar'], Page: lazy(() => import('./routes/intake')) },
  { path: '/assignment', roles: ['assigning-officer'], Page: lazy(() => import('./routes/assignment')) },
  { path: '/dashboard', roles: ['supervisor', 'assigning-officer'], Page: lazy(() => import('./routes/dashboard')) },
  { path: '/notifications', Page: lazy(() => import('./routes/notifications')) },
  { path: '/admin/organisation', roles: ['admin'], Page: lazy(() => import('./routes/organisation')) },
  { path: '/admin/calendar', roles: ['admin'], Page: lazy(() => import('./routes/admin-calendar')) },
  { path: '/admin/sessions', roles: ['admin'], Page: lazy(() => import('./routes/admin-sessions')) },
];
