import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A service account: exchanges its client id and secret for access tokens of its role. */
@Entity({ name: 'api_clients' })
export class ApiClient {
  @PrimaryColumn({ name: 'client_id', type: 'varchar', length: 64 })
  clientId: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  role: string;

  /** scrypt$N$r$p$salt$hash, all base64url: never the secret itself. */
  @Column({ name: 'secret_hash', type: 'text' })
  secretHash: string;

  @Column({ name: 'created_by', type: 'varchar', length: 200, nullable: true })
  createdBy: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  /** Set while disabled: its tokens stop working at once, and it gets no new ones. */
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Its role per project, by name (docs/projects.md); empty: no project scope. */
  @Column({ type: 'jsonb', default: {} })
  projects: Record<string, string>;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;
}
