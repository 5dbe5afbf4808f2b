/**
 * The framework floor: NestJS on Express (as the API) with one controller
 * running exactly the baseline's statements for `GET /simulation/{id}`, the
 * first page of `GET /simulations` and `GET /converge/{id}` (a whole curve) on a plain pg pool. No guards, pipes beyond ParseIntPipe, interceptors, logging,
 * rate limiting or TypeORM. What it loses to the baseline is what Nest and
 * Express cost; what the API loses to it is what our own stack costs.
 * Bundled by esbuild (explicit injection tokens: esbuild emits no decorator
 * metadata) and run as plain Node.
 *
 *   DATABASE_URL=… PORT=… node floor.js
 */
import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Module,
  NotFoundException,
  Param,
  ParseIntPipe,
  Query,
  Res,
} from '@nestjs/common';
import type { Response } from 'express';
import { NestFactory } from '@nestjs/core';
import pg, { Pool } from 'pg';
import { readFirstPage, readWholeCurve, SQL } from '../baseline/statements';

// Exits on SIGTERM the normal way, so `--cpu-prof` (BENCH_CPU_PROFILE) gets to write its profile.
process.on('SIGTERM', () => process.exit(0));

// Simulation ids are bigint, at most 2⁵³−1: as JS numbers, as the API sends them.
pg.defaults.parseInt8 = true;

const PG_POOL = 'PG_POOL';

@Controller()
class FloorController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get()
  ready(): { ok: true } {
    return { ok: true };
  }

  @Get('simulation/:id')
  async simulation(@Param('id', ParseIntPipe) id: number): Promise<Record<string, unknown>> {
    const found = await this.pool.query(SQL.simulationById, [id]);
    if (found.rowCount === 0) throw new NotFoundException(`simulation ${id} not found`);
    const simulation = found.rows[0];
    const [attempts, machine] = await Promise.all([
      this.pool.query(SQL.attemptsOf, [id]),
      this.pool.query(SQL.machineStatus, [simulation.machine_id]),
    ]);
    const m = machine.rows[0];
    return {
      ...simulation,
      machine_status: !m ? 'offline' : m.draining ? 'draining' : m.served ? 'online' : 'offline',
      attempts: attempts.rows,
    };
  }

  @Get('simulations')
  async list(
    @Query('limit', ParseIntPipe) limit: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<Record<string, unknown>[]> {
    const { items, total } = await readFirstPage(this.pool, limit);
    response.setHeader('X-Total-Count', String(total));
    return items;
  }

  @Get('converge/:id')
  async curve(@Param('id', ParseIntPipe) id: number): Promise<Record<string, unknown>> {
    const curve = await readWholeCurve(this.pool, id);
    if (!curve) throw new NotFoundException(`simulation ${id} not found`);
    return curve;
  }
}

@Module({
  controllers: [FloorController],
  providers: [
    {
      provide: PG_POOL,
      useFactory: () =>
        new Pool({
          connectionString: process.env.DATABASE_URL,
          max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
        }),
    },
  ],
})
class FloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(FloorModule, { logger: ['error'] });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

void main();
