/*
 * csvio.c — streams a CSV file through libcsv in chunks: the encoding is
 * detected (a BOM means UTF-8; else valid UTF-8; else GB18030) and
 * converted with iconv, and each record is reported with the physical line
 * it starts on, which libcsv does not count (LF, CRLF and a lone CR, as
 * Excel's "CSV (Macintosh)" writes, each end a line). What cannot seek (a
 * pipe, a FIFO, /dev/stdin) is spooled to a temporary file first.
 */
#include <sys/stat.h>

#include <err.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "msg.h"
#include "xmalloc.h"
#include "csvio.h"
#include "text.h"

#define CHUNK 65536
#define ROW_NOT_BEGUN 0 /* libcsv's parser state between records */

struct reader {
	const char     *path;
	csv_record_fn   fn;
	void           *arg;
	char          **fields;
	size_t         *lens, *caps;
	size_t          nfields, capfields;
	long            line;      /* the physical line being fed */
	long            start;     /* where the current record began */
	int             cr;        /* the last byte fed was a CR */
	int             stopped;
	int             atstart;   /* no byte fed yet: a BOM may come */
};

int
csv_enc_parse(const char *s, enum csv_enc *out)
{
	if (strcmp(s, "auto") == 0)
		*out = ENC_AUTO;
	else if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		*out = ENC_UTF8;
	else if (strcasecmp(s, "gb18030") == 0 || strcasecmp(s, "gbk") == 0)
		*out = ENC_GB18030;
	else {
		warnx(_("invalid encoding '%s' (use auto|utf-8|gb18030)"), s);
		return -1;
	}
	return 0;
}

static void
on_field(void *s, size_t len, void *data)
{
	struct reader *r = data;
	size_t i = r->nfields;

	if (i == r->capfields) {
		r->capfields = r->capfields ? r->capfields * 2 : 32;
		r->fields = reallocarray(r->fields, r->capfields,
		    sizeof *r->fields);
		r->lens = reallocarray(r->lens, r->capfields, sizeof *r->lens);
		r->caps = reallocarray(r->caps, r->capfields, sizeof *r->caps);
		if (r->fields == NULL || r->lens == NULL || r->caps == NULL)
			xnomem();
		memset(r->fields + i, 0, (r->capfields - i) * sizeof *r->fields);
		memset(r->caps + i, 0, (r->capfields - i) * sizeof *r->caps);
	}
	/* Field buffers are kept and reused from record to record. */
	if (r->caps[i] < len + 1) {
		r->caps[i] = len + 1 > 64 ? len + 1 : 64;
		free(r->fields[i]);
		r->fields[i] = xmalloc(r->caps[i]);
	}
	if (len > 0)
		memcpy(r->fields[i], s, len);
	r->fields[i][len] = '\0';
	r->lens[i] = len;
	r->nfields++;
}

static void
on_record(int c, void *data)
{
	struct reader *r = data;

	(void)c;
	if (!r->stopped && r->fn(r->arg, r->start, r->fields, r->lens,
	    r->nfields) == -1)
		r->stopped = 1;
	r->nfields = 0;
}

/* The length of the next piece of buf to feed: up to and including the
 * next line end (LF or CR), or all of it. */
static size_t
line_piece(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (buf[i] == '\n' || buf[i] == '\r')
			return i + 1;
	return len;
}

/* Counts the line ends in buf: LF, CRLF and a lone CR each end one line.
 * *cr carries a CR at the end of one buffer over to the next. */
static long
count_lines(const char *buf, size_t len, int *cr)
{
	long n = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		if (buf[i] == '\r')
			n++;
		else if (buf[i] == '\n' && !*cr)
			n++;
		*cr = buf[i] == '\r';
	}
	return n;
}

/* Feeds UTF-8 bytes to the parser a line at a time, so that the start line
 * of every record is known. 0 or -1 after a message. */
static int
feed(struct csv_parser *p, struct reader *r, const char *buf, size_t len)
{
	size_t n;

	if (r->atstart && len > 0) {
		if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0) {
			buf += 3;
			len -= 3;
		}
		r->atstart = 0;
	}
	while (len > 0 && !r->stopped) {
		n = line_piece(buf, len);
		if (p->pstate == ROW_NOT_BEGUN)
			r->start = r->line;
		if (csv_parse(p, buf, n, on_field, on_record, r) != n) {
			warnx(_("%s:%ld: malformed CSV (%s)"), r->path, r->line,
			    csv_strerror(csv_error(p)));
			return -1;
		}
		r->line += count_lines(buf, n, &r->cr);
		buf += n;
		len -= n;
	}
	return 0;
}

/* What a reading of the whole file found about it as UTF-8. */
struct scan {
	long good;      /* valid sequences of two bytes or more */
	long bad;       /* bytes that start no valid sequence */
	long bad_line;  /* where the first of them is: its line */
	long bad_byte;  /* and its offset, 1-based */
};

/* Reads the whole of fp as UTF-8, then rewinds it. */
static void
scan_utf8(FILE *fp, struct scan *sc)
{
	char buf[CHUNK + 4];
	size_t n, keep = 0, i, len;
	long line = 1, off = 0;
	int cr = 0, eof = 0;
	unsigned char c;

	memset(sc, 0, sizeof *sc);
	while (!eof) {
		n = fread(buf + keep, 1, CHUNK, fp);
		eof = n == 0;
		n += keep;
		if (n == 0)
			break;
		for (i = 0; i < n; i += len) {
			c = (unsigned char)buf[i];
			len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
			/* Do not judge a sequence cut at the chunk's end. */
			if (len > 1 && i + len > n && !eof)
				break;
			if (c < 0x80) {
				line += count_lines(buf + i, 1, &cr);
				continue;
			}
			cr = 0;
			if (i + len <= n && utf8_valid(buf + i, len) && len > 1) {
				sc->good++;
				continue;
			}
			if (sc->bad++ == 0) {
				sc->bad_line = line;
				sc->bad_byte = off + (long)i + 1;
			}
			len = 1;
		}
		keep = n - i;
		off += (long)i;
		memmove(buf, buf + i, keep);
	}
	rewind(fp);
}

/* Copies in (standard input, a pipe, a FIFO) to a temporary file, so that
 * it can be read twice (to detect its encoding) in constant memory. */
static FILE *
spool(FILE *in, const char *path)
{
	char buf[CHUNK];
	size_t n;
	FILE *fp;

	if ((fp = tmpfile()) == NULL) {
		warn(_("temporary file"));
		return NULL;
	}
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, fp) != n) {
			warn(_("temporary file"));
			fclose(fp);
			return NULL;
		}
	if (ferror(in) || fflush(fp) != 0) {
		warn("%s", ferror(in) ? path : _("temporary file"));
		fclose(fp);
		return NULL;
	}
	rewind(fp);
	return fp;
}

/* Opens path ("-" is standard input) as a file that can be read twice. */
static FILE *
open_input(const char *path, const char *name)
{
	struct stat st;
	FILE *fp, *sp;

	if (strcmp(path, "-") == 0)
		return spool(stdin, name);
	if ((fp = fopen(path, "rb")) == NULL) {
		warn("%s", path);
		return NULL;
	}
	if (fstat(fileno(fp), &st) == -1) {
		warn("%s", path);
		fclose(fp);
		return NULL;
	}
	if (S_ISREG(st.st_mode))
		return fp;
	sp = spool(fp, name);
	fclose(fp);
	return sp;
}

/* Converts GB18030 to UTF-8 chunk by chunk, feeding the parser. */
static int
feed_gb18030(FILE *fp, struct csv_parser *p, struct reader *r)
{
	char in[CHUNK], out[CHUNK * 2], *ip, *op;
	size_t n, keep = 0, il, ol;
	long byte = 0;
	iconv_t cd;
	int rc = 0;

	/* The C library's converter cannot be loaded (no memory for it,
	 * or a broken system): not the file's fault, exit 3. */
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		err(CMD_FAIL, "iconv");
	while (rc == 0 && !r->stopped &&
	    (n = fread(in + keep, 1, sizeof in - keep, fp)) > 0) {
		ip = in;
		il = n + keep;
		do {
			op = out;
			ol = sizeof out;
			if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 &&
			    errno != EINVAL && errno != E2BIG) {
				/* What comes before it counts the lines. */
				if (feed(p, r, out, op - out) == 0 &&
				    !r->stopped)
					warnx(_("%s:%ld: not valid GB18030 "
					    "(byte %ld)"), r->path, r->line,
					    byte + (long)(ip - in) + 1);
				rc = -1;
				break;
			}
			if (feed(p, r, out, op - out) == -1) {
				rc = -1;
				break;
			}
		} while (errno == E2BIG && il > 0 && ol < sizeof out);
		byte += ip - in;
		keep = il; /* an incomplete sequence at the chunk's end */
		memmove(in, ip, keep);
	}
	if (rc == 0 && keep > 0) {
		warnx(_("%s:%ld: the file ends inside a GB18030 character"),
		    r->path, r->line);
		rc = -1;
	}
	iconv_close(cd);
	return rc;
}

static int
feed_utf8(FILE *fp, struct csv_parser *p, struct reader *r)
{
	char buf[CHUNK];
	size_t n;

	while (!r->stopped && (n = fread(buf, 1, sizeof buf, fp)) > 0)
		if (feed(p, r, buf, n) == -1)
			return -1;
	return 0;
}

int
csv_read(const char *path, enum csv_enc enc, csv_record_fn fn, void *arg,
    enum csv_enc *used)
{
	struct reader r;
	struct csv_parser p;
	struct scan sc;
	unsigned char bom[3];
	FILE *fp;
	size_t i;
	int rc, forced = enc == ENC_UTF8;

	memset(&r, 0, sizeof r);
	r.path = strcmp(path, "-") == 0 ? _("standard input") : path;
	r.fn = fn;
	r.arg = arg;
	r.line = 1;
	r.atstart = 1;
	if ((fp = open_input(path, r.path)) == NULL)
		return -1;
	/* Excel's "Unicode text" is UTF-16, with its BOM: neither of ours. */
	if (fread(bom, 1, 2, fp) == 2 && ((bom[0] == 0xff && bom[1] == 0xfe) ||
	    (bom[0] == 0xfe && bom[1] == 0xff))) {
		warnx(_("%s:1: a UTF-16 file (save it as CSV, or CSV UTF-8)"),
		    r.path);
		fclose(fp);
		return -1;
	}
	rewind(fp);
	if (enc != ENC_GB18030) {
		scan_utf8(fp, &sc);
		/*
		 * auto: a BOM, or more valid sequences than bad bytes, make a
		 * UTF-8 file (a bad byte in it is an error at its line); else
		 * it is GB18030, whose pairs are seldom valid UTF-8.
		 */
		if (enc == ENC_AUTO) {
			if ((fread(bom, 1, 3, fp) == 3 &&
			    memcmp(bom, "\xef\xbb\xbf", 3) == 0) ||
			    sc.good > sc.bad)
				enc = ENC_UTF8;
			else if (sc.bad > 0)
				enc = ENC_GB18030;
			else
				enc = ENC_UTF8;
			rewind(fp);
		}
		if (enc == ENC_UTF8 && sc.bad > 0) {
			if (forced)
				warnx(_("%s:%ld: not valid UTF-8 (byte %ld; try "
				    "--encoding gb18030)"), r.path, sc.bad_line,
				    sc.bad_byte);
			else
				warnx(_("%s:%ld: not valid UTF-8 (byte %ld)"),
				    r.path, sc.bad_line, sc.bad_byte);
			fclose(fp);
			return -1;
		}
	}
	if (used != NULL)
		*used = enc;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
		xnomem();
	rc = enc == ENC_GB18030 ? feed_gb18030(fp, &p, &r) :
	    feed_utf8(fp, &p, &r);
	if (rc == 0 && ferror(fp)) {
		warn("%s", r.path);
		rc = -1;
	}
	if (rc == 0 && !r.stopped &&
	    csv_fini(&p, on_field, on_record, &r) != 0) {
		warnx(_("%s:%ld: the file ends inside a quoted field"),
		    r.path, r.start);
		rc = -1;
	}
	csv_free(&p);
	fclose(fp);
	for (i = 0; i < r.capfields; i++)
		free(r.fields[i]);
	free(r.fields);
	free(r.lens);
	free(r.caps);
	if (rc == 0 && r.stopped)
		rc = 1;
	return rc;
}
