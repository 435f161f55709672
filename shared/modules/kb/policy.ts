import { hasStaffRole, isStaff, type Actor } from '../identity/domain/identity';
import { shelfOf } from './domain/kb';
import type { KbStatus, KbVisibility } from '../desk/domain/service-vocabulary';
import { allowIf, type Decision } from '../../platform/access';

/** Someone reading the knowledge base: a signed-in actor, or `undefined` for a visitor who has not signed in. */
export type KbReader = Actor | undefined;

type ArticleState = { status: KbStatus; visibility: KbVisibility };

/** Staff roles that write the knowledge base (admin holds them all). */
const EDITORS = ['service', 'marketing'] as const;

/**
 * The knowledge base. Published public articles are for everyone, signed in or not; drafts,
 * archived and internal articles exist for staff only (to anyone else they look missing).
 * Service, marketing and admin staff write; other staff may read but not write.
 */
export const kbPolicy = {
  /** What lists and searches are built from: `all` articles for staff, the `public` shelf for everyone else. */
  scope(reader: KbReader): 'all' | 'public' {
    return reader && isStaff(reader) ? 'all' : 'public';
  },

  /** Published public articles for everyone; the rest for staff, hidden from anyone else. */
  read(reader: KbReader, article: ArticleState): Decision {
    return allowIf(this.scope(reader) === 'all' || shelfOf(article) === 'public', 'hide');
  },

  /** Writing is for service, marketing and admin staff; everyone else is refused. */
  create(actor: Actor): Decision {
    return allowIf(hasStaffRole(actor, ...EDITORS));
  },

  /** A reader who sees the article but may not edit it is refused (403); one who does not see it gets 404. */
  update(actor: Actor, article: ArticleState): Decision {
    const reach = this.read(actor, article);
    return reach === 'allow' ? allowIf(hasStaffRole(actor, ...EDITORS)) : reach;
  },

  /** "Was this helpful?" is open to whoever may read the article. */
  feedback(reader: KbReader, article: ArticleState): Decision {
    return this.read(reader, article);
  },
};
