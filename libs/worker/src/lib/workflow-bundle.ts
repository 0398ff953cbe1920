import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWorkflowCode, WorkflowBundleWithSourceMap } from '@temporalio/worker';

/** The nearest folder above this file holding nx.json: works from sources and from dist. */
function findWorkspaceRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No nx.json above ${from}`);
  }
}

const WORKSPACE_ROOT = findWorkspaceRoot(__dirname);

/** Workspace libraries the workflow code may import; everything else is an npm package. */
const WORKFLOW_LIBRARY_ALIASES: Record<string, string> = {
  '@banli/domain': path.join(WORKSPACE_ROOT, 'libs/domain/src/index.ts'),
  '@banli/contracts': path.join(WORKSPACE_ROOT, 'libs/contracts/src/index.ts'),
};

export const WORKFLOWS_SOURCE = path.join(WORKSPACE_ROOT, 'workflows/src/index.ts');

/**
 * Bundles the deterministic workflow code from its TypeScript sources. The bundler does not
 * read tsconfig paths, so the workspace aliases are given to webpack here.
 */
export async function bundleWorkflows(): Promise<WorkflowBundleWithSourceMap> {
  return bundleWorkflowCode({
    workflowsPath: WORKFLOWS_SOURCE,
    webpackConfigHook: (config) => ({
      ...config,
      resolve: {
        ...config.resolve,
        alias: { ...(config.resolve?.alias as Record<string, string>), ...WORKFLOW_LIBRARY_ALIASES },
      },
    }),
  });
}
