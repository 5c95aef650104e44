/*
 * cmd-show.c — "jianyi show": every field of one suggestion and its whole
 * history, as text (labels aligned by display width) or JSON. The
 * submitter's name and phone are shown in full: this is the case file.
 */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jianyi.h"
#include "domain.h"
#include "out.h"
#include "text.h"

static enum cmd_status check(struct cmd_ctx *, struct args *);
static enum cmd_status exec(struct cmd_ctx *, struct db *, struct args *);

static const struct opt opts[] = {
	{ .name = "as-of", .type = OPT_DATE, .metavar = "D",
	    .help = N_("the state on that day (overdue or not); today if "
	    "not given") },
	{ .name = "format", .type = OPT_FORMAT, .flags = 0,
	    .metavar = "text|json",
	    .help = N_("text (the case file) or json") },
	OPT_END,
};

const struct cmd_entry cmd_show_entry = {
	.name = "show", .operands = "NUMBER", .lower = 1, .upper = 1,
	.flags = CMD_READ, .opts = opts, .missing = N_("expected NUMBER"),
	.summary = N_("show a suggestion and its history"),
	.example = "jianyi show 2023-007",
	.check = check, .exec = exec,
};

#define LABEL_WIDTH 14

static const char *
str(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Values are shown with control characters escaped (text_escape). */
static void
field(const char *label, const char *value)
{
	char *v = text_escape(value != NULL && *value != '\0' ? value : "-",
	    0);

	fputs("  ", stdout);
	out_padded(stdout, _(label), LABEL_WIDTH, 0);
	printf("%s\n", v);
	free(v);
}

/* Prints a multi-line text indented under its label. */
static void
block(const char *label, const char *text)
{
	const char *p, *nl;
	char *shown, *l;

	if (text == NULL || *text == '\0')
		return;
	l = text_escape(_(label), 0);
	printf("\n  %s\n", l);
	free(l);
	shown = text_escape(text, 1);
	for (p = shown; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		printf("    %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
		if (nl == NULL)
			break;
	}
	free(shown);
}

/* One of the suggestion's own fields, by its label and key (sugfield.c). */
static void
own(const cJSON *o, enum sug_field f)
{
	field(sug_fields[f].label, str(o, sug_fields[f].key));
}

static void
print_text(const cJSON *o)
{
	const cJSON *a, *i;
	char *buf = NULL, *d, *leads = NULL, *signs = NULL;
	int any_signed = 0;

	own(o, SF_NUMBER);
	field(N_("status"), vocab_label(vocab_status, str(o, "status")));
	if (cJSON_IsTrue(cJSON_GetObjectItem(o, "overdue")) &&
	    out_colour(stdout)) {
		fputs("  ", stdout);
		out_padded(stdout, _("overdue"), LABEL_WIDTH, 0);
		printf(RED "%s" PLAIN "\n", _("yes"));
	} else
		field(N_("overdue"), cJSON_IsTrue(cJSON_GetObjectItem(o,
		    "overdue")) ? _("yes") : _("no"));
	own(o, SF_TITLE);
	own(o, SF_RECEIVED);
	field(N_("source"), vocab_label(vocab_source, str(o, "source")));
	own(o, SF_STATION);
	own(o, SF_CATEGORY);
	own(o, SF_SUBMITTER);
	own(o, SF_PHONE);
	own(o, SF_LEAD_DEPUTY);
	cJSON_ArrayForEach(i, cJSON_GetObjectItem(o, "cosigners"))
		text_append(&buf, "、", i->valuestring);
	field(N_("cosigners"), buf);
	free(buf);
	buf = NULL;
	cJSON_ArrayForEach(i, cJSON_GetObjectItem(o, "departments")) {
		if (strcmp(str(i, "role"), "lead") == 0)
			text_append(&leads, "、", str(i, "name"));
		else
			text_append(&buf, "、", str(i, "name"));
		/* Who signed for it (签收), and when. */
		d = text_printf("%s %s", str(i, "name"),
		    str(i, "signed_on") != NULL ? str(i, "signed_on") : "-");
		text_append(&signs, "、", d);
		free(d);
		any_signed |= str(i, "signed_on") != NULL;
	}
	field(N_("department"), leads);
	field(N_("co-handling"), buf);
	free(leads);
	free(buf);
	own(o, SF_HANDLER);
	own(o, SF_ASSIGNED);
	own(o, SF_DUE);
	if (any_signed)
		field(N_("signed"), signs);
	free(signs);
	/* Key supervision, where there is any. */
	if (str(o, sug_fields[SF_SUPERVISOR].key) != NULL) {
		own(o, SF_SUPERVISOR);
		own(o, SF_SUPERVISED_ON);
	}
	/* Merging (并案) and a matter raised in earlier years (多年重复),
	 * where they apply. */
	if (str(o, sug_fields[SF_MERGED_INTO].key) != NULL)
		own(o, SF_MERGED_INTO);
	buf = NULL;
	cJSON_ArrayForEach(i, cJSON_GetObjectItem(o, "merged"))
		text_append(&buf, "、", i->valuestring);
	if (buf != NULL)
		field(N_("merged"), buf);
	free(buf);
	if (cJSON_IsTrue(cJSON_GetObjectItem(o, "recurring")))
		field(N_("recurring"), _("yes: raised in earlier years too"));
	block(N_("content"), str(o, "content"));
	block(N_("note"), str(o, "note"));

	a = cJSON_GetObjectItem(o, "replies");
	cJSON_ArrayForEach(i, a) {
		buf = text_printf(_("reply %s, %s, class %s"), str(i, "date"),
		    str(i, "department"), str(i, "class"));
		if (str(i, "text") != NULL)
			block(buf, str(i, "text"));
		else {
			d = text_escape(buf, 0);
			printf("\n  %s\n", d);
			free(d);
		}
		free(buf);
	}

	cJSON_ArrayForEach(i, cJSON_GetObjectItem(o, "opinions")) {
		buf = text_printf(_("opinion %s, %s"), str(i, "date"),
		    str(i, "department"));
		block(buf, str(i, "text"));
		free(buf);
	}

	printf("\n  %s\n", _("history"));
	cJSON_ArrayForEach(i, cJSON_GetObjectItem(o, "history")) {
		printf("    %s  ", str(i, "at"));
		out_padded(stdout, vocab_label(vocab_action, str(i, "action")),
		    10, 0);
		d = text_escape(str(i, "detail"), 0);
		printf("  %s\n", d);
		free(d);
	}
}

static enum cmd_status
check(struct cmd_ctx *ctx, struct args *a)
{
	(void)ctx;
	if (args_fmt(a, "format") == FMT_CSV)
		return usage_error(a->entry, _("show prints text or json"));
	return CMD_OK;
}

static enum cmd_status
exec(struct cmd_ctx *ctx, struct db *db, struct args *a)
{
	enum cmd_status st;
	cJSON *o = NULL;
	char day[11], *s;

	(void)ctx;
	st = sug_show(db, a->argv[0], date_iso(args_date(a, "as-of"), day),
	    &o);
	if (st != CMD_OK)
		return st;
	if (args_fmt(a, "format") == FMT_JSON) {
		if ((s = cJSON_Print(o)) != NULL)
			printf("%s\n", s);
		free(s);
	} else
		print_text(o);
	cJSON_Delete(o);
	return CMD_OK;
}
