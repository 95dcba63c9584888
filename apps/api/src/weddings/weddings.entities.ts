export { WeddingAvailability } from './wedding-availability.entity.js';
export { WeddingBlockedDay } from './wedding-blocked-day.entity.js';
export { WeddingBooking } from './wedding-booking.entity.js';
export { WeddingOfficiant } from './wedding-officiant.entity.js';
export { WeddingPlace } from './wedding-place.entity.js';
export { WeddingSequence } from './wedding-sequence.entity.js';
export { WeddingSettings } from './wedding-settings.entity.js';
