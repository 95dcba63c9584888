/**
 * Every benchmark scenario. A scenario is a module exporting `{ name, description, targets?, run }`;
 * add yours here (see bench/README.md).
 */
import elections from './elections.mjs';
import pdf from './pdf.mjs';
import search from './search.mjs';
import reader from './reader.mjs';
import minutes from './minutes.mjs';
import weddings from './weddings.mjs';
import auth from './auth.mjs';

export const scenarios = [pdf, elections, reader, search, minutes, weddings, auth];
