import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of API reads (TanStack Query). No automatic retry and no refetch on window
 * focus: a refusal shows at once (ErrorAlert), and what a screen shows changes when the user
 * acts, which reloads its reads (invalidation). Nothing is kept once no screen shows it
 * (gcTime 0): a screen opens on what the server says now, never on a copy from before an
 * action taken elsewhere.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, gcTime: 0 } },
});
