/*
 * text.c — UTF-8 text helpers: strict validation, control characters,
 * terminal width, padding, masking of names and phones, suggestions,
 * escaping for terminals, dynamic strings and the CSV-injection mark.
 */
#include <err.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "text.h"
#include "xmalloc.h"

/*
 * Decodes the code point at s (n bytes left, n > 0) into *cp and returns its
 * length in bytes. A byte that does not start a valid sequence decodes alone,
 * to a value above U+10FFFF so that it never equals a real character.
 */
static size_t
next_cp(const char *s, size_t n, int *cp)
{
	utf8proc_int32_t	c;
	utf8proc_ssize_t	len;

	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (len <= 0) {
		*cp = 0x110000 + (unsigned char)*s;
		return 1;
	}
	*cp = c;
	return (size_t)len;
}

/* Number of code points in s, as next_cp counts them. */
static size_t
cp_count(const char *s)
{
	size_t	n = strlen(s), i = 0, count = 0;
	int	cp;

	while (i < n) {
		i += next_cp(s + i, n - i, &cp);
		count++;
	}
	return count;
}

/* Decodes s into a new array of code points, storing the count in *len. */
static int *
cp_decode(const char *s, size_t *len)
{
	size_t	 n = strlen(s), i = 0, k = 0;
	int	*cps;

	cps = xcalloc(n + 1, sizeof *cps);
	while (i < n)
		i += next_cp(s + i, n - i, &cps[k++]);
	*len = k;
	return cps;
}

/* Length of the valid sequence at s (n bytes left), or 0 if there is none. */
static size_t
utf8_seq_len(const unsigned char *s, size_t n)
{
	unsigned char	c = s[0];
	unsigned char	lo = 0x80, hi = 0xbf;
	size_t		len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		len = 3;
		if (c == 0xe0)
			lo = 0xa0;	/* overlong */
		else if (c == 0xed)
			hi = 0x9f;	/* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		len = 4;
		if (c == 0xf0)
			lo = 0x90;	/* overlong */
		else if (c == 0xf4)
			hi = 0x8f;	/* above U+10FFFF */
	} else
		return 0;	/* continuation, overlong lead, or 0xf5.. */
	if (n < len)
		return 0;
	if (s[1] < lo || s[1] > hi)
		return 0;
	for (i = 2; i < len; i++) {
		if (s[i] < 0x80 || s[i] > 0xbf)
			return 0;
	}
	return len;
}

/* NUL bytes inside len are valid (U+0000); text_has_control catches them. */
int
utf8_valid(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;

	if (s == NULL)
		return len == 0;
	while (i < len) {
		if ((n = utf8_seq_len(p + i, len - i)) == 0)
			return 0;
		i += n;
	}
	return 1;
}

/* C1 controls U+0080..U+009F are encoded as 0xc2 0x80..0x9f. */
int
text_has_control(const char *s, int allow_nl)
{
	const unsigned char	*p = (const unsigned char *)s;

	if (s == NULL)
		return 0;
	for (; *p != '\0'; p++) {
		if ((*p == '\n' || *p == '\t') && allow_nl)
			continue;
		if (*p < 0x20 || *p == 0x7f)
			return 1;
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* An invalid byte counts as one character. */
size_t
text_chars(const char *s)
{
	return s != NULL ? cp_count(s) : 0;
}

/* Truncates at the start of a character: never inside one. */
void
text_copy(char *dst, size_t n, const char *src)
{
	size_t len = src != NULL ? strlen(src) : 0;

	if (len >= n) {
		len = n - 1;
		while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
			len--;
	}
	if (len > 0)
		memcpy(dst, src, len);
	dst[len] = '\0';
}

/* An invalid byte counts as one column. */
int
text_width(const char *s)
{
	size_t	n, i = 0, len;
	int	cp, w = 0;

	if (s == NULL)
		return 0;
	n = strlen(s);
	while (i < n) {
		len = next_cp(s + i, n - i, &cp);
		w += cp > 0x10ffff ? 1 : utf8proc_charwidth(cp);
		i += len;
	}
	return w;
}

/* NULL pads like "". */
char *
text_pad(const char *s, int width, int right)
{
	size_t	 len, pad = 0;
	char	*out;
	int	 w;

	if (s == NULL)
		s = "";
	len = strlen(s);
	w = text_width(s);
	if (width > w)
		pad = (size_t)(width - w);
	out = xmalloc(len + pad + 1);
	if (right) {
		memset(out, ' ', pad);
		memcpy(out + pad, s, len);
	} else {
		memcpy(out, s, len);
		memset(out + len, ' ', pad);
	}
	out[len + pad] = '\0';
	return out;
}

/* NULL masks like "". */
char *
mask_name(const char *s)
{
	size_t	 n, first = 0;
	char	*out;
	int	 cp;

	if (s == NULL)
		s = "";
	n = strlen(s);
	if (n > 0)
		first = next_cp(s, n, &cp);
	out = xmalloc(first + 3);
	memcpy(out, s, first);
	if (first > 0)
		memcpy(out + first, "**", 2);
	else
		out[0] = out[1] = '\0';
	out[first + 2] = '\0';
	return out;
}

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Only ASCII digits are counted and masked. NULL masks like "". */
char *
mask_phone(const char *s)
{
	size_t	 n, i, digits = 0, k = 0, head, tail;
	char	*out;

	if (s == NULL)
		s = "";
	n = strlen(s);
	for (i = 0; i < n; i++) {
		if (is_digit(s[i]))
			digits++;
	}
	if (digits >= 8) {
		head = 3;
		tail = 4;
	} else {
		head = 0;
		tail = 2;
	}
	out = xmalloc(n + 1);
	memcpy(out, s, n + 1);
	for (i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			continue;
		if (k >= head && k + tail < digits)
			out[i] = '*';
		k++;
	}
	return out;
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t	m = a < b ? a : b;

	return m < c ? m : c;
}

/*
 * Optimal string alignment distance (restricted Damerau-Levenshtein):
 * insertions, deletions, substitutions and swaps of two adjacent
 * characters each count one, so that "lsit" is one edit from "list".
 * Keeps three rows of the table.
 */
int
text_distance(const char *a, const char *b)
{
	size_t	 la, lb, i, j, v, *rows, *prev2, *prev, *cur, *t;
	int	*ca, *cb, d;

	ca = cp_decode(a == NULL ? "" : a, &la);
	cb = cp_decode(b == NULL ? "" : b, &lb);
	rows = xcalloc(3 * (lb + 1), sizeof *rows);
	prev2 = rows;
	prev = prev2 + lb + 1;
	cur = prev + lb + 1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
			    prev[j - 1] + (ca[i - 1] != cb[j - 1]));
			if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] &&
			    ca[i - 2] == cb[j - 1] &&
			    (v = prev2[j - 2] + 1) < cur[j])
				cur[j] = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	d = (int)prev[lb];
	free(rows);
	free(ca);
	free(cb);
	return d;
}

struct candidate {
	int	index;
	int	dist;
};

/* Closest first; equal distances keep input order. */
static int
candidate_cmp(const void *va, const void *vb)
{
	const struct candidate	*a = va, *b = vb;

	if (a->dist != b->dist)
		return a->dist < b->dist ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/*
 * An empty s suggests nothing, and empty or NULL names are never suggested
 * (an empty string would otherwise be "contained" in everything).
 */
/* 1 if every character of a appears in b in order: a short form of a
 * Chinese name (交通办 for 交通运输办). */
static int
subsequence(const char *a, const char *b)
{
	size_t na, nb;
	int cp;

	while (*a != '\0') {
		na = next_cp(a, strlen(a), &cp);
		for (;;) {
			if (*b == '\0')
				return 0;
			nb = next_cp(b, strlen(b), &cp);
			if (na == nb && memcmp(a, b, na) == 0)
				break;
			b += nb;
		}
		a += na;
		b += nb;
	}
	return 1;
}

int
text_suggest(const char *s, const char *const *names, int n,
    const char **out, int max)
{
	struct candidate	*c;
	size_t			 limit;
	int			 i, found = 0, d;

	if (s == NULL || *s == '\0' || names == NULL || n <= 0 || max <= 0)
		return 0;
	limit = cp_count(s) / 2;
	if (limit < 1)
		limit = 1;
	c = xcalloc((size_t)n, sizeof *c);
	for (i = 0; i < n; i++) {
		if (names[i] == NULL || *names[i] == '\0')
			continue;
		d = text_distance(s, names[i]);
		if ((size_t)d <= limit || strstr(names[i], s) != NULL ||
		    strstr(s, names[i]) != NULL ||
		    (cp_count(s) >= 2 && subsequence(s, names[i]))) {
			c[found].index = i;
			c[found].dist = d;
			found++;
		}
	}
	qsort(c, (size_t)found, sizeof *c, candidate_cmp);
	if (found > max)
		found = max;
	for (i = 0; i < found; i++)
		out[i] = names[c[i].index];
	free(c);
	return found;
}

/*
 * Escaping for terminals. A control character (C0, DEL, C1) or a byte that
 * is not part of valid UTF-8 is shown as \xHH; valid characters pass
 * unchanged.
 */

static int
hexdigit(int v)
{
	return "0123456789abcdef"[v & 0xf];
}

/* Newlines and tabs stay when keep_nl is set; NULL escapes like "". */
char *
text_escape(const char *s, int keep_nl)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, k = 0, len, j;
	char *out;

	/* Each byte becomes at most four. */
	out = xmalloc(4 * n + 1);
	while (i < n) {
		len = utf8_seq_len(p + i, n - i);
		if (len == 1 && ((p[i] < 0x20 && !((p[i] == '\n' ||
		    p[i] == '\t') && keep_nl)) || p[i] == 0x7f))
			len = 0;
		else if (len == 2 && p[i] == 0xc2 && p[i + 1] <= 0x9f)
			len = 0;	/* C1 controls */
		if (len == 0) {
			/* A control character's bytes, or one bad byte. */
			j = p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 &&
			    p[i + 1] <= 0x9f ? 2 : 1;
			while (j-- > 0) {
				out[k++] = '\\';
				out[k++] = 'x';
				out[k++] = hexdigit(p[i] >> 4);
				out[k++] = hexdigit(p[i]);
				i++;
			}
			continue;
		}
		memcpy(out + k, p + i, len);
		k += len;
		i += len;
	}
	out[k] = '\0';
	return out;
}

/* Dynamic strings, for text built from user values. */

char *
text_printf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int rc;

	va_start(ap, fmt);
	rc = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (rc == -1)
		xnomem();
	return s;
}

void
text_append(char **buf, const char *sep, const char *s)
{
	size_t have = *buf ? strlen(*buf) : 0;
	size_t nsep = have > 0 && sep != NULL ? strlen(sep) : 0;
	size_t ns = s ? strlen(s) : 0;
	char *p;

	p = xrealloc(*buf, have + nsep + ns + 1);
	if (nsep > 0)
		memcpy(p + have, sep, nsep);
	if (ns > 0)
		memcpy(p + have + nsep, s, ns);
	p[have + nsep + ns] = '\0';
	*buf = p;
}

/*
 * CSV injection (OWASP): a cell that a spreadsheet would take as a formula
 * is written with a leading apostrophe, and read back without it. A cell
 * that already begins with an apostrophe followed by one of those (or by
 * another apostrophe) gets one too, so that reading strips exactly what
 * writing added: every value round-trips.
 */

static int
formula_start(char c)
{
	return c != '\0' && strchr("=+-@\t\r", c) != NULL;
}

/* A plain number (-12, -0.5) is safe as it is. */
static int
plain_number(const char *s)
{
	size_t i = *s == '-' ? 1 : 0, digits = 0;

	for (; s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (s[i] == '.')
		for (i++; s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return digits > 0 && s[i] == '\0';
}

int
csv_needs_mark(const char *s)
{
	if (s == NULL)
		return 0;
	if (formula_start(s[0]))
		return !plain_number(s);
	return s[0] == '\'' && (formula_start(s[1]) || s[1] == '\'');
}

char *
csv_unmark(char *s)
{
	if (s != NULL && s[0] == '\'' && (formula_start(s[1]) ||
	    s[1] == '\''))
		memmove(s, s + 1, strlen(s));
	return s;
}

/* --- normalisation of names and text (issue 11, item 6) --- */

/* Invisible characters that carry no meaning in a name or a line of text:
 * they are dropped wherever they are. */
static int
invisible(int cp)
{
	return cp == 0x200b || cp == 0x2060 || cp == 0xfeff;
}

/* What is trimmed at both ends: spaces (ASCII, no-break, ideographic) and
 * the zero-width characters. */
static int
blank(int cp)
{
	return cp == ' ' || cp == 0xa0 || cp == 0x3000 ||
	    (cp >= 0x200b && cp <= 0x200d) || cp == 0x2060 || cp == 0xfeff;
}

/*
 * 1 if NFC leaves a string of such characters as it is: below U+0300 (no
 * combining mark, nothing that decomposes to other than itself composed),
 * CJK ideographs, CJK punctuation before its combining marks, and the
 * fullwidth ASCII forms (compatibility decompositions only). The common
 * case, which then needs no copy through utf8proc.
 */
static int
nfc_stable(int cp)
{
	return cp < 0x300 || (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0x3000 && cp <= 0x3029) || (cp >= 0xff01 && cp <= 0xff5e);
}

/* The code point at p and its length, in text that utf8_valid accepted:
 * no check is left to make. */
static size_t
decode_valid(const unsigned char *p, int *cp)
{
	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] < 0xe0) {
		*cp = (p[0] & 0x1f) << 6 | (p[1] & 0x3f);
		return 2;
	}
	if (p[0] < 0xf0) {
		*cp = (p[0] & 0x0f) << 12 | (p[1] & 0x3f) << 6 | (p[2] & 0x3f);
		return 3;
	}
	*cp = (p[0] & 0x07) << 18 | (p[1] & 0x3f) << 12 |
	    (p[2] & 0x3f) << 6 | (p[3] & 0x3f);
	return 4;
}

char *
text_norm(const char *s, size_t len, size_t *outlen)
{
	utf8proc_uint8_t *nfc = NULL;
	utf8proc_ssize_t  n;
	size_t            i, k, start, end, cl, first = SIZE_MAX, last = 0;
	char             *kept, *out;
	int               cp, stable;

	kept = xmalloc(len + 1);
	/* Invalid text and NUL bytes are left as they are, for the checks
	 * that refuse them. */
	if (!utf8_valid(s, len) || memchr(s, '\0', len) != NULL) {
		memcpy(kept, s, len);
		kept[len] = '\0';
		if (outlen != NULL)
			*outlen = len;
		return kept;
	}
	/* One pass: the invisible characters out, and where the text that
	 * is not blank begins and ends, for the common case that NFC leaves
	 * as it is. */
	for (i = k = 0, stable = 1; i < len; i += cl) {
		cl = decode_valid((const unsigned char *)s + i, &cp);
		if (invisible(cp))
			continue;
		if (!blank(cp)) {
			if (first == SIZE_MAX)
				first = k;
			last = k + cl;
		}
		memcpy(kept + k, s + i, cl);
		k += cl;
		stable &= nfc_stable(cp);
	}
	kept[k] = '\0';
	if (first == SIZE_MAX)
		first = last = k;
	start = first;
	end = last;
	if (k > 0 && !stable) {
		n = utf8proc_map((const utf8proc_uint8_t *)kept,
		    (utf8proc_ssize_t)k, &nfc,
		    UTF8PROC_STABLE | UTF8PROC_COMPOSE);
		if (n == UTF8PROC_ERROR_NOMEM)
			xnomem();
		if (n < 0)
			err(1, "utf8proc_map: %s", utf8proc_errmsg(n));
		free(kept);
		kept = (char *)nfc;
		k = (size_t)n;
		/* Trim again: start at the first character that is not
		 * blank, end after the last one. */
		for (start = 0; start < k; start += cl) {
			cl = next_cp(kept + start, k - start, &cp);
			if (!blank(cp))
				break;
		}
		for (end = start, i = start; i < k; i += cl) {
			cl = next_cp(kept + i, k - i, &cp);
			if (!blank(cp))
				end = i + cl;
		}
	}
	if (outlen != NULL)
		*outlen = end - start;
	if (start == 0) {
		kept[end] = '\0';
		return kept;
	}
	out = xmalloc(end - start + 1);
	memcpy(out, kept + start, end - start);
	out[end - start] = '\0';
	free(kept);
	return out;
}

int
text_has_separator(const char *s)
{
	return strchr(s, ';') != NULL || strstr(s, "；") != NULL ||
	    strstr(s, "、") != NULL;
}

/* Writes "\\x" or "\\u" and v in digits hex digits at o; returns the
 * length. */
static size_t
escape(char *o, char kind, unsigned v, int digits)
{
	static const char hex[] = "0123456789abcdef";
	int d;

	o[0] = '\\';
	o[1] = kind;
	for (d = 0; d < digits; d++)
		o[2 + d] = hex[(v >> (4 * (digits - 1 - d))) & 0xf];
	return (size_t)digits + 2;
}

char *
text_visible(const char *s)
{
	size_t n = strlen(s), i = 0, k = 0, cl;
	char *out;
	int cp;

	/* At most 6 bytes ("\\uXXXX") for each byte of s. */
	out = xmalloc(n * 6 + 1);
	while (i < n) {
		cl = next_cp(s + i, n - i, &cp);
		if (cp > 0x10ffff || cp < 0x20 || cp == 0x7f)
			k += escape(out + k, 'x', (unsigned char)s[i], 2);
		else if ((cp >= 0x80 && cp <= 0x9f) ||
		    (cp >= 0x200b && cp <= 0x200f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2060 && cp <= 0x2069) || cp == 0xfeff ||
		    cp == 0xa0 || cp == 0x3000)
			k += escape(out + k, 'u', (unsigned)cp, 4);
		else {
			memcpy(out + k, s + i, cl);
			k += cl;
		}
		i += cl;
	}
	out[k] = '\0';
	return out;
}

/* --- end of normalisation --- */
