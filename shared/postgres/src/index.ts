/** Postgres adapters of Baton's ports (issue 15). */
export {};
