import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { OpenProtocol } from '@sekretariat/contracts';

describe('open-data schema of the protocol', () => {
  it('is committed as generated from the zod definition (npm run schemas -w @sekretariat/contracts)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../packages/contracts/schemas/protocol.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const { $id: _id, title: _title, ...rest } = committed;
    expect(rest).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(OpenProtocol, { target: 'draft-2020-12' }))));
  });
});
