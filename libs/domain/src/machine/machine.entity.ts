import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProgramDeclaration } from '../program/program-declaration';

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

  /** The programs its worker declared at its last start, besides the built-in ones. */
  @Column({ type: 'json', default: () => "'[]'::json" })
  programs: ProgramDeclaration[];

  /** GPUs its worker found or was told of at its last start. */
  @Column({ type: 'integer', default: 0 })
  gpus: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
