import type { BodyDetail, MunicipalityRef, SessionUser } from '@sekretariat/contracts';

export const MUNICIPALITY: MunicipalityRef = {
  id: '0b0f4f9e-2c54-4d0c-9d52-5a1f4c8f0a01',
  slug: 'eksempel',
  name: 'Eksempel kommune',
  number: '9999',
};

export const SECRETARIAT_USER: SessionUser = {
  id: '6c1e2f0a-8a55-4a7e-9b1c-2f3d4e5f6a7b',
  username: 'kari',
  displayName: 'Kari Nordmann',
  roles: ['secretariat'],
  municipality: MUNICIPALITY,
};

export const BODY_ID = '3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

export function bodyDetail(withEmail: boolean): BodyDetail {
  const email = (address: string) => (withEmail ? address : null);
  return {
    id: BODY_ID,
    name: 'Formannskapet',
    kind: 'formannskap',
    seats: 7,
    termFrom: '2023-10-01',
    termTo: '2027-09-30',
    memberCount: 2,
    members: [
      {
        membershipId: 'a1000000-0000-4000-8000-000000000001',
        personId: 'b1000000-0000-4000-8000-000000000001',
        name: 'Ola Ordfører',
        party: 'Eksempelpartiet',
        role: 'leader',
        from: '2023-10-01',
        to: null,
        email: email('ola@example.no'),
      },
      {
        membershipId: 'a1000000-0000-4000-8000-000000000002',
        personId: 'b1000000-0000-4000-8000-000000000002',
        name: 'Åse Ærlig',
        party: null,
        role: 'member',
        from: '2023-10-01',
        to: null,
        email: email('ase@example.no'),
      },
    ],
    substitutes: [
      {
        membershipId: 'a1000000-0000-4000-8000-000000000004',
        personId: 'b1000000-0000-4000-8000-000000000004',
        name: 'Siri Andre',
        party: 'Eksempelpartiet',
        role: 'member',
        from: '2023-10-01',
        to: null,
        email: email('siri@example.no'),
        rank: 2,
      },
      {
        membershipId: 'a1000000-0000-4000-8000-000000000003',
        personId: 'b1000000-0000-4000-8000-000000000003',
        name: 'Per Første',
        party: 'Eksempelpartiet',
        role: 'member',
        from: '2023-10-01',
        to: null,
        email: email('per@example.no'),
        rank: 1,
      },
    ],
  };
}
