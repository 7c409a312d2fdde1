import { loadConfig } from '/work/main/src/server/platform/config.ts';
import { startServer } from '/work/main/src/server/server.ts';
const config = loadConfig({ NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '39998', LOG_LEVEL: 'warn', DATA_DIR: '/tmp/probe-data', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/kumoji_probe' });
const server = await startServer(config, () => {});
const { rows: [o] } = await server.database.pool.query('select id from organisations limit 1');
const { rows: [u] } = await server.database.pool.query('select user_id from memberships where organisation_id = $1 limit 1', [o.id]);
await server.database.pool.query(`insert into assets (organisation_id, name, medium, content, location, rank, records, unit_value_yen, created_by, updated_by)
  select $1, '顧客台帳' || lpad(i::text, 6, '0'), 'electronic', '会員番号、住所、TEL、趣味、家族、口座番号（' || (i % 97) || '）', 'サーバ室', (array['A','B','C'])[1 + i % 3], i % 5000 + 1, 500, $2, $2 from generate_series(1, 100000) i on conflict do nothing`, [o.id, u.user_id]);
await server.database.pool.query('vacuum analyze assets');
console.log(o.id);
await server.stop();
