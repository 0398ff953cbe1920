import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/**
 * The built web UI (apps/web → dist/apps/web), served at `/` so one URL opens it and it talks
 * to `/api` on the same origin. Hashed assets are cached; any other GET outside /api answers
 * index.html (the app's own routes). Nothing under /api is touched, so API errors (413, 400…)
 * keep their own answers. Without a build (API-only deployments, most tests), nothing is served.
 */
export function webUiDirectory(): string | undefined {
  const dir = path.resolve(process.env['BANLI_WEB_DIR'] ?? 'dist/apps/web');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

export function serveWebUi(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h', fallthrough: true });
  const index = path.join(dir, 'index.html');
  app.use((req: Request, res: Response, next: NextFunction) => {
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    if (isApi || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}
