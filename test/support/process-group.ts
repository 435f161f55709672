// A process group as `npm start` makes one (tsx, the stack's Node process, DynamoDB Local's Java):
// signalled as a whole and watched until none of it is left.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Sends `signal` to every process of the group. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the group is gone already.
  }
}

/**
 * The processes of a group that still run (zombies left out: they hold no port or file, and
 * whether anyone reaps them depends on the machine's init). Linux reads /proc; elsewhere a
 * signal 0 to the group tells whether any member is left.
 */
export function groupMembers(pgid: number): string[] {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pgid, 0);
      return [`group ${pgid}`];
    } catch {
      return [];
    }
  }
  const members: string[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // After "(comm)": state, ppid, pgrp, …
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) !== pgid || state === 'Z') continue;
      members.push(`${entry} ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim().slice(0, 120)}`);
    } catch {
      // The process ended while it was read.
    }
  }
  return members;
}

/** Whether the child exited and no process of its group is left (running) within `timeoutMs`. */
export async function waitGroupGone(pgid: number, child: ChildProcess, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    if (exited && groupMembers(pgid).length === 0) return true;
    if (performance.now() > deadline) return false;
    await sleep(100);
  }
}
