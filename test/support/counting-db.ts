import type { Database } from '../../src/store/database.ts';

/** The database with every statement counted (transactions count their statements too). */
export function counting(db: Database): { db: Database; statements: () => number } {
  let n = 0;
  const counted: Database = {
    ...db,
    kind: db.kind,
    query: (sql, params) => {
      n++;
      return db.query(sql, params);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          ...tx,
          query: (sql, params) => {
            n++;
            return tx.query(sql, params);
          },
        }),
      ),
  };
  return { db: counted, statements: () => n };
}
