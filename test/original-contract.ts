/** What the original service's README documents: our compatibility contract, held by the e2e suite and the container check alike. */

/** The original service's documented example body, byte for byte. */
export const CONTRACT_BODY = `{
  "simulation_id": 1,
  "name": "Sample Simulation",
  "machine_id": 101,
  "status": "pending",
  "creation_date": "2024-03-05T14:30:00",
  "update_date": "2024-03-05T15:00:00",
  "machine": {
    "machine_id": 101,
    "name": "Machine A"
  }
}`;

/** The curve its README shows for that simulation. */
export const DOCUMENTED_CURVE = [
  { seconds: 10, loss: 0.042 },
  { seconds: 20, loss: 0.033 },
  { seconds: 30, loss: 0.029 },
  { seconds: 40, loss: 0.027 },
  { seconds: 50, loss: 0.025 },
  { seconds: 60, loss: 0.024 },
  { seconds: 70, loss: 0.023 },
  { seconds: 80, loss: 0.023 },
  { seconds: 90, loss: 0.022 },
  { seconds: 100, loss: 0.022 },
];
