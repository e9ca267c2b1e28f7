/**
 * `npm run bench network`: the generated C network (counter-based normals and exact sums included)
 * against hand-written C loops of the same network (bench/hand-network.c: xoshiro256+ with the
 * polar method, with a ziggurat, Philox with a ziggurat), all built with the same flags and run in
 * interleaved rounds (the fastest round of each, CPU time: the machine is shared); a STREAM-like
 * copy and an in-place update of two arrays in the same run give the roofline (32 bytes per
 * neuron-step: v and w read and written; the per-point sums are negligible); the MPI program on 1 and 2 ranks; the measured cost of one MPI_Allreduce of the
 * program's limbs against the compute per neuron-step, and the neurons per rank below which the
 * parallel efficiency drops under 90% — measured here and estimated for an InfiniBand cluster from
 * published latencies (Graham et al., COMHPC@SC 2016, doi:10.1109/COMHPC.2016.006: an 8-byte
 * MPI_Allreduce over 128 hosts, EDR InfiniBand, 6.01 us host-based and 2.83 us with SHArP; 46.93 us
 * for 4096 bytes host-based).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { cNetworkProgram } from '../src/index.ts';
import { findTool, mpirunArgs, runProgram } from '../src/dist/toolchain.ts';
import { paperNetworkProgram } from '../derivations/lib/networkProgram.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const FLAGS = ['-O3', '-march=native', '-std=gnu99', '-ffp-contract=off'];
const POINTS = 4;
const NEURONS = 2_000_000; // per point: 128 MB of state, far beyond the caches (the roofline needs memory traffic)
const STEPS = 8;
const ROUNDS = 7;
const BYTES_PER_NEURON_STEP = 32;
/** Published Allreduce latencies (seconds) used for the cluster estimate (see the header). */
const PUBLISHED = { 'EDR IB 8 B host-based': 6.01e-6, 'EDR IB 8 B SHArP': 2.83e-6, 'EDR IB 4096 B host-based': 46.93e-6 } as const;

/** Compile a C file with the bench's flags (mpicc for MPI sources). */
function compile(dir: string, source: string, exe: string, mpi = false): string {
  const out = join(dir, exe);
  const r = spawnSync(mpi ? 'mpicc' : 'cc', [...FLAGS, '-o', out, source, '-lm'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`compiling ${source}: ${r.stderr}`);
  return out;
}

/** A number after `key=` or `key ` in a program's text. */
const field = (text: string, key: string): number => Number(new RegExp(`${key}[= ]([0-9.e+-]+)`).exec(text)?.[1]);

/** Run the bench; figures by name. */
export function runNetworkBench(): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'fhn-netbench-'));
  try {
    const program = paperNetworkProgram({ eps: 0.05, cells: POINTS, scheme: 'ou-split', neurons: NEURONS, dt: 1e-3, t: STEPS * 1e-3, seed: 1, samples: 1 });
    writeFileSync(join(dir, 'network.c'), cNetworkProgram(program, { mpi: false }));
    const gen = compile(dir, join(dir, 'network.c'), 'network');
    const hand = compile(dir, join(HERE, 'hand-network.c'), 'hand');
    const stream = compile(dir, join(HERE, 'stream-copy.c'), 'stream');
    const work = POINTS * NEURONS * STEPS;
    const best: Record<string, number> = { generated: Infinity, polar: Infinity, zig: Infinity, philox: Infinity };
    let bandwidth = 0;
    let copyBandwidth = 0;
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? Object.keys(best) : Object.keys(best).reverse();
      for (const name of order) {
        const t =
          name === 'generated'
            ? field(runProgram(gen, [`neurons=${NEURONS}`, `steps=${STEPS}`, 'samples=1']).stderr, 'cpu_seconds')
            : field(runProgram(hand, [name, String(NEURONS), String(STEPS)]).stdout, 'seconds');
        best[name] = Math.min(best[name], t);
      }
      const mem = runProgram(stream, []).stdout;
      bandwidth = Math.max(bandwidth, field(mem, 'update_bytes_per_second'));
      copyBandwidth = Math.max(copyBandwidth, field(mem, 'copy_bytes_per_second'));
    }
    const rate = (name: string) => work / best[name];
    const bestHand = Math.max(rate('polar'), rate('zig'), rate('philox'));
    const roofline = bandwidth / BYTES_PER_NEURON_STEP;
    const figures: Record<string, number> = {
      'generated C network (M neuron-steps/s, CPU time)': rate('generated') / 1e6,
      'hand C, xoshiro256+ + polar (M neuron-steps/s)': rate('polar') / 1e6,
      'hand C, xoshiro256+ + ziggurat (M neuron-steps/s)': rate('zig') / 1e6,
      'hand C, Philox + ziggurat (M neuron-steps/s)': rate('philox') / 1e6,
      'generated / best hand (>= 0.95 wanted)': rate('generated') / bestHand,
      'generated / hand polar': rate('generated') / rate('polar'),
      'STREAM-like copy bandwidth (GB/s, STREAM counting)': copyBandwidth / 1e9,
      'in-place update of two arrays (GB/s, the network pattern)': bandwidth / 1e9,
      'roofline at 32 B per neuron-step (M neuron-steps/s)': roofline / 1e6,
      'generated / roofline': rate('generated') / roofline,
    };
    if (!findTool('mpicc') || !findTool('mpirun')) {
      console.log('network bench: mpicc or mpirun missing (apt-get install -y openmpi-bin libopenmpi-dev): the MPI figures are left out');
      return figures;
    }
    writeFileSync(join(dir, 'network_mpi.c'), cNetworkProgram(program, { mpi: true }));
    const mpiExe = compile(dir, join(dir, 'network_mpi.c'), 'network_mpi', true);
    const allreduce = compile(dir, join(HERE, 'allreduce.c'), 'allreduce', true);
    const limbs = 4 * POINTS * 2 + POINTS * 2;
    for (const p of [1, 2]) {
      let [wall, cpu] = [Infinity, Infinity];
      for (let r = 0; r < 3; r++) {
        const out = spawnSync('mpirun', [...mpirunArgs(p), '--bind-to', 'none', mpiExe, `neurons=${NEURONS}`, `steps=${STEPS}`, 'samples=1'], {
          encoding: 'utf8',
        });
        wall = Math.min(wall, field(out.stderr, ' seconds'));
        cpu = Math.min(cpu, field(out.stderr, 'cpu_seconds'));
      }
      const ranks = `${p} rank${p > 1 ? 's' : ''}`;
      figures[`MPI, ${ranks} (M neuron-steps/s, rank 0's CPU time)`] = work / cpu / 1e6;
      figures[`MPI, ${ranks} (M neuron-steps/s, wall time on the shared machine)`] = work / wall / 1e6;
    }
    let latency = Infinity;
    for (let r = 0; r < 3; r++) {
      const out = spawnSync('mpirun', [...mpirunArgs(2), '--bind-to', 'none', allreduce, String(limbs), '5000'], { encoding: 'utf8' });
      latency = Math.min(latency, field(out.stdout, 'seconds_per_allreduce'));
    }
    // compute per neuron-step c, Allreduce L: efficiency c n / (c n + L) >= 0.9 when n >= 9 L / c (neurons per rank, all points)
    const c = best.generated / work;
    figures[`Allreduce of ${limbs} int64, 2 ranks here (us)`] = latency * 1e6;
    figures['compute per neuron-step (ns)'] = c * 1e9;
    figures['Allreduce / compute of one step at 1e5 neurons per rank (%)'] = (100 * latency) / (c * 1e5);
    figures['neurons per rank for 90% efficiency, here'] = Math.ceil((9 * latency) / c);
    for (const [name, L] of Object.entries(PUBLISHED)) figures[`neurons per rank for 90% efficiency, ${name}`] = Math.ceil((9 * L) / c);
    return figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
