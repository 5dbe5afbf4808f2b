import { DomainError } from '../errors/domain-error';
import { commandFor, declaredEnvFor, fillTemplate, resolveProgramParams } from './program-command';
import { PROGRAM_DEFAULTS, ProgramDeclaration } from './program-declaration';

const train: ProgramDeclaration = {
  name: 'train',
  command: ['python3', 'train.py', '--lr={lr}', '--name', '{label}', '{{literal}}'],
  params: {
    lr: { type: 'number', min: 0, max: 1, default: 0.1 },
    epochs: { type: 'integer', min: 1 },
    label: { type: 'string', default: 'run' },
    optimizer: { type: 'string', choices: ['sgd', 'adam'], default: 'sgd' },
    augment: { type: 'boolean', default: false },
  },
  env: { RUN_LABEL: 'label={label}' },
  timeLimitSeconds: PROGRAM_DEFAULTS.timeLimitSeconds,
  killGraceSeconds: PROGRAM_DEFAULTS.killGraceSeconds,
  gpus: 0,
  keepWorkdir: false,
  limits: {},
  logs: PROGRAM_DEFAULTS.logs,
};

const problemsOf = (given: Record<string, unknown>): string[] => {
  try {
    resolveProgramParams(train, given);
  } catch (error) {
    if (error instanceof DomainError) return [...(error.details ?? [error.message])];
    throw error;
  }
  return [];
};

describe("a run's params against its program's", () => {
  it('fills in defaults and keeps what was given', () => {
    expect(resolveProgramParams(train, { epochs: 3, lr: 1e-7 })).toEqual({
      lr: 1e-7,
      epochs: 3,
      label: 'run',
      optimizer: 'sgd',
      augment: false,
    });
  });

  it('names every problem: unknown, missing, out of bounds, not a choice, wrong type', () => {
    expect(problemsOf({ lr: 2, optimiser: 'adam', optimizer: 'rmsprop', augment: 'yes' })).toEqual([
      'params.optimiser: program "train" takes no such param (it takes: lr, epochs, label, optimizer, augment)',
      'params.lr must be at most 1 for program "train"',
      'params.epochs: program "train" needs it (integer)',
      'params.optimizer must be one of: sgd, adam for program "train"',
      'params.augment must be true or false for program "train"',
    ]);
    expect(problemsOf({ epochs: 2.5 })).toEqual([
      'params.epochs must be a whole number for program "train"',
    ]);
  });
});

describe("a run's command and environment", () => {
  it('puts each value into its one argument as it is: shell metacharacters stay literal', () => {
    const label = `x; rm -rf / $(id) "quoted" 'single' \`tick\` | & > *`;
    const values = resolveProgramParams(train, { epochs: 1, label });
    expect(commandFor(train, values)).toEqual([
      'python3',
      'train.py',
      '--lr=0.1',
      '--name',
      label,
      '{literal}',
    ]);
  });

  it('fills declared variables and sets AISIM_PARAM_<NAME> for each param', () => {
    const values = resolveProgramParams(train, { epochs: 4, augment: true });
    expect(declaredEnvFor(train, values)).toEqual({
      RUN_LABEL: 'label=run',
      AISIM_PARAM_LR: '0.1',
      AISIM_PARAM_EPOCHS: '4',
      AISIM_PARAM_LABEL: 'run',
      AISIM_PARAM_OPTIMIZER: 'sgd',
      AISIM_PARAM_AUGMENT: 'true',
    });
  });

  it('reads {{ and }} as braces', () => {
    expect(fillTemplate('{{"lr": {lr}}}', { lr: 0.5 })).toBe('{"lr": 0.5}');
  });
});
