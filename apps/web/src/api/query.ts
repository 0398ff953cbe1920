import { QueryClient } from '@tanstack/react-query';

/**
 * The one cache of API reads (TanStack Query). No automatic retry and no refetch on window
 * focus: a refusal shows at once (ErrorAlert), and what a screen shows changes only when the
 * user acts, which invalidates the reads (see useAction).
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});
