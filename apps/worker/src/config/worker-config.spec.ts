import { InvalidEnvironmentError } from '@app/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadWorkerConfig } from './worker-config';

describe('the worker configuration: programs and GPUs', () => {
  let directory: string;
  const base = {
    DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
    REDIS_URL: 'redis://127.0.0.1:6379',
  };
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadWorkerConfig({ ...base, ...env });
    } catch (error) {
      if (error instanceof InvalidEnvironmentError) return error.problems;
      throw error;
    }
    return [];
  };

  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'worker-config-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads the programs of PROGRAMS_FILE and the GPUs of GPUS', () => {
    const file = path.join(directory, 'ok.yaml');
    writeFileSync(file, 'programs:\n  noop:\n    command: [/bin/true]\n');
    const config = loadWorkerConfig({ ...base, MACHINE_ID: '3', PROGRAMS_FILE: file, GPUS: '0,1' });
    expect(config.programs.map((program) => program.name)).toEqual(['noop']);
    expect(config.gpus).toEqual(['0', '1']);
    expect(config.runsDirectory).toBe(path.join(tmpdir(), 'aisim-runs'));
  });

  it('refuses to start on every problem at once: a program file for no machine, its lines, bad GPUS', () => {
    const file = path.join(directory, 'broken.yaml');
    writeFileSync(file, 'programs:\n  noop:\n    command: /bin/true\n');
    expect(problemsOf({ PROGRAMS_FILE: file, GPUS: 'all' })).toEqual([
      'PROGRAMS_FILE needs MACHINE_ID: programs are declared for one machine (a pool worker runs the emulator only)',
      'GPUS must be "none" or device indexes separated by commas (0,1,2,3), not "all"',
      `${file}:3:5: programs.noop.command: must be a list`,
    ]);
    expect(
      problemsOf({ MACHINE_ID: '3', PROGRAMS_FILE: path.join(directory, 'absent.yaml') }),
    ).toEqual([
      `${path.join(directory, 'absent.yaml')}: ENOENT: no such file or directory, open '${path.join(directory, 'absent.yaml')}'`,
    ]);
  });

  it("signs program runs' tokens with the API's keys only when RUN_API_URL says where they report", () => {
    expect(loadWorkerConfig(base).runReporting).toBeUndefined();
    const reporting = loadWorkerConfig({
      ...base,
      RUN_API_URL: 'http://api.internal:8000/',
      JWT_SECRET: 'a'.repeat(32),
      JWT_KEY_ID: 'k2',
    }).runReporting;
    expect(reporting?.apiUrl).toBe('http://api.internal:8000');
    expect(reporting?.jwt).toMatchObject({ secret: 'a'.repeat(32), keyId: 'k2' });
    expect(problemsOf({ RUN_API_URL: 'api.internal:8000' })).toEqual([
      'RUN_API_URL must be an http(s) URL such as http://api.internal:8000 (got "api.internal:8000")',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', RUN_API_URL: 'https://api.example.com' })).toEqual([
      'RUN_API_URL: JWT_SECRET is required when NODE_ENV=production',
    ]);
  });
});
