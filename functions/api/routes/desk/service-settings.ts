import { AgentNamesQuerySchema, AgentNamesSchema, MetricsQuerySchema, ServiceMetricsSchema } from '../../../../shared/modules/desk/schemas/ticket.schema';
import { ServiceSettingsInputSchema, ServiceSettingsSchema } from '../../../../shared/modules/desk/schemas/service-settings.schema';
import { IfMatchHeaderSchema } from '../../../../shared/platform/schemas/common.schema';
import { serviceAgentService } from '../../../../shared/modules/desk/services/agents.service';
import { serviceMetricsService } from '../../../../shared/modules/desk/services/metrics.service';
import { serviceSettingsService } from '../../../../shared/modules/desk/services/settings.service';
import { requireCaller } from '../../middleware/session';
import { defineRoute, expectedVersion, json, jsonBody, router } from '../route-kit';

const tags = ['Service desk'];

/** The service desk around the tickets: its settings, the staff directory, the metrics. */
export const serviceSettingsRoutes = router()
  .openapi(
    defineRoute({ method: 'get', path: '/service-settings', tags, summary: 'Service desk settings: teams, default team, canned replies, escalation rules, manager e-mails (staff)', responses: { 200: json(ServiceSettingsSchema) } }),
    async (c) => c.json(await serviceSettingsService.read(requireCaller(c).actor), 200),
  )
  .openapi(
    defineRoute({
      method: 'put',
      path: '/service-settings',
      tags,
      summary: 'Replace the service desk settings (admin; If-Match: version to refuse a concurrent save)',
      request: { headers: IfMatchHeaderSchema, body: jsonBody(ServiceSettingsInputSchema) },
      responses: { 200: json(ServiceSettingsSchema) },
    }),
    async (c) => {
      // Settings never saved have version 0, and If-Match: 0 says "only if nobody saved any yet".
      const version = c.req.header('if-match') === undefined ? undefined : expectedVersion(c, undefined, 0);
      return c.json(await serviceSettingsService.replace(requireCaller(c).actor, c.req.valid('json'), version), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/service/agents',
      tags,
      summary: 'Names of staff members by user id (assignees, authors, agents in the metrics), for every staff member; ids that are no staff login are left out (staff)',
      request: { query: AgentNamesQuerySchema },
      responses: { 200: json(AgentNamesSchema) },
    }),
    async (c) => c.json({ items: await serviceAgentService.names(requireCaller(c).actor, c.req.valid('query').ids) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/service/metrics',
      tags,
      summary: 'Service metrics of the tickets created from `from` to `to` (UTC days, at most a year): first response and resolution in wall-clock minutes (avg, median), SLA compliance, CSAT; overall, per agent and per team (staff)',
      request: { query: MetricsQuerySchema },
      responses: { 200: json(ServiceMetricsSchema) },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query');
      return c.json(await serviceMetricsService.read(requireCaller(c).actor, from, to), 200);
    },
  );
