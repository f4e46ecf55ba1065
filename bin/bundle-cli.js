#!/usr/bin/env node
// The last step of `npm run build`: bundles the compiled CLI (dist/cli/main.js, from tsc) into a few
// files under dist/bundle/cli/ that bin/tidemark.js runs. Node then resolves and compiles ~40 chunks
// instead of ~300 modules: about 0.1 s less CPU at every start. Each command's file stays a chunk of
// its own, loaded only when that command runs (the dynamic imports of src/cli/commands.ts), and
// packages stay outside the bundle (node_modules, loaded as before). A module that finds files from
// its own location (import.meta.url: the shipped event calendar, web-dist/, the server's analysis
// worker in dist/server/) keeps finding them: in the bundle import.meta.url is replaced by the URL of
// its compiled file in dist/. esbuild is installed with tsx (a dependency); without it the bundle is
// skipped and bin/tidemark.js runs dist/cli/main.js.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const requireHere = createRequire(import.meta.url);
const outdir = join(root, 'dist', 'bundle', 'cli');
rmSync(outdir, { recursive: true, force: true });

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  process.stderr.write('bundle-cli: esbuild is not installed; the CLI runs unbundled from dist/cli/\n');
  process.exit(0);
}

/** Rewrites import.meta.url in each compiled module to that module's own URL in dist/ (see above). */
const keepModuleUrls = {
  name: 'keep-module-urls',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const own = relative(outdir, args.path).split('\\').join('/');
      return {
        contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(own)}, import.meta.url).href`),
        loader: 'js',
      };
    });
  },
};

/**
 * Bundles the DuckDB client's JavaScript (@duckdb/node-api: ~50 CommonJS files, ~0.1 s of CPU to
 * load one by one) with the CLI; its native part (@duckdb/node-bindings) stays a package. The
 * client is reached through src/store/duckdb/duckdb-api.ts's createRequire call, which esbuild
 * cannot follow: in the bundle that call becomes a plain require() of the package.
 */
const bundleDuckDbClient = {
  name: 'bundle-duckdb-client',
  setup(build) {
    build.onResolve({ filter: /^@duckdb\/node-api$/ }, () => ({ path: requireHere.resolve('@duckdb/node-api') }));
    build.onLoad({ filter: /[\\/]store[\\/]duckdb[\\/]duckdb-api\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const call = /createRequire\(import\.meta\.url\)\((['"])@duckdb\/node-api\1\)/;
      if (!call.test(source))
        throw new Error(`bundle-cli: ${args.path} no longer loads @duckdb/node-api with createRequire`);
      return { contents: source.replace(call, "require('@duckdb/node-api')"), loader: 'js' };
    });
  },
};

await esbuild.build({
  entryPoints: { main: join(root, 'dist', 'cli', 'main.js') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  // The DuckDB client's own require() of its native bindings, from ESM chunks.
  banner: {
    js: "import { createRequire as __tidemarkRequire } from 'node:module'; const require = __tidemarkRequire(import.meta.url);",
  },
  plugins: [bundleDuckDbClient, keepModuleUrls],
  logLevel: 'warning',
});
