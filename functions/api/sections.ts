import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './env';

type Routes = OpenAPIHono<AppEnv>;
type LoadRoutes = () => Promise<Routes>;

const health: LoadRoutes = () => import('./routes/health').then((m) => m.healthRoutes);
const auth: LoadRoutes = () => import('./routes/auth').then((m) => m.authRoutes);
const users: LoadRoutes = () => import('./routes/users').then((m) => m.userRoutes);
const accounts: LoadRoutes = () => import('./routes/accounts').then((m) => m.accountRoutes);
const contacts: LoadRoutes = () => import('./routes/contacts').then((m) => m.contactRoutes);
const company: LoadRoutes = () => import('./routes/company').then((m) => m.companyRoutes);
const pipeline: LoadRoutes = () => import('./routes/pipeline').then((m) => m.pipelineRoutes);
const opportunities: LoadRoutes = () => import('./routes/opportunities').then((m) => m.opportunityRoutes);
const activities: LoadRoutes = () => import('./routes/activities').then((m) => m.activityRoutes);
const leads: LoadRoutes = () => import('./routes/leads').then((m) => m.leadRoutes);
const leadImports: LoadRoutes = () => import('./routes/lead-imports').then((m) => m.leadImportRoutes);
const products: LoadRoutes = () => import('./routes/products').then((m) => m.productRoutes);
const quotes: LoadRoutes = () => import('./routes/quotes').then((m) => m.quoteRoutes);
const orders: LoadRoutes = () => import('./routes/orders').then((m) => m.orderRoutes);
const invoices: LoadRoutes = () => import('./routes/invoices').then((m) => m.invoiceRoutes);
const tickets: LoadRoutes = () => import('./routes/tickets').then((m) => m.ticketRoutes);
const kb: LoadRoutes = () => import('./routes/kb').then((m) => m.kbRoutes);
const slaPolicies: LoadRoutes = () => import('./routes/sla-policies').then((m) => m.slaPolicyRoutes);

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
  'service-settings': tickets,
  service: tickets,
  kb,
  'sla-policies': slaPolicies,
};

/** Every route module once, in the order the OpenAPI document lists them. */
export function allRoutes(): Promise<Routes[]> {
  return Promise.all([...new Set(Object.values(SECTIONS))].map((load) => load()));
}

/** The section a path under /api/v1 belongs to (`/accounts/A1/timeline` → `accounts`). */
export function sectionOf(path: string): string {
  return path.split('/')[1] ?? '';
}
