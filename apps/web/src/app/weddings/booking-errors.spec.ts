import { ApiError } from '../core/api/api-error';
import { bookingProblemsFromError, isHoldLost, isSlotGone } from './booking-errors';

describe('the weddings API’s errors in the form', () => {
  it('puts an underage witness at that witness’s field, in the user’s language', () => {
    const error = new ApiError(422, 'WEDDING_WITNESS_UNDERAGE', 'Vitnene må være fylt 18 år.', [
      { path: 'witnesses.1.birthDate', message: 'Vitnene må være fylt 18 år.' },
    ]);
    expect(bookingProblemsFromError(error)).toEqual([
      { field: 'witness-1-birth', messageKey: 'weddings.errors.witnessUnderage', params: {} },
    ]);
  });

  it('gives the latest possible wedding day of an expired certificate, written for the user', () => {
    const error = new ApiError(422, 'WEDDING_CERTIFICATE_EXPIRED', '…', [
      { path: 'certificateIssuedOn', message: '2027-06-10' },
    ]);
    expect(bookingProblemsFromError(error, { formatDate: (d) => `«${d}»` })).toEqual([
      {
        field: 'certificate-issued',
        messageKey: 'weddings.errors.certificateExpired',
        params: { date: '«2027-06-10»' },
      },
    ]);
  });

  it('shows a taken slot for the whole form, and says the calendar must be loaded again', () => {
    const error = new ApiError(409, 'WEDDING_SLOT_TAKEN', '…', [
      { path: 'startsAt', message: '…' },
    ]);
    expect(bookingProblemsFromError(error)).toEqual([
      { field: null, messageKey: 'weddings.errors.slotTaken', params: {} },
    ]);
    expect(isSlotGone(error)).toBe(true);
    expect(isHoldLost(error)).toBe(false);
    expect(isHoldLost(new ApiError(409, 'WEDDING_HOLD_INVALID', '…'))).toBe(true);
  });

  it('fills in what the page knows, such as the capacity', () => {
    const error = new ApiError(422, 'WEDDING_OVER_CAPACITY', '…', [
      { path: 'guests', message: 'Høyst 20.' },
    ]);
    expect(bookingProblemsFromError(error, { params: { capacity: 20 } })).toEqual([
      { field: 'guests', messageKey: 'weddings.errors.overCapacity', params: { capacity: 20 } },
    ]);
  });

  it('shows other errors as the other forms do', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', 'Ugyldig.', [
      { path: 'parties.0.email', message: 'Ugyldig e-postadresse.' },
    ]);
    expect(bookingProblemsFromError(error)).toEqual([
      { field: null, messageKey: 'errors.validation' },
      { field: 'party-0-email', text: 'Ugyldig e-postadresse.' },
    ]);
    expect(bookingProblemsFromError(new Error('boom'))).toEqual([
      { field: null, messageKey: 'errors.unknown' },
    ]);
  });
});
