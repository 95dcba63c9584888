import type { FastifyReply } from 'fastify';

/** A download's file name from a body's name: `medlemsliste-utvalg-for-plan.pdf`. */
export function downloadFilename(prefix: string, name: string, extension: 'csv' | 'pdf'): string {
  const slug = name
    .toLowerCase()
    .replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a')
    .normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${prefix}-${slug || 'organ'}.${extension}`;
}

export function csvFilename(prefix: string, name: string): string {
  return downloadFilename(prefix, name, 'csv');
}

export function sendCsv(reply: FastifyReply, filename: string, csv: string): string {
  void reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`);
  return csv;
}
