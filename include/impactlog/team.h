#ifndef IMPACTLOG_TEAM_H
#define IMPACTLOG_TEAM_H

/*
 * The manager's side: `team PACKET...` puts several people's packets (the
 * JSON that `report --json` writes, src/report_json.c) side by side.
 *
 * The packets are read with SQLite's JSON functions into a private
 * database of the schema every log has, plus reports/team_schema.sql: a
 * person per packet and, per achievement, whose it is and its id in that
 * person's own log.  Every field goes through il_achievement_set, as from
 * any other reader.  The view's numbers then come from queries kept in
 * reports/team_*.sql over that database, and the workbook's from formulas
 * over its Achievements sheet, as a report's do.
 *
 * Over-claims: achievements of two or more people with the same tag and
 * an evidence item in common (compared case-insensitively, trimmed), whose
 * shares add up to more than 100 %.  Team totals count such a shared
 * outcome once: the achievements linked so, directly or through others,
 * are one outcome, at the largest value any of them gives in its unit;
 * their attributed values add up, one share each.
 */

#include "impactlog/db.h"
#include "impactlog/filter.h"
#include "impactlog/report.h"
#include "impactlog/rubric.h"
#include "impactlog/util.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The largest packet file read: a packet of 10,000 achievements with long
 * notes is about 10 MiB. */
#define IL_PACKET_BYTES_MAX (64L * 1024 * 1024)

/* One person: a packet's profile and period, and what their achievements
 * in the team's period add up to. */
struct il_team_person {
	int64_t id;  /* the row in the team database */
	char *label; /* who the view calls them: the name, with the period when
		      * one name has several; unique */
	char *name;  /* the profile's, or the file's name without .json */
	char *level; /* "" when not set */
	char *track;
	char *target_level;
	char *period; /* "2026-H2 (2026-07-01 to 2026-12-31)", "all time" */
	char *file;   /* the packet, as named on the command line */
	char generated[11];
	bool redacted;

	long count; /* achievements in the team's period */
	long by_tag[IL_REPORT_TAGS];
	struct il_report_amount *attributed; /* per unit, largest first */
	size_t attributed_len;
	long distinct_orgs;
	long multi_org;	    /* achievements touching two or more orgs */
	long with_evidence; /* achievements with at least one evidence item */
	long with_witness;
	long no_evidence, no_witness, full_share; /* the report's visibility gaps */

	/* Against their own track and target level; readiness.unavailable
	 * says why not (no target level, none in the rubric). */
	struct il_readiness readiness;
};

/* One achievement of an over-claim. */
struct il_team_claim {
	size_t person; /* index into people[] */
	int64_t row;   /* the team database's id: the workbook's row */
	int64_t id;    /* the id in the person's own log: "#12" */
	char *title;
	double share;
	bool has_attributed;
	double attributed;
	char *unit;
};

struct il_team_overclaim {
	enum il_tag tag;
	char *evidence;		      /* the items in common, "; "-joined, as first written */
	double total_share;	      /* the claims' shares added up: past 100 */
	struct il_team_claim *claims; /* by person, then id */
	size_t claims_len;
};

/* Per tag and unit, for the whole team. */
struct il_team_total {
	enum il_tag tag;
	char *unit;	   /* "" for achievements without a unit */
	long count;	   /* achievements */
	long outcomes;	   /* outcomes, a shared one counted once */
	double outcome;	   /* their value, a shared one counted once */
	double attributed; /* every share of them */
};

struct il_team {
	char generated[11];
	char *period; /* the team filter's: "2026-H2 (...)", "all time" */
	char *scope;  /* "tag prevented-loss", or "" */
	long achievements;
	struct il_team_person *people; /* in the order their packets were named */
	size_t people_len;
	/* Largest excess first (total_share - 100), then tag and evidence. */
	struct il_team_overclaim *overclaims;
	size_t overclaims_len;
	struct il_team_total *totals; /* by tag, then attributed, largest first */
	size_t totals_len;
	long redacted;		 /* packets without evidence: over-claims cannot be matched */
	struct il_strlist notes; /* one line each: a packet replaced by a later one */
	struct il_rubric rubric; /* what readiness measured against */
};

struct il_team_options {
	const struct il_filter *filter; /* --cycle, --since, --until, --tag */
	const char *rubric_file;	/* --rubric FILE, or NULL for the built-in one */
	long long now;			/* il_now(): the generated date, and "today" */
};

/* Reads the packets PATHS ("-": standard input, once) into DB, a private
 * database (il_db_open_private) already holding the team schema, and
 * builds TEAM from them.  Returns 0, or -1 after one line naming the file
 * (and the entry and key) that is wrong; TEAM is then empty. */
int il_team_build(struct il_db *db, char *const *paths, size_t len,
		  const struct il_team_options *options, struct il_team *team);
void il_team_free(struct il_team *team);

/* The view, laid out (team_out.c and team_xlsx.c).  Streams show a write
 * error in ferror(OUT), with no message. */
void il_team_write_text(FILE *out, const struct il_team *team, bool color);
void il_team_write_markdown(FILE *out, const struct il_team *team);
void il_team_write_json(FILE *out, const struct il_team *team);
/* The workbook at PATH, called NAME in messages; its Achievements sheet is
 * read from DB, which il_team_build filled.  0, or -1 after one line. */
int il_team_write_xlsx(struct il_db *db, const struct il_team *team, const char *path,
		       const char *name);

#endif
