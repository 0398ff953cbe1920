import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { ErrorDetail, RegistrationRequest, registrationRequestProblems } from '@banli/domain';
import type { ApiErrorBody } from '../common/api-error';
import { RegisterProposalDto } from '../proposals/register-proposal.dto';

export type ImportRowError = ApiErrorBody['error'];

export type ValidatedRow =
  { ok: true; registration: RegistrationRequest; urgent?: boolean } | { ok: false; error: ImportRowError };

/**
 * Checks one imported row exactly as POST /api/proposals checks its body: the HTTP shape
 * (unknown or wrongly typed fields: BAD_REQUEST), then the domain's registration rules
 * (VALIDATION_FAILED), with every problem as a detail. Its session is checked as it is
 * registered (ProposalsService), so a row of an unknown or closed session fails on its own.
 */
export async function validateImportRow(raw: unknown): Promise<ValidatedRow> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: { code: 'BAD_REQUEST', message: 'Each proposal must be an object' } };
  }
  const dto = plainToInstance(RegisterProposalDto, raw);
  const shapeErrors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (shapeErrors.length > 0) {
    return {
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'The proposal is invalid', details: detailsOf(shapeErrors) },
    };
  }
  const registration: RegistrationRequest = {
    kind: dto.kind,
    sessionCode: dto.sessionCode,
    ...(dto.sessionName !== undefined ? { sessionName: dto.sessionName } : {}),
    number: dto.number,
    title: dto.title,
    proposers: dto.proposers.map((p) => ({ name: p.name, lead: p.lead, ...(p.email ? { email: p.email } : {}) })),
    body: dto.body,
    suggestionPoints: dto.suggestionPoints.map((p) => ({ seq: p.seq, text: p.text })),
  };
  const problems = registrationRequestProblems(registration);
  if (problems.length > 0) {
    return {
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'The proposal registration is invalid', details: problems },
    };
  }
  return { ok: true, registration, ...(dto.urgent !== undefined ? { urgent: dto.urgent } : {}) };
}

function detailsOf(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    return [
      ...Object.values(e.constraints ?? {}).map((message) => ({ field, message })),
      ...detailsOf(e.children ?? [], field),
    ];
  });
}
