#!/usr/bin/env node
// Optional, manual check that a Parquet file written by SosRap is standard Parquet, read by an
// independent engine (DuckDB). Not part of the test suite: it needs the npm package
// @duckdb/node-api, installed outside the project:
//
//   mkdir -p /tmp/duckcheck && (cd /tmp/duckcheck && npm init -y && npm install @duckdb/node-api)
//   NODE_PATH=/tmp/duckcheck/node_modules node scripts/check-parquet-duckdb.mjs FILE.parquet
//
// Prints the column types DuckDB sees and every row as JSON (dates as YYYY-MM-DD).
import { createRequire } from "node:module";
const require = createRequire(process.env.NODE_PATH ? process.env.NODE_PATH + "/" : import.meta.url);
const { DuckDBInstance } = require("@duckdb/node-api");

const file = process.argv[2];
if (!file) {
  console.error("usage: check-parquet-duckdb.mjs FILE.parquet");
  process.exit(2);
}
const db = await DuckDBInstance.create(":memory:");
const con = await db.connect();
const quoted = "'" + file.replaceAll("'", "''") + "'";
const schema = await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoted})`);
for (const row of schema.getRowObjectsJson()) console.log(`${row.column_name}\t${row.column_type}\t${row.null}`);
const rows = await con.runAndReadAll(`SELECT * FROM read_parquet(${quoted})`);
for (const row of rows.getRowObjectsJson()) console.log(JSON.stringify(row));
