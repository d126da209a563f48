package io.socialkpi.tables;

import java.io.Serializable;

/**
 * One rejected raw row and why: a row of the {@code quarantine} table, and its definition ({@link
 * RowCodec} derives the columns; documented in docs/TABLES.md with the reason codes). The rows are
 * built by Spark expressions, not from records, and are brought to this schema by name.
 *
 * @param line 1-based line in the file (header = line 1), or 1-based row of Parquet and sheets
 * @param byteOffset offset of the line in the file's own bytes (Parquet and sheets: the row index)
 */
public record QuarantineRow(
    String source,
    String file,
    long line,
    long byteOffset,
    String reason,
    String detail,
    String raw)
    implements Serializable {}
