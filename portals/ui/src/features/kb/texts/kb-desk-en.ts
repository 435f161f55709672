/** English texts of the knowledge base editor and the staff list of articles (staff pages only); `{name}` marks a parameter. */
export const kbDeskEn = {
  'kbDesk.intro': 'Articles for the customer portal’s knowledge base and for staff.',
  'kbDesk.status': 'Status',
  'kbDesk.language': 'Language',
  'kbDesk.allStatuses': 'All statuses',
  'kbDesk.allLanguages': 'All languages',
  'kbDesk.empty': 'No articles match the filter.',
  'kbDesk.new': 'New article',
  'kbDesk.title': 'Title',
  'kbDesk.slug': 'Address (slug)',
  'kbDesk.slugHint': 'Lower-case letters, digits and hyphens; left empty, it is made from the title.',
  'kbDesk.category': 'Category',
  'kbDesk.tags': 'Tags',
  'kbDesk.tagsHint': 'Separate tags with commas.',
  'kbDesk.visibility': 'Visibility',
  'kbDesk.body': 'Body (HTML)',
  'kbDesk.bodyHint': 'Allowed: p, br, strong, em, ul, ol, li, h2–h4, blockquote, code, pre, links and https images. Anything else is removed when you save.',
  'kbDesk.preview': 'Preview',
  'kbDesk.previewHint': 'As you type; scripts never run here. The saved version is cleaned by the server.',
  'kbDesk.helpful': 'Helpful',
  'kbDesk.helpfulValue': '{yes} yes · {no} no',
  'kbDesk.save': 'Save',
  'kbDesk.languageFixed': 'The language of an article cannot change; write a translation as a new article.',
  'kbDesk.needsEditor': 'Only service, marketing and admin staff can write articles.',

  'error.slug_taken': 'Another article in this language already uses this address (slug).',
  'error.body_empty': 'Nothing is left of the body once unsupported markup is removed.',
} as const;

export type KbDeskKey = keyof typeof kbDeskEn;
