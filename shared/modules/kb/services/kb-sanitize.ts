import type sanitizeHtml from 'sanitize-html';

// sanitize-html is loaded with import() on the write path only (and shipped beside the Lambda
// bundle, see functions/api/lazy-modules.ts): reads and cold starts never parse it.

const LINK = /^(?:https?|mailto):/i;
const IMAGE = /^https:/i;

/**
 * The rich-text set of an article. sanitize-html checks URL schemes (it also sees through
 * entity- and whitespace-obfuscated ones); the transforms additionally refuse scheme-less
 * URLs, which it would keep: a relative or protocol-relative link points wherever the page
 * that shows the article happens to be. A refused link keeps its text and a refused image
 * goes. (Tags are never renamed: sanitize-html closes the next sibling with the new name
 * when a renamed tag is discarded.)
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'strong', 'em', 'ul', 'ol', 'li', 'h2', 'h3', 'h4', 'blockquote', 'code', 'pre', 'a', 'img'],
  allowedAttributes: { a: ['href', 'rel'], img: ['src', 'alt'] },
  allowedSchemes: [],
  allowedSchemesByTag: { a: ['http', 'https', 'mailto'], img: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: (tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim() ?? '';
      return { tagName, attribs: LINK.test(href) ? { href, rel: 'noopener noreferrer' } : {} };
    },
    img: (tagName, attribs): sanitizeHtml.Tag => {
      const src = attribs.src?.trim() ?? '';
      return { tagName, attribs: IMAGE.test(src) ? { src, ...(attribs.alt ? { alt: attribs.alt } : {}) } : {} };
    },
  },
  exclusiveFilter: (frame) => {
    if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
    return frame.tag === 'img' && !frame.attribs.src;
  },
};

/** Article HTML reduced to the allowed rich-text set: scripts, styles, event handlers, frames and unsafe URLs removed. */
export async function sanitizeArticleBody(html: string): Promise<string> {
  const { default: sanitize } = await import('sanitize-html');
  return sanitize(html, OPTIONS).trim();
}
