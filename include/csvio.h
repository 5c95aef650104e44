/*
 * csvio.h — reading CSV files as a stream (constant memory) through libcsv:
 * encoding detection and GB18030 conversion through iconv, the UTF-8 BOM,
 * and the physical line on which each record starts.
 */
#ifndef JIANYI_CSVIO_H
#define JIANYI_CSVIO_H

#include <stddef.h>

enum csv_enc { ENC_AUTO, ENC_UTF8, ENC_GB18030 };

/* Parses "auto", "utf-8" (or "utf8") and "gb18030"; -1 after a message. */
int csv_enc_parse(const char *s, enum csv_enc *out);

/*
 * Called once a record: fields[0..n) are UTF-8 (valid, converted if need
 * be) of lens[0..n) bytes, each followed by a NUL; a field may hold a NUL
 * byte of its own, so use lens, not strlen. line is the physical line on
 * which the record starts (1-based; LF, CRLF or a lone CR end a line).
 * Returns 0 to go on, -1 to stop the reading.
 */
typedef int (*csv_record_fn)(void *arg, long line, char **fields,
    const size_t *lens, size_t n);

/*
 * Reads path ("-" for standard input; what cannot seek, such as a pipe,
 * is spooled to a temporary file) and calls fn for every record, blank
 * lines skipped. Returns 0, 1 when fn stopped it, or -1 after one line on
 * stderr ("FILE:LINE: reason") for an I/O, encoding or CSV syntax fault.
 * *used gets the encoding read (UTF-8 or GB18030) when not NULL.
 */
int csv_read(const char *path, enum csv_enc enc, csv_record_fn fn,
    void *arg, enum csv_enc *used);

#endif
