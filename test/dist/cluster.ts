/**
 * A one-node Slurm cluster for the distributed tests: munged, slurmctld and slurmd started as root
 * from a temporary directory (its own munge key and socket, a slurm.conf written there, free ports),
 * and stopped again (scontrol shutdown, munged --stop, then the recorded pids) so nothing is left
 * running. Clients reach it through SLURM_CONF.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTool } from '../../src/dist/toolchain.ts';

/** A running cluster: its directory and the environment its clients need. */
export interface Cluster {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
}

/** A free TCP port on this machine (bound once by the kernel's choice, then released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The short host name slurmd registers as. */
const shortHost = (): string => hostname().split('.')[0];

/** The slurm.conf of the one-node cluster in dir. */
function slurmConf(dir: string, ctldPort: number, dPort: number): string {
  const h = shortHost();
  return `ClusterName=fhntest
SlurmctldHost=${h}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
SlurmctldPort=${ctldPort}
SlurmdPort=${dPort}
AuthType=auth/munge
AuthInfo=socket=${dir}/munge.socket
CredType=cred/munge
StateSaveLocation=${dir}/state
SlurmdSpoolDir=${dir}/spool
SlurmctldPidFile=${dir}/slurmctld.pid
SlurmdPidFile=${dir}/slurmd.pid
SlurmctldLogFile=${dir}/slurmctld.log
SlurmdLogFile=${dir}/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/builtin
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=${h} NodeAddr=127.0.0.1 CPUs=2 RealMemory=1000 State=UNKNOWN
PartitionName=debug Nodes=${h} Default=YES MaxTime=INFINITE State=UP
`;
}

/** Run a daemon's start command; its log in the error when it fails. */
function start(file: string, args: string[], env: NodeJS.ProcessEnv, log: string): void {
  const r = spawnSync(file, args, { env, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${file} ${args.join(' ')} failed (${r.status}): ${r.stderr}\n${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : ''}`);
}

/** Wait until the node is idle (sinfo), at most timeoutMs. */
function waitIdle(env: NodeJS.ProcessEnv, dir: string, timeoutMs = 60_000): void {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const r = spawnSync('sinfo', ['-h', '-o', '%t'], { env, encoding: 'utf8' });
    if (r.status === 0 && /idle/.test(r.stdout)) return;
    if (Date.now() > until)
      throw new Error(`the Slurm node did not come up: ${r.stdout}${r.stderr}\n${readFileSync(join(dir, 'slurmd.log'), 'utf8').slice(-2000)}`);
    spawnSync('sleep', ['0.5']);
  }
}

/** Start munged, slurmctld and slurmd in a new temporary directory. */
export async function startCluster(): Promise<Cluster> {
  const munged = requireTool('munged', undefined, ['/usr/sbin']);
  const slurmctld = requireTool('slurmctld', undefined, ['/usr/sbin']);
  const slurmd = requireTool('slurmd', undefined, ['/usr/sbin']);
  const dir = mkdtempSync(join(tmpdir(), 'fhn-slurm-'));
  chmodSync(dir, 0o700);
  for (const d of ['state', 'spool']) mkdirSync(join(dir, d));
  writeFileSync(join(dir, 'munge.key'), randomBytes(1024), { mode: 0o400 });
  const conf = join(dir, 'slurm.conf');
  writeFileSync(conf, slurmConf(dir, await freePort(), await freePort()));
  const env = { ...process.env, SLURM_CONF: conf };
  start(
    munged,
    [
      '--force',
      `--key-file=${dir}/munge.key`,
      `--socket=${dir}/munge.socket`,
      `--pid-file=${dir}/munged.pid`,
      `--log-file=${dir}/munged.log`,
      `--seed-file=${dir}/munged.seed`,
    ],
    env,
    join(dir, 'munged.log'),
  );
  const cluster = { dir, env };
  try {
    start(slurmctld, ['-f', conf], env, join(dir, 'slurmctld.log'));
    start(slurmd, ['-f', conf, '-N', shortHost()], env, join(dir, 'slurmd.log'));
    waitIdle(env, dir);
  } catch (err) {
    stopCluster(cluster);
    throw err;
  }
  return cluster;
}

/** The pid a daemon recorded, if its file is there. */
const recordedPid = (file: string): number | undefined => (existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) || undefined : undefined);

/** Is the process alive? */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Stop the daemons (politely, then by their recorded pids) and remove the directory; returns the pids that were still alive. */
export function stopCluster(c: Cluster): number[] {
  const pids = ['slurmctld.pid', 'slurmd.pid', 'munged.pid'].map((f) => recordedPid(join(c.dir, f))).filter((p): p is number => p !== undefined);
  spawnSync('scontrol', ['shutdown'], { env: c.env, encoding: 'utf8', timeout: 20_000 });
  const until = Date.now() + 15_000;
  const slurmPids = pids.slice(0, -1);
  while (slurmPids.some(alive) && Date.now() < until) spawnSync('sleep', ['0.2']);
  spawnSync(requireTool('munged', undefined, ['/usr/sbin']), ['--stop', `--socket=${c.dir}/munge.socket`], { encoding: 'utf8', timeout: 10_000 });
  const left = pids.filter(alive);
  for (const pid of left) process.kill(pid, 'SIGKILL');
  rmSync(c.dir, { recursive: true, force: true });
  return left;
}

/** Wait for a file, polling, at most timeoutMs; the cluster's queue and logs in the error. */
export function waitForFile(file: string, c: Cluster, timeoutMs: number): void {
  const until = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > until) {
      const queue = spawnSync('squeue', [], { env: c.env, encoding: 'utf8' }).stdout;
      throw new Error(`${file} did not appear within ${timeoutMs} ms; queue:\n${queue}\n${readFileSync(join(c.dir, 'slurmctld.log'), 'utf8').slice(-3000)}`);
    }
    execFileSync('sleep', ['0.5']);
  }
}
