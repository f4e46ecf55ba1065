import { DuckDBInstance } from '@duckdb/node-api';
const [,, mode, path, holdMs] = process.argv;
const t0 = performance.now();
try {
  const i = await DuckDBInstance.create(path, mode === 'ro' ? { access_mode: 'READ_ONLY' } : {});
  const c = await i.connect();
  if (mode === 'rw') await c.run('CREATE TABLE IF NOT EXISTS t(x INTEGER); INSERT INTO t VALUES (1)');
  const n = (await c.runAndReadAll('SELECT count(*)::INTEGER n FROM t')).getRowObjectsJS()[0].n;
  console.log(mode, 'opened in', (performance.now()-t0).toFixed(1), 'ms; rows', n);
  await new Promise(r => setTimeout(r, Number(holdMs)));
  c.closeSync(); i.closeSync();
  console.log(mode, 'closed');
} catch (e) { console.log(mode, 'ERR', (performance.now()-t0).toFixed(1), 'ms', e.message.split('\n')[0]); }
