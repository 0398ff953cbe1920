/** A refusal remembered under an Idempotency-Key, answered again exactly as the first time. */
export class ReplayedError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('replayed');
  }
}
