import type { ResidenceClass, WeddingLocale } from '@sekretariat/contracts';

interface CsvLabels {
  header: string[];
  group: { total: string; month: string; place: string; officiant: string; residence: string };
  months: readonly string[];
  noOfficiant: string;
  residence: Record<ResidenceClass, string>;
}

/** The yearly statistics' CSV headers and values in bokmål, nynorsk and English (the web page's words). */
export const statisticsCsvLabels: Record<WeddingLocale, CsvLabels> = {
  nb: {
    header: ['Gruppe', 'Verdi', 'Vigsler i alt', 'Gjennomført', 'Bestilt', 'Avlyst'],
    group: { total: 'Året', month: 'Måned', place: 'Sted', officiant: 'Vigsler', residence: 'Bosted' },
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
    noOfficiant: 'Ingen vigsler tildelt',
    residence: { resident: 'Bosatt i kommunen', abroad: 'Ingen bosatt i Norge', non_resident: 'Bosatt i en annen kommune' },
  },
  nn: {
    header: ['Gruppe', 'Verdi', 'Vigslar i alt', 'Gjennomført', 'Bestilt', 'Avlyst'],
    group: { total: 'Året', month: 'Månad', place: 'Stad', officiant: 'Vigslar', residence: 'Bustad' },
    months: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
    noOfficiant: 'Ingen vigslar tildelt',
    residence: { resident: 'Busett i kommunen', abroad: 'Ingen busett i Noreg', non_resident: 'Busett i ein annan kommune' },
  },
  en: {
    header: ['Group', 'Value', 'Ceremonies in all', 'Held', 'Booked', 'Cancelled'],
    group: { total: 'Year', month: 'Month', place: 'Place', officiant: 'Officiant', residence: 'Residence' },
    months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
    noOfficiant: 'No officiant assigned',
    residence: { resident: 'Resident in the municipality', abroad: 'Neither resident in Norway', non_resident: 'Resident in another municipality' },
  },
};
