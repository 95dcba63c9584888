import type { FastifyReply } from 'fastify';

export function csvFilename(prefix: string, name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${prefix}-${slug || 'organ'}.csv`;
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): string {
  void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return csv;
}
