import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';

/**
 * The Node environment, plus a flag telling the test file's `afterEach` whether the test that
 * just ran failed, so it can save what each open browser page showed (see `diagnostics.ts`).
 */
export default class BrowserTestEnvironment extends NodeEnvironment {
  async handleTestEvent(event: Circus.Event): Promise<void> {
    if (event.name === 'test_start') this.global['__BANLI_TEST_FAILED__'] = false;
    if (event.name === 'test_fn_failure') this.global['__BANLI_TEST_FAILED__'] = true;
  }
}
