import { Role } from './role';

/** What a verified token tells us about its bearer; set on `request.user`. */
export interface AuthenticatedUser {
  subject: string;
  role: Role;
}
