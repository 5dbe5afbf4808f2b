/**
 * The metric the emulator writes and the contract's curve (`GET /converge/{id}`)
 * is: its id among a run's metrics and its name.
 */
export const LOSS_METRIC = { id: 0, name: 'loss' } as const;
