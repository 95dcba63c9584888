import { WeddingError } from './weddings.errors.js';

/**
 * The errors of the officiant's own view and of linking an officiant to a user: stable codes,
 * messages in bokmål, nynorsk and English (the staff and the officiant read bokmål, like the
 * other staff routes).
 */
export const officiantError = {
  userInvalid: () =>
    new WeddingError(
      'WEDDING_OFFICIANT_USER_INVALID',
      {
        nb: 'Brukeren finnes ikke i kommunen eller har ikke rollen vigsler.',
        nn: 'Brukaren finst ikkje i kommunen eller har ikkje rolla vigslar.',
        en: 'The user does not exist in the municipality or does not have the officiant role.',
      },
      422,
      'nb',
      [{ path: 'userId', message: 'Brukeren finnes ikke i kommunen eller har ikke rollen vigsler.' }],
    ),
  userTaken: () =>
    new WeddingError(
      'WEDDING_OFFICIANT_USER_TAKEN',
      {
        nb: 'Brukeren er allerede knyttet til en annen vigsler.',
        nn: 'Brukaren er alt knytt til ein annan vigslar.',
        en: 'The user is already linked to another officiant.',
      },
      409,
      'nb',
      [{ path: 'userId', message: 'Brukeren er allerede knyttet til en annen vigsler.' }],
    ),
  notLinked: () =>
    new WeddingError(
      'WEDDING_OFFICIANT_NOT_LINKED',
      {
        nb: 'Brukeren din er ikke knyttet til en vigsler. Be servicetorget knytte deg til vigslerregisteret.',
        nn: 'Brukaren din er ikkje knytt til ein vigslar. Be servicetorget knyte deg til vigslarregisteret.',
        en: 'Your user is not linked to an officiant. Ask the service centre to link you.',
      },
      403,
    ),
};
