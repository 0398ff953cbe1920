import 'reflect-metadata';
import { httpConfigFromEnv } from '@banli/config';
import { createApp } from './app/create-app';

async function main(): Promise<void> {
  const http = httpConfigFromEnv();
  const app = await createApp(http);
  await app.listen(http.port, http.host);
  console.log(`Banli API listening on http://${http.host}:${http.port}/api (docs: /api/docs)`);
}

main().catch((err) => {
  console.error('Banli API failed to start:', err);
  process.exit(1);
});
