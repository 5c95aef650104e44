/*
 * sugfield.c — the one table of a suggestion's own fields (sugfield.h),
 * from which show's JSON keys, the columns that an import compares and
 * the set that it may change are all taken.
 */
#include "csvmap.h"
#include "i18n.h"
#include "sugfield.h"

const struct sug_field_def sug_fields[SF_NFIELDS] = {
	[SF_NUMBER] = { "number", N_("number"), L_NUMBER, 0 },
	[SF_STATUS] = { "status", N_("status"), -1, 0 },
	[SF_OVERDUE] = { "overdue", N_("overdue"), -1, 0 },
	[SF_TITLE] = { "title", N_("title"), L_TITLE, SF_EDITABLE },
	[SF_CONTENT] = { "content", N_("content"), L_CONTENT, SF_EDITABLE },
	[SF_STATION] = { "station", N_("station"), L_STATION,
	    SF_EDITABLE | SF_STATION_NAME },
	[SF_SOURCE] = { "source", N_("source"), L_SOURCE, SF_EDITABLE },
	[SF_CATEGORY] = { "category", N_("category"), L_CATEGORY,
	    SF_EDITABLE },
	[SF_RECEIVED] = { "received_on", N_("received"), L_RECEIVED,
	    SF_EDITABLE },
	[SF_SUBMITTER] = { "submitter", N_("submitter"), L_SUBMITTER,
	    SF_PERSONAL | SF_EDITABLE },
	[SF_PHONE] = { "phone", N_("phone"), L_PHONE,
	    SF_EDITABLE | SF_PERSONAL },
	[SF_LEAD_DEPUTY] = { "lead_deputy", N_("lead deputy"), L_LEAD,
	    SF_EDITABLE | SF_DEPUTY_NAME },
	[SF_ASSIGNED] = { "assigned_on", N_("assigned"), L_ASSIGNED, 0 },
	[SF_DUE] = { "due", N_("due"), L_DUE, 0 },
	[SF_HANDLER] = { "handler", N_("handler"), L_HANDLER, SF_EDITABLE },
	[SF_NOTE] = { "note", N_("note"), L_NOTE, SF_EDITABLE },
	[SF_SUPERVISOR] = { "supervisor", N_("supervisor"), L_SUPERVISOR, 0 },
	[SF_SUPERVISED_ON] = { "supervised_on", N_("supervised on"),
	    L_SUPERVISED_ON, 0 },
	[SF_MERGED_INTO] = { "merged_into", N_("merged into"), L_MERGED_INTO,
	    0 },
	[SF_RECURRING] = { "recurring", N_("recurring"), L_RECURRING, 0 },
};

int
sug_field_of_column(int column)
{
	int f;

	for (f = 0; f < SF_NFIELDS; f++)
		if (sug_fields[f].column == column)
			return f;
	return -1;
}
