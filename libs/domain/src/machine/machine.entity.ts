import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A place where simulations run. Its id is chosen by clients, never generated. */
@Entity({ name: 'machines' })
export class Machine {
  @PrimaryColumn({ name: 'machine_id', type: 'integer' })
  machineId: number;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** An admin stopped new runs here; running ones finish. */
  @Column({ type: 'boolean', default: false })
  draining: boolean;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
