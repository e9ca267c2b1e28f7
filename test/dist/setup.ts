/**
 * Global setup of `npm run test:dist`: one Slurm cluster (munged, slurmctld, slurmd) for the whole
 * suite, started here and stopped at the end; the tests find it through inject('slurmConf').
 */
import type { TestProject } from 'vitest/node';
import { startCluster, stopCluster, type Cluster } from './cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    slurmConf: string;
    slurmDir: string;
  }
}

let cluster: Cluster | undefined;

/** Start the cluster; the returned function stops it (and fails when a daemon had to be killed). */
export default async function setup(project: TestProject): Promise<() => void> {
  cluster = await startCluster();
  project.provide('slurmConf', cluster.env.SLURM_CONF as string);
  project.provide('slurmDir', cluster.dir);
  return () => {
    if (!cluster) return;
    const left = stopCluster(cluster);
    if (left.length) console.warn(`test:dist: daemons ${left.join(', ')} did not stop on their own and were killed`);
  };
}
