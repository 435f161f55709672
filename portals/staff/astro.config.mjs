import { portalConfig } from '../ui/astro-portal.config.mjs';

export default portalConfig();
