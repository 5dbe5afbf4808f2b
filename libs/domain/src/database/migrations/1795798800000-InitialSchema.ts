import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795798800000 implements MigrationInterface {
  name = 'InitialSchema1795798800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // update_date must change on every change, whoever writes the row: a
    // trigger makes that true without trusting each UPDATE to remember it.
    // clock_timestamp() rather than now(): two updates in one transaction
    // still move the date forward.
    await queryRunner.query(`
      CREATE FUNCTION touch_update_date() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.update_date := clock_timestamp();
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.updated_at := clock_timestamp();
        RETURN NEW;
      END $$`);

    await queryRunner.query(`
      CREATE TABLE machines (
        machine_id  integer      PRIMARY KEY CHECK (machine_id > 0),
        name        varchar(255) NOT NULL CHECK (length(name) > 0),
        created_at  timestamptz  NOT NULL DEFAULT clock_timestamp(),
        updated_at  timestamptz  NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`
      CREATE TRIGGER machines_touch_updated_at BEFORE UPDATE ON machines
      FOR EACH ROW EXECUTE FUNCTION touch_updated_at()`);

    // Generated ids come from this sequence; client-chosen ids push it past
    // themselves (SimulationRepository.insert), so the two never collide.
    await queryRunner.query(`
      CREATE TABLE simulations (
        simulation_id  integer      PRIMARY KEY CHECK (simulation_id > 0),
        name           varchar(255) NOT NULL CHECK (length(name) > 0),
        machine_id     integer      NOT NULL REFERENCES machines (machine_id) ON DELETE RESTRICT,
        status         varchar(16)  NOT NULL DEFAULT 'pending'
                       CHECK (status IN ('pending', 'running', 'finished', 'failed')),
        failure_reason text,
        creation_date  timestamptz  NOT NULL DEFAULT clock_timestamp(),
        update_date    timestamptz  NOT NULL DEFAULT clock_timestamp(),
        started_at     timestamptz,
        finished_at    timestamptz
      )`);
    await queryRunner.query(
      `CREATE SEQUENCE simulations_simulation_id_seq AS integer OWNED BY simulations.simulation_id`,
    );
    await queryRunner.query(`
      ALTER TABLE simulations
      ALTER COLUMN simulation_id SET DEFAULT nextval('simulations_simulation_id_seq')`);
    await queryRunner.query(`
      CREATE TRIGGER simulations_touch_update_date BEFORE UPDATE ON simulations
      FOR EACH ROW EXECUTE FUNCTION touch_update_date()`);

    // One index per sort order (ties broken by id, as the API sorts), and one
    // per filter that leads with the filtered column and keeps the default order.
    await queryRunner.query(
      `CREATE INDEX simulations_by_creation_date ON simulations (creation_date, simulation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX simulations_by_update_date ON simulations (update_date, simulation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX simulations_by_name ON simulations (name, simulation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX simulations_by_status ON simulations (status, creation_date, simulation_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX simulations_by_machine ON simulations (machine_id, creation_date, simulation_id)`,
    );

    await queryRunner.query(`
      CREATE TABLE convergence_points (
        simulation_id integer          NOT NULL REFERENCES simulations (simulation_id) ON DELETE CASCADE,
        seconds       double precision NOT NULL CHECK (seconds >= 0),
        loss          double precision NOT NULL,
        PRIMARY KEY (simulation_id, seconds)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE convergence_points`);
    await queryRunner.query(`DROP TABLE simulations`);
    await queryRunner.query(`DROP TABLE machines`);
    await queryRunner.query(`DROP FUNCTION touch_updated_at()`);
    await queryRunner.query(`DROP FUNCTION touch_update_date()`);
  }
}
