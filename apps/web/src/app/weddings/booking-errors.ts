import { ApiError } from '../core/api/api-error';
import { type FormProblem, problemsFromError } from '../shared/form-problems';
import { FIELD_IDS, fieldId } from './booking-rules';

/** A domain error of the weddings API: its message in the user's language, and the field it concerns. */
interface KnownError {
  readonly messageKey: string;
  /** The field when the API names none. */
  readonly field: string | null;
}

const E = 'weddings.errors.';

/**
 * The weddings API's error codes (apps/api/src/weddings/weddings.errors.ts). The API words its
 * messages itself, but the couple sees these, in the interface's language, at the field the API
 * names (`witnesses.1.birthDate`) or else at the code's own field.
 */
export const WEDDING_ERRORS: Readonly<Record<string, KnownError>> = {
  WEDDING_PLACE_NOT_FOUND: { messageKey: E + 'placeNotFound', field: null },
  WEDDING_SLOT_TAKEN: { messageKey: E + 'slotTaken', field: null },
  WEDDING_SLOT_NOT_OFFERED: { messageKey: E + 'slotNotOffered', field: null },
  WEDDING_SLOT_IN_PAST: { messageKey: E + 'slotInPast', field: null },
  WEDDING_HOLD_INVALID: { messageKey: E + 'holdInvalid', field: null },
  WEDDING_OVER_CAPACITY: { messageKey: E + 'overCapacity', field: fieldId.guests },
  WEDDING_WITNESS_UNDERAGE: {
    messageKey: E + 'witnessUnderage',
    field: fieldId.witness(0, 'birth'),
  },
  WEDDING_PARTY_UNDERAGE: { messageKey: E + 'partyUnderage', field: fieldId.party(0, 'birth') },
  WEDDING_CERTIFICATE_EXPIRED: { messageKey: E + 'certificateExpired', field: fieldId.certificate },
  WEDDING_CERTIFICATE_NOT_ISSUED: {
    messageKey: E + 'certificateNotIssued',
    field: fieldId.certificate,
  },
  WEDDING_BOOKING_NOT_FOUND: { messageKey: E + 'bookingNotFound', field: null },
  WEDDING_NOT_BOOKED: { messageKey: E + 'notBooked', field: null },
  WEDDING_NOT_YET: { messageKey: E + 'notYet', field: null },
  WEDDING_OFFICIANT_NOT_FOUND: { messageKey: E + 'officiantNotFound', field: null },
  WEDDING_OFFICIANT_TAKEN: { messageKey: E + 'officiantTaken', field: null },
  WEDDING_OFFICIANT_NOT_AUTHORISED: { messageKey: E + 'officiantNotAuthorised', field: null },
};

/** The codes after which the chosen time is gone: the calendar is loaded again. */
const SLOT_GONE = new Set([
  'WEDDING_SLOT_TAKEN',
  'WEDDING_SLOT_NOT_OFFERED',
  'WEDDING_SLOT_IN_PAST',
]);

export function isSlotGone(error: unknown): boolean {
  return error instanceof ApiError && SLOT_GONE.has(error.code);
}

/** The hold ran out (or was never valid): the time must be chosen again before booking. */
export function isHoldLost(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'WEDDING_HOLD_INVALID';
}

/**
 * The problems of a failed booking step. A known code becomes its translated message at the
 * field the API names (e.g. `witnesses.1.birthDate`), or at the code's own field; `params` fill
 * its text (the place's capacity, from what was sent). A date the API gives for a field (the
 * certificate's last valid day) is written with `formatDate` as `{{date}}`. Anything else is
 * shown as the other forms show it (problemsFromError).
 */
export function bookingProblemsFromError(
  error: unknown,
  options: {
    params?: Readonly<Record<string, unknown>>;
    formatDate?: (date: string) => string;
    fieldIds?: Readonly<Record<string, string>>;
  } = {},
): FormProblem[] {
  const fieldIds = options.fieldIds ?? FIELD_IDS;
  if (!(error instanceof ApiError)) return problemsFromError(error, fieldIds);
  const known = WEDDING_ERRORS[error.code];
  if (!known) return problemsFromError(error, fieldIds);
  const date = error.fields.map((f) => f.message).find((m) => /^\d{4}-\d{2}-\d{2}$/.test(m));
  const params = {
    ...options.params,
    ...(date ? { date: (options.formatDate ?? String)(date) } : {}),
  };
  const fields = error.fields
    .map((f) => fieldIds[f.path] ?? null)
    .filter((field): field is string => field !== null);
  const targets = fields.length > 0 ? [...new Set(fields)] : [known.field];
  return targets.map((field) => ({ field, messageKey: known.messageKey, params }));
}
