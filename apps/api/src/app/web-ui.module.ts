import * as fs from 'node:fs';
import * as path from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';

/**
 * Serves the built web UI (apps/web, built into dist/apps/web) at `/`, so one URL opens it and
 * it talks to `/api` on the same origin. Unknown paths outside /api answer index.html (the
 * app's own routes). Without a build (API-only deployments, most tests) nothing is served.
 */
export function webUiDirectory(): string | undefined {
  const dir = path.resolve(process.env['BANLI_WEB_DIR'] ?? 'dist/apps/web');
  return fs.existsSync(path.join(dir, 'index.html')) ? dir : undefined;
}

@Module({})
export class WebUiModule {
  static register(): DynamicModule {
    const rootPath = webUiDirectory();
    if (!rootPath) return { module: WebUiModule };
    return {
      module: WebUiModule,
      imports: [
        ServeStaticModule.forRoot({ rootPath, exclude: ['/api/{*path}'], serveStaticOptions: { maxAge: '1h' } }),
      ],
    };
  }
}
