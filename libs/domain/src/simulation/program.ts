/**
 * The programs every installation has. `emulate` is the contract's run: a
 * worker serving its machine emulates the curve. `external` is a run that
 * reports from anywhere (a training script on a laptop, a cluster job): no
 * worker takes it; its client reports its start, its metrics and its end
 * with the run-scoped token it was given. Any other program is one a
 * machine's operator declared (ProgramDeclaration) and its worker executes.
 */
export enum Program {
  Emulate = 'emulate',
  External = 'external',
}

export const PROGRAMS: readonly Program[] = Object.values(Program);
