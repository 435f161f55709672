/**
 * English texts of the knowledge base as customers and visitors read it (the staff editor adds
 * its own in service-en.ts). Only the knowledge base pages and the new-ticket form load them;
 * `{name}` marks a parameter.
 */
export const kbEn = {
  'kb.intro': 'Answers to the questions our customers ask most. Search, or browse by category.',
  'kb.search': 'Search the knowledge base',
  'kb.searchHint': 'For example: delivery time, halal, invoice.',
  'kb.results': 'Articles matching “{q}”',
  'kb.noResults': 'No article matches “{q}”. Try other words, or ask our support team.',
  'kb.categories': 'Categories',
  'kb.empty': 'No articles have been published in this language yet.',
  'kb.articleCount': '{n} articles',
  'kb.articleCountOne': '1 article',
  'kb.updated': 'Updated on {date}',
  'kb.notInLanguage': 'This article is not available in English. Browse the knowledge base for articles in English.',
  'kb.helpful': 'Was this article helpful?',
  'kb.yes': 'Yes',
  'kb.no': 'No',
  'kb.thanks': 'Thank you for your feedback.',
  'kb.thanksNo': 'Thank you. We will improve this article.',
  'kb.needHelp': 'Still need help?',
  'kb.openTicket': 'Open a support ticket',
  'kb.opensNewTab': '(opens in a new tab)',

  'kbStatus.draft': 'Draft',
  'kbStatus.published': 'Published',
  'kbStatus.archived': 'Archived',
  'kbVisibility.public': 'Public',
  'kbVisibility.internal': 'Internal (staff only)',
} as const;

export type KbKey = keyof typeof kbEn;
