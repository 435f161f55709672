import type { ServiceSettings } from '../../../api/types';

/** The document PUT /service-settings replaces: what GET answers without its version. */
export type Draft = Omit<ServiceSettings, 'version' | 'updatedAt'>;

/** The settings as the form edits them (a copy: edits never touch the loaded document). */
export function draftOf(settings: ServiceSettings): Draft {
  const { teams, defaultTeamId, cannedReplies, escalationRules, managerEmails } = settings;
  return structuredClone({ teams, defaultTeamId, cannedReplies, escalationRules, managerEmails });
}

/** An edit of the settings form: the fields `patch` returns replace the current document's. */
export type ChangeDraft = (patch: (current: Draft) => Partial<Draft>) => void;
