import { Role } from '@app/auth';

/** The one attempt of one simulation a run-scoped token reports for. */
export interface RunScope {
  simulationId: number;
  attempt: number;
}

/** What a verified token tells us about its bearer; set on `request.user`. */
export interface AuthenticatedUser {
  subject: string;
  role: Role;
  /** Set for a run-scoped token (role `run`) only. */
  run?: RunScope;
}
