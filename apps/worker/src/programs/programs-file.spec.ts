import { parsePrograms, ProgramsFileError } from './programs-file';

const refusal = (text: string): string => {
  try {
    parsePrograms(text, 'programs.yaml');
  } catch (error) {
    if (error instanceof ProgramsFileError) return error.message;
    throw error;
  }
  throw new Error('the file was accepted');
};

describe('the programs file', () => {
  it('declares programs from YAML, defaults filled in', () => {
    const [train] = parsePrograms(
      [
        'programs:',
        '  train-digits:',
        '    description: a small network on the digits',
        '    command: [python3, /opt/train.py, "--lr={lr}", --epochs, "{epochs}"]',
        '    params:',
        '      lr: {type: number, min: 0.0001, max: 1, default: 0.1}',
        '      epochs: {type: integer, min: 1, max: 200}',
        '      optimizer: {type: string, choices: [sgd, adam], default: sgd}',
        '    env: {OMP_NUM_THREADS: 1}',
        '    gpus: 1',
        '    limits: {memory_mb: 2048, open_files: 256}',
      ].join('\n'),
      'programs.yaml',
    );
    expect(train).toEqual({
      name: 'train-digits',
      description: 'a small network on the digits',
      command: ['python3', '/opt/train.py', '--lr={lr}', '--epochs', '{epochs}'],
      params: {
        lr: { type: 'number', min: 0.0001, max: 1, default: 0.1 },
        epochs: { type: 'integer', min: 1, max: 200 },
        optimizer: { type: 'string', choices: ['sgd', 'adam'], default: 'sgd' },
      },
      env: { OMP_NUM_THREADS: '1' },
      timeLimitSeconds: 3600,
      killGraceSeconds: 10,
      gpus: 1,
      keepWorkdir: false,
      limits: { memoryMb: 2048, openFiles: 256 },
      logs: { maxBytes: 10 * 2 ** 20, maxLineBytes: 16 * 2 ** 10 },
    });
  });

  it('reads JSON as well', () => {
    const programs = parsePrograms(
      JSON.stringify({ programs: { noop: { command: ['/bin/true'] } } }),
      'programs.json',
    );
    expect(programs.map((program) => program.name)).toEqual(['noop']);
  });

  it('names every problem with its line, column and path, all at once', () => {
    const message = refusal(
      [
        'programs:', // 1
        '  train:', // 2
        '    command: [python3, "{rate}"]', // 3
        '    params:', // 4
        '      lr: {type: float}', // 5
        '      epochs: {type: integer, min: 10, max: 1}', // 6
        '    colour: red', // 7
        '  emulate:', // 8
        '    command: [x]', // 9
      ].join('\n'),
    );
    expect(message).toMatch(/^PROGRAMS_FILE programs.yaml has 5 problem\(s\):/);
    expect(message).toContain(
      'programs.yaml:3:24: programs.train.command.1: {rate} is not a declared param (declared: epochs)',
    );
    expect(message).toContain(
      'programs.yaml:5:12: programs.train.params.lr.type: type is one of: number, integer, string, boolean',
    );
    expect(message).toContain(
      'programs.yaml:6:40: programs.train.params.epochs.max: max (1) is below min (10)',
    );
    expect(message).toContain('programs.yaml:7:5: programs.train.colour: unknown key "colour"');
    expect(message).toContain(
      'programs.yaml:8:3: programs.emulate: "emulate" is built in and cannot be declared',
    );
  });

  it('refuses broken YAML with the line of the break', () => {
    expect(refusal('programs:\n  a: [unclosed\n')).toMatch(
      /^PROGRAMS_FILE programs.yaml has 1 problem\(s\):\n {2}programs.yaml:\d+:\d+: /,
    );
    expect(refusal('programs:\n  a: {command: [x]}\n  a: {command: [y]}\n')).toMatch(
      /programs.yaml:3:3: Map keys must be unique/,
    );
  });

  it('refuses a default outside its own bounds, a program taken from a param and AISIM_ variables', () => {
    const message = refusal(
      [
        'programs:',
        '  p:',
        '    command: ["{tool}", run]',
        '    params:',
        '      tool: {type: string, default: sh}',
        '      n: {type: integer, max: 5, default: 6}',
        '    env: {AISIM_TOKEN: x}',
      ].join('\n'),
    );
    expect(message).toContain('programs.p.command.0: the program itself cannot come from a param');
    expect(message).toContain('programs.p.params.n.default: default must be at most 5');
    expect(message).toContain(
      'programs.p.env.AISIM_TOKEN: variables starting with AISIM_ are set by the worker',
    );
  });

  it('refuses an unclosed or stray brace in a command, naming where', () => {
    const message = refusal('programs:\n  p:\n    command: [x, "a{b", "c}"]\n');
    expect(message).toContain(
      'programs.p.command.1: "{" at character 2 is never closed (write {{ for a brace)',
    );
    expect(message).toContain(
      'programs.p.command.2: "}" at character 2 closes nothing (write }} for a brace)',
    );
  });
});
