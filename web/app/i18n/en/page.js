// page: the playground page's own words (index.html and the modules that build the page).
// Placeholders are {name}; plural forms are { one, other }.
export default {
  'page.language.label': 'Language',
  'page.link.language':
    'The language {value} is not one Wakeline speaks (en for English, es for Spanish); it was ignored.',
};
