import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';

type Routes = OpenAPIHono<AppEnv>;
type LoadRoutes = () => Promise<Routes>;

const health: LoadRoutes = () => import('./routes/platform/health').then((m) => m.healthRoutes);
const auth: LoadRoutes = () => import('./routes/identity/auth').then((m) => m.authRoutes);
const users: LoadRoutes = () => import('./routes/identity/users').then((m) => m.userRoutes);
const accounts: LoadRoutes = () => import('./routes/crm/accounts').then((m) => m.accountRoutes);
const contacts: LoadRoutes = () => import('./routes/crm/contacts').then((m) => m.contactRoutes);
const company: LoadRoutes = () => import('./routes/commerce/company').then((m) => m.companyRoutes);
const pipeline: LoadRoutes = () => import('./routes/sales/pipeline').then((m) => m.pipelineRoutes);
const opportunities: LoadRoutes = () => import('./routes/sales/opportunities').then((m) => m.opportunityRoutes);
const activities: LoadRoutes = () => import('./routes/sales/activities').then((m) => m.activityRoutes);
const leads: LoadRoutes = () => import('./routes/sales/leads').then((m) => m.leadRoutes);
const leadImports: LoadRoutes = () => import('./routes/sales/lead-imports').then((m) => m.leadImportRoutes);
const products: LoadRoutes = () => import('./routes/commerce/products').then((m) => m.productRoutes);
const quotes: LoadRoutes = () => import('./routes/commerce/quotes').then((m) => m.quoteRoutes);
const orders: LoadRoutes = () => import('./routes/commerce/orders').then((m) => m.orderRoutes);
const invoices: LoadRoutes = () => import('./routes/commerce/invoices').then((m) => m.invoiceRoutes);
const tickets: LoadRoutes = () => import('./routes/desk/tickets').then((m) => m.ticketRoutes);
const serviceSettings: LoadRoutes = () => import('./routes/desk/service-settings').then((m) => m.serviceSettingsRoutes);
const kb: LoadRoutes = () => import('./routes/kb/kb').then((m) => m.kbRoutes);
const slaPolicies: LoadRoutes = () => import('./routes/desk/sla-policies').then((m) => m.slaPolicyRoutes);
const notifications: LoadRoutes = () => import('./routes/notifications/notifications').then((m) => m.notificationRoutes);
const search: LoadRoutes = () => import('./routes/search/search').then((m) => m.searchRoutes);
const exportJobs: LoadRoutes = () => import('./routes/exports/exports').then((m) => m.exportRoutes);

/**
 * The route modules by the first segment of their paths under /api/v1. A request loads only
 * its section's module (and the zod schemas in it), so a cold start does not build every
 * route's schemas before it can answer. A module may serve several sections.
 */
export const SECTIONS: Readonly<Record<string, LoadRoutes>> = {
  health,
  auth,
  users,
  accounts,
  contacts,
  company,
  pipeline,
  opportunities,
  activities,
  leads,
  'lead-rules': leads,
  'lead-assignment': leads,
  'lead-imports': leadImports,
  public: leads,
  products,
  'price-lists': products,
  quotes,
  orders,
  invoices,
  tickets,
  'service-settings': serviceSettings,
  service: serviceSettings,
  kb,
  'sla-policies': slaPolicies,
  notifications,
  search,
  exports: exportJobs,
};

/** Every route module once, in the order the OpenAPI document lists them. */
export function allRoutes(): Promise<Routes[]> {
  return Promise.all([...new Set(Object.values(SECTIONS))].map((load) => load()));
}

/** The section a path under /api/v1 belongs to (`/accounts/A1/timeline` → `accounts`). */
export function sectionOf(path: string): string {
  return path.split('/')[1] ?? '';
}
