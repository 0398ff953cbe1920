import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generateOpenApiDocument } from './app/openapi-document';

/** Where the committed document lives; the web client is generated from it. */
export const OPENAPI_FILE = path.join(__dirname, '..', 'openapi.json');

export function serializeOpenApi(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** Writes apps/api/openapi.json from the code (`npx nx run api:openapi`). */
async function main(): Promise<void> {
  writeFileSync(OPENAPI_FILE, serializeOpenApi(await generateOpenApiDocument()));
  console.log(`wrote ${path.relative(process.cwd(), OPENAPI_FILE)}`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
