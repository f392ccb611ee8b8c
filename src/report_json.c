/*
 * The packet: report --json, the calibration packet as one JSON object
 * that a manager's `impactlog team` reads (see include/impactlog/team.h).
 *
 *   {"impactlog_packet": 1, "generated": "2026-12-01",
 *    "profile": {"name": ..., "level": ..., "track": ..., "target_level": ...,
 *                "manager": ...},
 *    "period": {"cycle": "2026-H2", "since": "2026-07-01", "until": "2026-12-31"},
 *    "filters": {"tag": null, "org": null, "project": null, "search": null},
 *    "redacted": false,
 *    "achievements": [ the objects of list --format json ]}
 *
 * A profile field not set, an open end of the period and a filter not
 * given are null.  The achievements are written by the same code as list's
 * (json_out.c), so that their numbers read back exactly.
 */

#include "impactlog/filter.h"
#include "impactlog/json_out.h"
#include "impactlog/report.h"

#include <stdio.h>

/* TEXT, or null when it is empty. */
static void write_optional(FILE *f, const char *text)
{
	il_json_write_string(f, text && *text ? text : NULL);
}

static void write_profile(FILE *f, const struct il_report_profile *p)
{
	fputs("  \"profile\": {\"name\": ", f);
	write_optional(f, p->name);
	fputs(", \"level\": ", f);
	write_optional(f, p->level);
	fputs(", \"track\": ", f);
	write_optional(f, p->track);
	fputs(", \"target_level\": ", f);
	write_optional(f, p->target_level);
	fputs(", \"manager\": ", f);
	write_optional(f, p->manager);
	fputs("},\n", f);
}

static void write_period(FILE *f, const struct il_filter *filter, bool redact)
{
	char since[11], until[11];

	il_filter_bounds(filter, since, until);
	fputs("  \"period\": {\"cycle\": ", f);
	write_optional(f, filter->cycle);
	fputs(", \"since\": ", f);
	write_optional(f, since);
	fputs(", \"until\": ", f);
	write_optional(f, until);
	fputs("},\n  \"filters\": {\"tag\": ", f);
	write_optional(f, filter->tag == IL_TAG_NONE ? NULL : il_tag_name(filter->tag));
	fputs(", \"org\": ", f);
	write_optional(f, filter->org);
	fputs(", \"project\": ", f);
	write_optional(f, filter->project);
	/* The words searched for may say what the packet leaves out. */
	fputs(", \"search\": ", f);
	write_optional(f, redact ? NULL : filter->search);
	fputs("},\n", f);
}

int il_report_json(struct il_db *db, const struct il_report_options *options, FILE *out)
{
	struct il_report_profile profile;
	char generated[11];
	int rc;

	if (il_report_profile_load(db, &profile) < 0)
		return -1;
	if (il_filter_select(db, options->filter, IL_FILTER_SELECTED) < 0) {
		il_report_profile_free(&profile);
		return -1;
	}
	il_date_format(il_local_date(options->now), generated);
	fprintf(out, "{\n  \"impactlog_packet\": %d,\n  \"generated\": \"%s\",\n",
		IL_PACKET_VERSION, generated);
	write_profile(out, &profile);
	write_period(out, options->filter, options->redact);
	fprintf(out,
		"  \"redacted\": %s,\n  \"achievements\": ", options->redact ? "true" : "false");
	rc = il_json_write_achievements(db, options->redact, "  ", out);
	fputs("\n}\n", out);
	il_report_profile_free(&profile);
	return rc;
}
