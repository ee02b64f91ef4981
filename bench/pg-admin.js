'use strict';
/** A client on the PostgreSQL maintenance database, for creating and dropping throwaway databases. */
function pgAdminClient() {
  const { Client } = require('pg');
  return new Client({
    host: process.env.DATABASE_HOST || '127.0.0.1',
    port: Number(process.env.DATABASE_PORT || 5432),
    user: process.env.DATABASE_USERNAME || 'postgres',
    password: process.env.DATABASE_PASSWORD || '',
    database: process.env.PG_ADMIN_DATABASE || 'postgres',
    connectionTimeoutMillis: 3000,
  });
}

module.exports = { pgAdminClient };
