// Who holds a delivery claim: "host/pid/start-ms" of the process. A claim whose process is gone (it
// was killed mid-delivery) is taken over at once by the next run on the same host; a claim from
// another host is only taken over when it is older than the lease.
import { hostname } from 'node:os';

const STARTED_AT = Date.now();

/** This process's owner id. */
export function currentOwner(): string {
  return `${hostname()}/${process.pid}/${STARTED_AT}`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether `owner` is known to be gone: same host, and its process no longer runs (or is another one of ours). */
export function ownerIsGone(owner: string, self: string = currentOwner()): boolean {
  if (owner === self) return false;
  const [host, pidText] = owner.split('/');
  if (host !== hostname()) return false;
  const pid = Number(pidText);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  // Our own pid under another start time: the pid was reused, the claim's process is gone.
  if (pid === process.pid) return true;
  return !isAlive(pid);
}
