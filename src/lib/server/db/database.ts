// One interface over both engines. Everything above this folder speaks PostgreSQL 15 SQL through
// it and never knows which engine answers: PGlite (embedded, one process) or a PostgreSQL server.

export type SqlParam = string | number | boolean | null | Uint8Array | readonly string[];

export interface QueryResult<Row> {
	readonly rows: Row[];
	/** Rows inserted, updated or deleted by the statement. */
	readonly rowCount: number;
}

export interface Queryable {
	/** One statement with $1… parameters. */
	query<Row = Record<string, unknown>>(
		sql: string,
		params?: readonly SqlParam[]
	): Promise<QueryResult<Row>>;
	/** Several statements without parameters (migrations). */
	exec(sql: string): Promise<void>;
}

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database extends Queryable {
	readonly kind: DatabaseKind;
	/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
	transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
	/** Closes the engine (PGlite writes its files; a pool ends its connections). Safe to repeat. */
	close(): Promise<void>;
}
