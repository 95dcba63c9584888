// Writes the JSON Schemas of the open-data formats from their zod definitions: `npm run schemas -w @sekretariat/contracts`.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { OpenProtocol } from '../dist/index.js';

const schema = { $id: 'https://sekretariat.example/schemas/protocol.schema.json', title: 'Møteprotokoll (open data)', ...z.toJSONSchema(OpenProtocol, { target: 'draft-2020-12' }) };
writeFileSync(new URL('../schemas/protocol.schema.json', import.meta.url), JSON.stringify(schema, null, 2) + '\n');
