/**
 * Workflow interceptors bundled with the workflow code (workflow-bundle.ts): Temporal's
 * OpenTelemetry interceptors, engaged only for messages that carry a trace context (the
 * `_tracer-data` header the API's client interceptor adds when tracing is on). Untraced
 * workflows, tests and saved histories run exactly as without them: no span, no sink call,
 * no SDK flag recorded. Deterministic code: runs in the workflow sandbox.
 */
import { trace } from '@opentelemetry/api';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type {
  ActivityInput,
  Next,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

const TRACE_HEADER = '_tracer-data';

let otel: { inbound: OpenTelemetryInboundInterceptor; outbound: OpenTelemetryOutboundInterceptor } | undefined;
/** Created on first use: the OpenTelemetry tracer is set up only in workflows that are traced. */
const tracing = () =>
  (otel ??= { inbound: new OpenTelemetryInboundInterceptor(), outbound: new OpenTelemetryOutboundInterceptor() });

const traced = (headers: Record<string, unknown>) => TRACE_HEADER in headers;

class TracedInbound implements WorkflowInboundCallsInterceptor {
  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    return traced(input.headers) ? tracing().inbound.execute(input, next) : next(input);
  }
  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return traced(input.headers) ? tracing().inbound.handleUpdate(input, next) : next(input);
  }
}

class TracedOutbound implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(
    input: ActivityInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>,
  ): Promise<unknown> {
    // Within a traced update or run, the activity joins its trace (the context travels in its headers).
    return otel && trace.getActiveSpan() ? otel.outbound.scheduleActivity(input, next) : next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new TracedInbound()],
  outbound: [new TracedOutbound()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
