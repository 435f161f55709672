import { MAX_RANK as API_MAX_RANK, MAX_TARGET_MINUTES as API_MAX_TARGET_MINUTES, SlaPolicyCreateSchema, SlaPolicyPatchSchema } from '../../../shared/modules/desk/schemas/sla-policy.schema';
import { draftOf, durationMinutes, MAX_RANK, MAX_TARGET_MINUTES, policyBody, type PolicyDraft } from '../../../portals/ui/src/features/desk/settings/sla-policy-form';

/** A new policy's form with every target filled in. */
function filledDraft(): PolicyDraft {
  const draft = draftOf();
  draft.name = '  Premium  ';
  for (const priority of ['low', 'normal', 'high', 'urgent'] as const) draft.targets[priority] = { first: { hours: '0', minutes: '30' }, resolution: { hours: '4', minutes: '' } };
  draft.accountTiers = ['high'];
  draft.holidays = ['2026-12-24'];
  return draft;
}

describe('staff SLA policy form rules', () => {
  it('keeps the limits of the API', () => {
    expect(MAX_TARGET_MINUTES).toBe(API_MAX_TARGET_MINUTES);
    expect(MAX_RANK).toBe(API_MAX_RANK);
  });

  it('reads hours and minutes as business minutes; blank counts as zero, minutes stop at 59', () => {
    expect(durationMinutes({ hours: '4', minutes: '' })).toBe(240);
    expect(durationMinutes({ hours: '', minutes: '30' })).toBe(30);
    expect(durationMinutes({ hours: '1', minutes: '60' })).toBeUndefined();
    expect(durationMinutes({ hours: '1.5', minutes: '0' })).toBeUndefined();
  });

  it('builds a body the API accepts, as a create and as a patch, and reads a saved policy back into the same form', () => {
    const result = policyBody(filledDraft());
    if (!('body' in result)) throw new Error(`problems: ${JSON.stringify(result.problems)}`);
    expect(result.body).toMatchObject({ name: 'Premium', timeZone: 'Asia/Jakarta', appliesTo: { accountTiers: ['high'] }, rank: 100, active: true, pauseStatuses: ['pending'] });
    expect(Object.keys(result.body.businessHours)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    const created = SlaPolicyCreateSchema.parse(result.body);
    expect(SlaPolicyPatchSchema.safeParse(result.body).success).toBe(true);

    const stored = { ...created, id: 'p1', version: 1, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    expect(policyBody(draftOf(stored))).toEqual(result);
  });

  it('names each field the API would refuse, by the path the API uses', () => {
    const draft = filledDraft();
    draft.name = ' ';
    draft.timeZone = 'Asia/Atlantis';
    draft.days.mon = { open: true, start: '17:00', end: '08:00' };
    draft.targets.urgent = { first: { hours: '5', minutes: '0' }, resolution: { hours: '4', minutes: '0' } };
    draft.targets.low = { first: { hours: '', minutes: '' }, resolution: { hours: '2000', minutes: '0' } };
    draft.rank = '10000';
    const result = policyBody(draft);
    expect('problems' in result && Object.fromEntries(Object.entries(result.problems).map(([path, problem]) => [path, problem.key]))).toEqual({
      name: 'desk.slaPolicy.problem.nameRequired',
      timeZone: 'desk.slaPolicy.problem.timeZone',
      'businessHours.mon.end': 'desk.slaPolicy.problem.endBeforeStart',
      'targets.urgent.firstResponseMinutes': 'desk.slaPolicy.problem.firstAfterResolution',
      'targets.low.firstResponseMinutes': 'desk.slaPolicy.problem.duration',
      'targets.low.resolutionMinutes': 'desk.slaPolicy.problem.tooLong',
      rank: 'desk.slaPolicy.problem.rank',
    });

    const closed = filledDraft();
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) closed.days[day].open = false;
    expect(policyBody(closed)).toEqual({ problems: { businessHours: { key: 'desk.slaPolicy.problem.noOpenDay' } } });
  });
});
