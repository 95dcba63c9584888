import type {
  BodyDetail,
  BodyOverview,
  HistoryResponse,
  MunicipalityRef,
  SessionUser,
} from '@sekretariat/contracts';

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
  personId: null,
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
    substituteOrder: 'common',
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

export const OFFICIAL_USER: SessionUser = {
  id: '7d2f3a1b-9b66-4b8f-8c2d-3e4f5a6b7c8d',
  username: 'politiker',
  displayName: 'Per Politiker',
  personId: null,
  roles: ['official'],
  municipality: MUNICIPALITY,
};

export function bodyOverview(overrides: Partial<BodyOverview> = {}): BodyOverview {
  return {
    id: BODY_ID,
    nameNn: null,
    parentId: null,
    delegation: '',
    electionMethod: 'forholdsvalg',
    substituteOrder: 'common',
    isPublic: true,
    genderBalance: {
      applies: 'as_far_as_possible',
      ok: false,
      checks: [
        {
          group: 'member',
          code: 'GENDER_BALANCE_MET',
          kind: 'member',
          list: null,
          total: 2,
          female: 1,
          male: 1,
          required: 1,
          ok: true,
        },
        {
          group: 'substitute',
          code: 'GENDER_BALANCE_SHORT',
          kind: 'substitute',
          list: null,
          total: 2,
          female: 0,
          male: 2,
          required: 1,
          ok: false,
        },
      ],
    },
    actingMembers: [],
    warnings: [],
    ...overrides,
  };
}

export function bodyHistory(): HistoryResponse {
  return {
    items: [
      {
        membershipId: 'a1000000-0000-4000-8000-000000000009',
        personId: 'b1000000-0000-4000-8000-000000000009',
        name: 'Tidligere Medlem',
        party: 'Eksempelpartiet',
        kind: 'member',
        role: 'member',
        rank: null,
        from: '2023-10-01',
        to: '2024-06-30',
        endReason: 'moved',
        leaves: [
          {
            id: 'c1000000-0000-4000-8000-000000000001',
            kind: 'leave',
            from: '2024-01-01',
            to: '2024-03-31',
            reason: 'Foreldrepermisjon',
            decisionRef: 'PS 3/24',
          },
        ],
      },
    ],
  };
}
