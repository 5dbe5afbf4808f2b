// Entry point for the TypeORM CLI (`npm run migration:generate`).
import { DataSource } from 'typeorm';
import { postgresOptions } from './data-source-options';

const url = process.env.DATABASE_URL;
if (!url)
  throw new Error(
    'DATABASE_URL is required, e.g. postgres://postgres@127.0.0.1:55432/aisimulation',
  );

export default new DataSource(postgresOptions({ url, applicationName: 'aisimulation-cli' }));
