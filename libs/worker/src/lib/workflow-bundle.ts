import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, Logger, WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** The nearest folder above this file holding nx.json: works from sources and from dist. */
function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No nx.json above ${from}`);
  }
}

/**
 * The workflow sources and the workspace libraries they may import (everything else is an npm
 * package). Resolved only when bundling: a production image holds the pre-built bundle and no
 * sources (nor nx.json), and must be able to load this library all the same.
 */
function workflowSources(): { workflowsPath: string; interceptorsPath: string; aliases: Record<string, string> } {
  const root = findWorkspaceRoot(__dirname);
  return {
    workflowsPath: path.join(root, 'workflows/src/index.ts'),
    interceptorsPath: path.join(root, 'libs/worker/src/lib/tracing/workflow-tracing.interceptors.ts'),
    aliases: {
      '@banli/domain': path.join(root, 'libs/domain/src/index.ts'),
      '@banli/contracts': path.join(root, 'libs/contracts/src/index.ts'),
    },
  };
}

/**
 * Bundles the deterministic workflow code from its TypeScript sources. The bundler does not
 * read tsconfig paths, so the workspace aliases are given to webpack here. `extraAliases`
 * (module request → file) is for tests that bundle a variant of the workflow code, e.g. the
 * patching test, which swaps `@temporalio/workflow` for a shim.
 */
export async function bundleWorkflows(
  options: { extraAliases?: Record<string, string>; logger?: Logger } = {},
): Promise<WorkflowBundleWithSourceMap> {
  const { workflowsPath, interceptorsPath, aliases } = workflowSources();
  return bundleWorkflowCode({
    workflowsPath,
    ...(options.logger ? { logger: options.logger } : {}),
    // OpenTelemetry spans for traced updates only (see workflow-tracing.interceptors.ts).
    workflowInterceptorModules: [interceptorsPath],
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: {
          ...(config.resolve?.alias as Record<string, string>),
          ...aliases,
          ...options.extraAliases,
        },
      },
    }),
  });
}
