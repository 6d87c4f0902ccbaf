"""CSV and Parquet copies of the store's tables, streamed in batches (a million rows never sit in memory).

Internal columns (the MinHash signature used for near-duplicate detection) are left out.
"""

from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

from ..store import TABLES
from .registry import Exporter

BATCH = 50_000
INTERNAL = {"minhash"}


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
    return [c for c in cols if c not in INTERNAL]


def _select(conn: sqlite3.Connection, table: str) -> tuple[list[str], sqlite3.Cursor]:
    cols = columns(conn, table)
    sql = f'SELECT {", ".join(chr(34) + c + chr(34) for c in cols)} FROM "{table}" ORDER BY rowid'
    return cols, conn.execute(sql)


def write_csv(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    cols, cur = _select(conn, table)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(cols)
        while rows := cur.fetchmany(BATCH):
            w.writerows(tuple(r) for r in rows)
    return [out]


def write_parquet(conn: sqlite3.Connection, table: str, out: Path, options: dict) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols, cur = _select(conn, table)
    schema = pa.schema([(c, _arrow_type(conn, table, c)) for c in cols])
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        while rows := cur.fetchmany(BATCH):
            data = list(zip(*rows, strict=True))
            arrays = [pa.array(list(v), type=f.type) for v, f in zip(data, schema, strict=True)]
            writer.write_table(pa.table(arrays, schema=schema))
    return [out]


def _arrow_type(conn: sqlite3.Connection, table: str, column: str):
    import pyarrow as pa

    declared = {r[1]: (r[2] or "").upper() for r in conn.execute(f'PRAGMA table_info("{table}")')}[column]
    if "INT" in declared:
        return pa.int64()
    if "REAL" in declared or "FLOA" in declared or "DOUB" in declared:
        return pa.float64()
    if "BLOB" in declared:
        return pa.binary()
    return pa.string()


CSV = Exporter("csv", "CSV (one file per table, header row, UTF-8)", TABLES, ".csv", write_csv)
PARQUET = Exporter("parquet", "Apache Parquet (zstd), typed columns", TABLES, ".parquet", write_parquet)
