// What the relasi-stack-*.test.ts files share: the synthesised stack and the look-ups into its template.
import { App, type CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { RelasiStack } from '../../../infra/cdk/relasi-stack';

/** Set by synthStack. */
export let stack: RelasiStack;
export let template: Template;

/** The file's beforeAll (give it two minutes). */
export function synthStack(): void {
  // One synth for the whole file: bundling both functions with esbuild dominates the cost.
  stack = new RelasiStack(new App(), 'RelasiTest', { mailDomain: 'kaktus.example' });
  template = Template.fromStack(stack);
}

/** The template's logical id of a construct's resource. */
export function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

/** The properties of the template's resource of that type and logical id. */
export function properties(type: string, id: string): Record<string, any> {
  const resource = template.findResources(type)[id];
  if (!resource) throw new Error(`${type} ${id} not in template`);
  return resource.Properties;
}
