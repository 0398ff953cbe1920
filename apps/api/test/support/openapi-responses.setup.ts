import { takeViolations } from './openapi-responses';

/** A test fails when an answer the API gave during it (or before it) breaks apps/api/openapi.json. */
function failOnViolations(): void {
  const violations = takeViolations();
  if (violations.length > 0) {
    throw new Error(
      `${violations.length} answer(s) break the OpenAPI document (apps/api/openapi.json; fix the document or the code, then npx nx run api:openapi):\n${violations.join('\n')}`,
    );
  }
}

afterEach(failOnViolations);
afterAll(failOnViolations);
