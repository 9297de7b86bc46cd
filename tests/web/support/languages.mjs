// The two languages as the i18n tests use them: `es(make)` and `en(make)` run `make` with that
// catalogue in use (Spanish of Spain, so numbers are es-ES's). Spanish must be loaded first:
// `await loadLanguage('es')`.
import { inLanguage } from '../../../web/app/i18n/i18n.js';

export const spanish = { lang: 'es', locale: 'es-ES' };
export const english = { lang: 'en' };
export const es = (make) => inLanguage(spanish, make);
export const en = (make) => inLanguage(english, make);
