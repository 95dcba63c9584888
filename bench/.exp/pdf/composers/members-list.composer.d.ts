import { type ComposedDocument } from '../document-layout.js';
export type MemberRole = 'leader' | 'deputy_leader' | 'member';
export interface MembersListInput {
    municipalityName: string;
    body: {
        name: string;
        kind: string;
        termFrom: string;
        termTo: string;
        seats: number;
    };
    members: Array<{
        name: string;
        party: string | null;
        role: MemberRole;
    }>;
    substitutes: Array<{
        rank: number;
        name: string;
        party: string | null;
    }>;
    generatedAt: Date;
}
/**
 * "Medlemsliste – <organ>": members (leader and deputy first, then in the given order) and substitutes by rank.
 * Pure: same input, same HTML.
 */
export declare function composeMembersList(input: MembersListInput): ComposedDocument;
