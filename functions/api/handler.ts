import { handle } from 'hono/aws-lambda';
import { app } from './app';

/** Lambda entry behind the HTTP API (payload format 2.0). */
export const handler = handle(app);
