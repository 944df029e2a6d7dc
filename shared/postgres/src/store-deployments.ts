import type { DeploymentRecord, DeploymentSummary, FormRecord, NewDeployment, StartEventTarget } from '@baton/runtime';
import type pg from 'pg';
import { inTransaction } from './connection.js';

/** Replaces the message and signal start events of `processId` with those of `latest` (none when undefined). */
async function replaceStartEvents(client: pg.PoolClient, processId: string, latest: DeploymentRecord | undefined): Promise<void> {
  await client.query('DELETE FROM start_events WHERE process_id = $1', [processId]);
  const rows = (latest?.startEvents ?? []).flatMap((start) =>
    start.kind === 'message' || start.kind === 'signal'
      ? [{ kind: start.kind, name: start.kind === 'message' ? start.messageName : start.signalName, element_id: start.elementId }]
      : [],
  );
  if (latest === undefined || rows.length === 0) return;
  await client.query(
    `INSERT INTO start_events (kind, name, process_id, element_id, definition_key)
     SELECT kind, name, $2, element_id, $3 FROM json_to_recordset($1::json) AS x(kind text, name text, element_id text) ON CONFLICT DO NOTHING`,
    [JSON.stringify(rows), processId, latest.definitionKey],
  );
}

/**
 * Deployments: a row per version in `deployments`, the latest and highest version
 * per process in `processes` (its row lock serializes deploys and deletes of one
 * process), start events of each latest version in `start_events`, forms by id.
 */
export class StoreDeployments {
  /** Records by definition key: written once and never changed, so safe to keep. */
  private readonly records = new Map<string, DeploymentRecord>();

  constructor(private readonly pool: pg.Pool) {}

  save(deployment: NewDeployment): Promise<{ readonly record: DeploymentRecord; readonly isNew: boolean }> {
    return inTransaction(this.pool, async (client) => {
      const { processId } = deployment;
      await client.query('INSERT INTO processes (process_id, highest_version) VALUES ($1, 0) ON CONFLICT DO NOTHING', [processId]);
      const { rows } = await client.query<{ highest_version: number; latest: DeploymentRecord | null }>(
        `SELECT p.highest_version, d.record AS latest FROM processes p LEFT JOIN deployments d ON d.definition_key = p.latest_key
         WHERE p.process_id = $1 FOR UPDATE OF p`,
        [processId],
      );
      const latest = rows[0]?.latest ?? undefined;
      if (latest !== undefined && latest.xml === deployment.xml && latest.resourceName === deployment.resourceName) return { record: latest, isNew: false };
      const record: DeploymentRecord = { ...deployment, version: (rows[0]?.highest_version ?? 0) + 1 };
      await client.query('INSERT INTO deployments (definition_key, process_id, version, record) VALUES ($1, $2, $3, $4)', [
        record.definitionKey,
        processId,
        record.version,
        JSON.stringify(record),
      ]);
      await client.query('UPDATE processes SET latest_key = $2, highest_version = $3 WHERE process_id = $1', [processId, record.definitionKey, record.version]);
      await replaceStartEvents(client, processId, record);
      return { record, isNew: true };
    });
  }

  async get(definitionKey: string): Promise<DeploymentRecord | undefined> {
    const known = this.records.get(definitionKey);
    if (known !== undefined) return known;
    const { rows } = await this.pool.query<{ record: DeploymentRecord }>('SELECT record FROM deployments WHERE definition_key = $1', [definitionKey]);
    const record = rows[0]?.record;
    if (record !== undefined) this.records.set(definitionKey, record);
    return record;
  }

  /** See `ProcessStore.deleteDeployment`; under the process row's lock, so a racing deploy or delete waits. */
  delete(definitionKey: string, deletedAt: number): Promise<{ readonly newLatest?: DeploymentRecord } | undefined> {
    return inTransaction(this.pool, async (client) => {
      const { rows } = await client.query<{ latest_key: string | null }>(
        'SELECT p.latest_key FROM processes p JOIN deployments d ON d.process_id = p.process_id WHERE d.definition_key = $1 FOR UPDATE OF p',
        [definitionKey],
      );
      if (rows[0] === undefined) return undefined;
      const deleted = await client.query<{ process_id: string }>(
        'UPDATE deployments SET deleted_at = $2 WHERE definition_key = $1 AND deleted_at IS NULL RETURNING process_id',
        [definitionKey, deletedAt],
      );
      const processId = deleted.rows[0]?.process_id;
      if (processId === undefined) return undefined;
      if (rows[0].latest_key !== definitionKey) return {};
      const below = await client.query<{ record: DeploymentRecord }>(
        'SELECT record FROM deployments WHERE process_id = $1 AND deleted_at IS NULL ORDER BY version DESC LIMIT 1',
        [processId],
      );
      const newLatest = below.rows[0]?.record;
      await client.query('UPDATE processes SET latest_key = $2 WHERE process_id = $1', [processId, newLatest?.definitionKey ?? null]);
      await replaceStartEvents(client, processId, newLatest);
      return newLatest === undefined ? {} : { newLatest };
    });
  }

  async latest(processId: string): Promise<DeploymentRecord | undefined> {
    const { rows } = await this.pool.query<{ latest_key: string | null }>('SELECT latest_key FROM processes WHERE process_id = $1', [processId]);
    const key = rows[0]?.latest_key ?? undefined;
    return key === undefined ? undefined : this.get(key);
  }

  /** By processId then version. */
  async list(processId: string | undefined): Promise<DeploymentSummary[]> {
    const { rows } = await this.pool.query<{ record: DeploymentRecord }>(
      'SELECT record FROM deployments WHERE deleted_at IS NULL AND ($1::text IS NULL OR process_id = $1) ORDER BY process_id, version',
      [processId ?? null],
    );
    return rows.map(({ record: { xml: _xml, ...summary } }) => summary);
  }

  async saveForm(form: FormRecord): Promise<void> {
    await this.pool.query('INSERT INTO forms (form_id, record) VALUES ($1, $2) ON CONFLICT (form_id) DO UPDATE SET record = EXCLUDED.record', [
      form.formId,
      JSON.stringify(form),
    ]);
  }

  async form(formId: string): Promise<FormRecord | undefined> {
    const { rows } = await this.pool.query<{ record: FormRecord }>('SELECT record FROM forms WHERE form_id = $1', [formId]);
    return rows[0]?.record;
  }

  /** Start events of that kind and name of each process's latest version, by processId. */
  async startTargets(kind: 'message' | 'signal', name: string): Promise<StartEventTarget[]> {
    const { rows } = await this.pool.query<StartEventTarget>(
      'SELECT process_id AS "processId", definition_key AS "definitionKey", element_id AS "elementId" FROM start_events WHERE kind = $1 AND name = $2 ORDER BY process_id, element_id',
      [kind, name],
    );
    return rows;
  }
}
