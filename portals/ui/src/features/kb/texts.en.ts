/**
 * English texts of the knowledge base, as customers read it and as staff write it.
 * Only the pages that import ./texts load them; `{name}` marks a parameter.
 */
export const kbEn = {
  // The knowledge base as customers and visitors read it
  'kb.intro': 'Answers to the questions our customers ask most. Search, or browse by category.',

  'kb.search': 'Search the knowledge base',

  'kb.searchHint': 'For example: delivery time, halal, invoice.',

  'kb.results': 'Articles matching “{q}”',

  'kb.noResults': 'No article matches “{q}”. Try other words, or ask our support team.',

  'kb.empty': 'No articles have been published in this language yet.',

  'kb.articleCount': '{n} articles',

  'kb.articleCountOne': '1 article',

  'kb.updated': 'Updated on {date}',

  'kb.notInLanguage': 'This article is not available in English. Browse the knowledge base for articles in English.',

  'kb.helpful': 'Was this article helpful?',

  'kb.thanks': 'Thank you for your feedback.',

  'kb.thanksNo': 'Thank you. We will improve this article.',

  'kb.needHelp': 'Still need help?',

  'kb.openTicket': 'Open a support ticket',

  'kb.opensNewTab': '(opens in a new tab)',

  'kb.status.draft': 'Draft',
  'kb.status.published': 'Published',
  'kb.status.archived': 'Archived',

  'kb.visibility.public': 'Public',
  'kb.visibility.internal': 'Internal (staff only)',

  // The staff list of articles and the article editor
  'kb.desk.intro': 'Articles for the customer portal’s knowledge base and for staff.',
  'kb.desk.allStatuses': 'All statuses',
  'kb.desk.allLanguages': 'All languages',
  'kb.desk.empty': 'No articles match the filter.',
  'kb.desk.new': 'New article',
  'kb.desk.slug': 'Address (slug)',
  'kb.desk.slugHint': 'Lower-case letters, digits and hyphens; left empty, it is made from the title.',
  'kb.desk.tags': 'Tags',
  'kb.desk.tagsHint': 'Separate tags with commas.',
  'kb.desk.visibility': 'Visibility',
  'kb.desk.body': 'Body (HTML)',
  'kb.desk.bodyHint': 'Allowed: p, br, strong, em, ul, ol, li, h2–h4, blockquote, code, pre, links and https images. Anything else is removed when you save.',
  'kb.desk.preview': 'Preview',
  'kb.desk.previewHint': 'As you type; scripts never run here. The saved version is cleaned by the server.',
  'kb.desk.helpful': 'Helpful',
  'kb.desk.helpfulValue': '{yes} yes · {no} no',
  'kb.desk.languageFixed': 'The language of an article cannot change; write a translation as a new article.',
  'kb.desk.needsEditor': 'Only service, marketing and admin staff can write articles.',

  'kb.error.slug_taken': 'Another article in this language already uses this address (slug).',
  'kb.error.body_empty': 'Nothing is left of the body once unsupported markup is removed.',
};
