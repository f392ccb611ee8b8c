#ifndef IMPACTLOG_CLI_H
#define IMPACTLOG_CLI_H

/*
 * Adding a command:
 *  1. Write src/cmd_NAME.c exporting `int cmd_NAME(struct il_ctx *, int, char **)`
 *     and declare it below.
 *  2. Add a row to the command table in src/main.c: name, handler, the
 *     database it needs (enum il_db_use), usage line, one-line summary and
 *     the option help.  `help`, `--help`
 *     and the man page are all drawn from that row.
 *  3. Parse options first with il_getopt(), then call il_ctx_db(): a
 *     command refused for its arguments must not create or open anything.
 *  4. Return IL_CMD_OK, IL_CMD_ERROR or IL_CMD_USAGE; only main() exits.
 *  5. Add tests/cli/tNNNN-NAME.sh.
 */

#include "impactlog/db.h"
#include "impactlog/parse.h"
#include "impactlog/util.h"

#include <getopt.h>
#include <stdbool.h>

enum il_cmd_result {
	IL_CMD_OK = 0,	  /* exit 0 */
	IL_CMD_ERROR = 1, /* exit 1: missing id, bad file, I/O or database failure */
	IL_CMD_USAGE = 2, /* exit 2: wrong command line */
};

/* What database a command needs, as its row in the table says; il_ctx_db
 * opens it so.  The database is opened only once the command has parsed
 * its arguments, so a refused command line never creates one. */
enum il_db_use {
	IL_USES_NO_DB, /* never opens the database: help, version, team */
	IL_READS_DB,   /* reads an existing database */
	IL_CHANGES_DB, /* writes an existing database: ids name what is there */
	IL_CREATES_DB, /* writes, creating the database when missing */
};

struct il_ctx;

struct il_command {
	const char *name;
	int (*run)(struct il_ctx *ctx, int argc, char **argv);
	enum il_db_use db;
	const char *usage;   /* "add TAG TITLE [options]" */
	const char *summary; /* one line */
	const char *options; /* option help, one "  --opt ARG  text" line each */
	bool field_options;  /* the field options of il_fields come first */
};

struct il_ctx {
	const struct il_command *command;
	const struct il_command *commands; /* the whole table, ending in {0} */
	const char *db_option;		   /* --db PATH, or NULL */
	struct il_db db;
	bool db_open;
	enum il_db_use db_use; /* the row's, or less: see il_ctx_use_db */
	struct il_date today;
	/* The command's change is on disk: what it prints now only confirms
	 * it, and a failure to print is no longer a failure of the command
	 * (a script that retries on failure must not add the same twice). */
	bool saved;
};

/* Opens the database as the command's row says (creating it for
 * IL_CREATES_DB).  Returns the database or NULL after printing why. */
struct il_db *il_ctx_db(struct il_ctx *ctx);

/* For a command that learns only from its arguments that it needs less
 * than its row says (import --dry-run and profile with no options only
 * read): call before il_ctx_db.  USE may only lower what the row says. */
void il_ctx_use_db(struct il_ctx *ctx, enum il_db_use use);

/* For a command that writes PATH ("-": standard output) from the database:
 * refuses a PATH that is the database or its journal (IL_CMD_USAGE), then
 * opens the database and OUT with il_output_open's FLAGS (IL_CMD_ERROR).
 * On IL_CMD_OK the caller writes and calls il_output_commit or _abort. */
struct il_output;
int il_ctx_output(struct il_ctx *ctx, struct il_output *out, const char *path, unsigned flags);

/* getopt_long with one-line messages: returns the option, -1 at the end,
 * or '?' after printing "impactlog: COMMAND: ..." for an unknown option or
 * a missing value.  Resets getopt's state on the first call for ARGV. */
int il_getopt(struct il_ctx *ctx, int argc, char **argv, const struct option *options);

/* What report and team write: one format (the command's own enum, 0 for
 * none chosen) and at most one output file, from options in any order.
 * FORMATS names the choices for the message: "--text, --md, --xlsx or
 * --json".  Each returns IL_CMD_OK, or IL_CMD_USAGE after one line. */
struct il_view_choice {
	const char *command; /* "report" */
	const char *formats;
	int format;
	const char *path; /* -o FILE or --xlsx FILE; NULL: standard output or a default */
};
int il_view_format(struct il_view_choice *choice, int format);
int il_view_path(struct il_view_choice *choice, const char *path);

/* Prints "impactlog: MESSAGE" and returns IL_CMD_USAGE. */
int il_usage_error(const char *fmt, ...) IL_PRINTF(1, 2);

/* Prints the command's usage line as a one-line hint and returns IL_CMD_USAGE. */
int il_usage_hint(struct il_ctx *ctx);

/* Long options for the achievement fields, for commands that set them;
 * each option's val is IL_OPT_FIELD + the field. */
#define IL_OPT_FIELD 0x1000
#define IL_FIELD_OPTIONS                                                                           \
	{"date", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_DATE},                           \
		{"tag", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_TAG},                     \
		{"title", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_TITLE},                 \
		{"value", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_VALUE},                 \
		{"unit", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_UNIT},                   \
		{"baseline", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_BASELINE},           \
		{"share", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_SHARE},                 \
		{"team-size", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_TEAM_SIZE},         \
		{"likelihood", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_LIKELIHOOD},       \
		{"lead-days", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_LEAD_DAYS},         \
		{"confidence", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_CONFIDENCE},       \
		{"project", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_PROJECT},             \
		{"org", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_ORGS},                    \
		{"evidence", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_EVIDENCE},           \
		{"witness", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_WITNESSES},           \
	{                                                                                          \
		"note", required_argument, NULL, IL_OPT_FIELD + IL_FIELD_NOTE                      \
	}

/* Sets the field behind option OPT (IL_OPT_FIELD + field) from ARG as typed
 * on the command line; prints "impactlog: --OPTION: why" and returns
 * IL_CMD_USAGE when the value is refused. */
struct il_achievement;
struct il_diag;
int il_set_field_option(struct il_ctx *ctx, struct il_achievement *a, int opt, const char *arg);

/* Prints DIAG labelled with its field's option and returns IL_CMD_USAGE. */
int il_field_error(const struct il_diag *diag);

int cmd_init(struct il_ctx *ctx, int argc, char **argv);
int cmd_add(struct il_ctx *ctx, int argc, char **argv);
int cmd_list(struct il_ctx *ctx, int argc, char **argv);
int cmd_show(struct il_ctx *ctx, int argc, char **argv);
int cmd_edit(struct il_ctx *ctx, int argc, char **argv);
int cmd_rm(struct il_ctx *ctx, int argc, char **argv);
int cmd_restore(struct il_ctx *ctx, int argc, char **argv);
int cmd_profile(struct il_ctx *ctx, int argc, char **argv);
int cmd_import(struct il_ctx *ctx, int argc, char **argv);
int cmd_export(struct il_ctx *ctx, int argc, char **argv);
int cmd_report(struct il_ctx *ctx, int argc, char **argv);
int cmd_readiness(struct il_ctx *ctx, int argc, char **argv);
int cmd_rubric(struct il_ctx *ctx, int argc, char **argv);
int cmd_check(struct il_ctx *ctx, int argc, char **argv);
int cmd_backup(struct il_ctx *ctx, int argc, char **argv);
int cmd_team(struct il_ctx *ctx, int argc, char **argv);
int cmd_status(struct il_ctx *ctx, int argc, char **argv);
int cmd_remind(struct il_ctx *ctx, int argc, char **argv);
int cmd_help(struct il_ctx *ctx, int argc, char **argv);
int cmd_version(struct il_ctx *ctx, int argc, char **argv);

#endif
