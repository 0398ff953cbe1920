import { readFileSync } from 'node:fs';
import { generateOpenApiDocument } from './app/openapi-document';
import { OPENAPI_FILE, serializeOpenApi } from './openapi';

describe('apps/api/openapi.json', () => {
  it('is the document the code generates (regenerate: npx nx run api:openapi)', async () => {
    const generated = serializeOpenApi(await generateOpenApiDocument());
    expect(readFileSync(OPENAPI_FILE, 'utf8')).toBe(generated);
  }, 30_000);
});
