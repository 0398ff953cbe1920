export default async function globalTeardown(): Promise<void> {
  await globalThis.__BANLI_TEST_RESOURCES__?.teardown();
}
