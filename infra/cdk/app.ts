import { App } from 'aws-cdk-lib';
import { parseLogLevel } from '../../shared/platform/config';
import { RelasiStack } from './relasi-stack';

const app = new App();

// Env-agnostic on purpose: `cdk synth` must work offline without an account, and nothing here needs a lookup.
new RelasiStack(app, 'Relasi', {
  description: 'Relasi CRM: table, API, events, mail, portals, alarms',
  mailDomain: app.node.tryGetContext('mailDomain') ?? 'kaktus.example',
  // `-c activateInboundRuleSet=false` where another receipt rule set must stay the active one.
  activateInboundRuleSet: app.node.tryGetContext('activateInboundRuleSet') !== 'false',
  // `-c logLevel=DEBUG` for every function's LOG_LEVEL.
  logLevel: app.node.tryGetContext('logLevel') ? parseLogLevel(String(app.node.tryGetContext('logLevel'))) : undefined,
});
