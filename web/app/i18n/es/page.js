// page: Spanish messages, with the same keys and {placeholders} as en/page.js.
export default {
  'page.language.label': 'Idioma',
  'page.link.language':
    'El idioma {value} no es uno de los que habla Wakeline (en para inglés, es para español); se ignoró.',
};
