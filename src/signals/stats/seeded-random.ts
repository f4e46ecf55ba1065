// Seeded randomness: mulberry32 uniforms and Box–Muller normals. Same seed, same sequence, on every
// machine (32-bit integer arithmetic only). Used by the simulator and by the track record's bootstrap.

/** A seeded random source. */
export interface Random {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** Student-t-like fat-tailed draw with unit-ish scale (normal / sqrt(chi2_nu / nu)), nu = 4 by default. */
  fatTail(nu?: number): number;
}

/** A mulberry32 generator seeded with `seed` (any finite number; its 32-bit integer part is used). */
export function createRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  let spare: number | null = null;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = Math.max(uniform(), 1e-12);
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
  return {
    uniform,
    normal,
    int: (min, max) => min + Math.floor(uniform() * (max - min + 1)),
    fatTail: (nu = 4) => {
      let chi = 0;
      for (let i = 0; i < nu; i++) chi += normal() ** 2;
      return (normal() / Math.sqrt(chi / nu)) * Math.sqrt((nu - 2) / nu);
    },
  };
}
