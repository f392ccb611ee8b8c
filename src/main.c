/*
 * impactlog: log achievements with the numbers that make them count, and
 * turn them into a calibration packet.  main() parses the global options,
 * finds the command in the table below and runs it; only main() exits.
 * See include/impactlog/cli.h for how to add a command.
 */

#include "impactlog/cli.h"
#include "impactlog/util.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#define FILTER_OPTIONS_HELP                                                                        \
	"  --tag TAG            only this tag\n"                                                   \
	"  --cycle CYCLE        2026, 2026-H1, 2026-H2 or 2026-Q1 .. 2026-Q4\n"                    \
	"  --since DATE         on or after DATE\n"                                                \
	"  --until DATE         on or before DATE\n"                                               \
	"  --org NAME           touching this org\n"                                               \
	"  --project NAME       in this project\n"                                                 \
	"  --search TEXT        words in title, note, project, orgs, evidence, witnesses\n"

/* Name, function, database, usage, summary, options text, and whether the
 * field options (made from il_fields) come before that text. */
static const struct il_command commands[] = {
	{"init", cmd_init, IL_CREATES_DB, "init", "create the database (safe to repeat)", "",
	 false},
	{"add", cmd_add, IL_CREATES_DB, "add TAG TITLE [options]", "log one achievement",
	 "  --json               read one JSON object from standard input instead: the\n"
	 "                       CSV columns as keys, lists as arrays of strings\n"
	 "\nWith no arguments on a terminal, add opens $VISUAL or $EDITOR (else vi) on a\n"
	 "template of 'field: value' lines, one per field, explained in comments.\n",
	 true},
	{"list", cmd_list, IL_READS_DB, "list [filters] [--deleted] [--format table|csv|json]",
	 "one line per achievement, newest first",
	 FILTER_OPTIONS_HELP "  --deleted            the trash instead\n"
			     "  --format FORMAT      table (default), csv or json\n",
	 false},
	{"show", cmd_show, IL_READS_DB, "show ID", "every field of one achievement", "", false},
	{"edit", cmd_edit, IL_CHANGES_DB, "edit ID [options]", "change fields of one achievement",
	 "\nA repeatable option replaces its whole list; an empty value clears an\n"
	 "optional field: --note '' removes the note.\n",
	 true},
	{"rm", cmd_rm, IL_CHANGES_DB, "rm ID...", "move achievements to the trash", "", false},
	{"restore", cmd_restore, IL_CHANGES_DB, "restore ID...",
	 "bring achievements back from the trash", "", false},
	{"profile", cmd_profile, IL_CREATES_DB, "profile [options]",
	 "who the reports are about; with no options, print it",
	 "  --name NAME          your name\n"
	 "  --level LEVEL        your current level (L6, Senior, ...)\n"
	 "  --track TRACK        engineering, TPM, PM, ...\n"
	 "  --target-level LEVEL the level you are going for\n"
	 "  --manager NAME       who the packet is for\n",
	 false},
	{"import", cmd_import, IL_CREATES_DB,
	 "import FILE|- [--dry-run] [--from impactlog|bragfile|jrnl] [--tag TAG]",
	 "add achievements from CSV, bragfile or jrnl: all of them or none",
	 "  --dry-run            check the whole file and print the summary; write nothing\n"
	 "  --from TOOL          impactlog (CSV, the default), or the JSON export of\n"
	 "                       bragfile or jrnl\n"
	 "  --tag TAG            with bragfile or jrnl: the tag of entries whose own\n"
	 "                       tags name none of impactlog's, or two of them\n"
	 "\nThe first row names the columns, in any order: date, tag and title, and any of\n"
	 "uid, value, unit, baseline, share, team_size, likelihood, lead_days,\n"
	 "confidence, project, orgs, evidence, witnesses, note (as 'export' writes\n"
	 "them).  An empty cell is a value not given.  orgs, evidence and witnesses\n"
	 "are separated by ';'; write \\; for a ';' inside an item and \\\\ for a '\\'.\n"
	 "Records whose uid is already stored are skipped, so importing a file twice\n"
	 "adds nothing; a record without a uid gets one made from its cells.\n"
	 "\nFrom bragfile: title, description (the note, with the impact as a paragraph\n"
	 "of its own), project and created_at (the date as written); from jrnl: title,\n"
	 "body (the note), date.  An entry's tag is the one of its tags that names one\n"
	 "of impactlog's (user-growth or @user-growth, in any case), else --tag; its\n"
	 "other tags, bragfile's type and jrnl's star are kept at the end of the note.\n"
	 "The uid comes from bragfile's id, jrnl's uuid, or jrnl's date, time and\n"
	 "title, so importing the same export again adds nothing.\n",
	 false},
	{"export", cmd_export, IL_READS_DB, "export [FILE] [filters] [--force]",
	 "write achievements as CSV, oldest first, in the columns import reads",
	 FILTER_OPTIONS_HELP "  --force              replace FILE if it exists\n"
			     "\nWithout FILE, or with -, the CSV goes to standard output.  A FILE\n"
			     "appears whole or not at all; see OUTPUT FILES in the man page.\n",
	 false},
	{"report", cmd_report, IL_READS_DB,
	 "report [filters] [--md|--xlsx [FILE]|--json] [-o FILE] [--redact]",
	 "the calibration packet: text, Markdown, an xlsx workbook or JSON",
	 FILTER_OPTIONS_HELP
	 "  --text               text for a terminal (default)\n"
	 "  --md                 Markdown, to paste into a document\n"
	 "  --xlsx [FILE]        an xlsx workbook; FILE defaults to\n"
	 "                       impactlog-CYCLE.xlsx or impactlog-all.xlsx\n"
	 "  --json               the packet a manager's 'impactlog team' reads\n"
	 "  -o, --output FILE    write to FILE (- for standard output); an existing\n"
	 "                       file is replaced, keeping its permissions\n"
	 "  --redact             leave out evidence, notes and witness names\n",
	 false},
	{"readiness", cmd_readiness, IL_READS_DB,
	 "readiness [filters] [--track TRACK] [--level LEVEL] [--format text|md|json]",
	 "the evidence held against the target level's expectations, and what is missing",
	 FILTER_OPTIONS_HELP
	 "  --track TRACK        the track to measure against (default: the profile's)\n"
	 "  --level LEVEL        the target level (default: the profile's target level)\n"
	 "  --format FORMAT      text (default), md or json\n"
	 "\nEach expectation of the rubric for the track and level is met, not yet, or\n"
	 "to argue in person; see 'impactlog rubric'.\n",
	 false},
	{"rubric", cmd_rubric, IL_CREATES_DB,
	 "rubric [--format table|csv] | import FILE [--dry-run] | reset",
	 "show, replace or restore the expectations that readiness checks",
	 "  --format FORMAT      table (default) or csv, the format import reads\n"
	 "  --dry-run            with import: check the file and write nothing\n"
	 "\nimport FILE (- for standard input) replaces the rubric in use with the CSV in\n"
	 "FILE, all rows or none; reset goes back to the built-in rubric.\n",
	 false},
	{"team", cmd_team, IL_USES_NO_DB,
	 "team PACKET... [--cycle C] [--since D] [--until D] [--tag T] "
	 "[--md|--json|--xlsx [FILE]] [-o FILE] [--rubric FILE]",
	 "a manager's view of several people's packets, over-claims first",
	 "  --tag, --cycle, --since, --until\n"
	 "                       count only the achievements of every packet that pass\n"
	 "  --text               text for a terminal (default)\n"
	 "  --md                 Markdown\n"
	 "  --json               JSON\n"
	 "  --xlsx [FILE]        an xlsx workbook; FILE defaults to impactlog-team.xlsx\n"
	 "  -o, --output FILE    write to FILE (- for standard output)\n"
	 "  --rubric FILE        measure readiness against this rubric CSV instead of\n"
	 "                       the built-in one\n"
	 "\nEach PACKET is the file one person's 'impactlog report --json' wrote (- for\n"
	 "standard input).  Over-claims come first: achievements of two or more people\n"
	 "with the same tag and an evidence item in common whose shares add up past\n"
	 "100 %.  Two packets of one person and period: the later generated counts.\n"
	 "team reads no log and never creates one.\n",
	 false},
	{"check", cmd_check, IL_READS_DB, "check", "integrity check of the database", "", false},
	{"backup", cmd_backup, IL_READS_DB, "backup FILE [--force]",
	 "write a consistent copy of the database, even while it is in use",
	 "  --force              replace FILE if it exists\n"
	 "\nA new FILE is private (mode 0600); - writes the copy to standard output.\n",
	 false},
	{"status", cmd_status, IL_READS_DB, "status",
	 "this cycle so far, readiness, gaps and the last entry at a glance", "", false},
	{"remind", cmd_remind, IL_READS_DB, "remind [--after DAYS]",
	 "a reminder line when nothing was logged lately, else nothing",
	 "  --after DAYS         days without an entry before reminding (default 14;\n"
	 "                       0: every day nothing was logged)\n"
	 "\nFor cron, a systemd timer or a shell's start-up file: it exits 0 whether it\n"
	 "reminds or not, and never creates the database (a log not started yet gets\n"
	 "a line saying how to start one).  Days count from the newest\n"
	 "achievement's date, not from when it was typed.\n",
	 false},
	{"help", cmd_help, IL_USES_NO_DB, "help [COMMAND]", "show help for impactlog or a command",
	 "", false},
	{"version", cmd_version, IL_USES_NO_DB, "version", "print the version", "", false},
	{0},
};

static const struct il_command *find_command(const char *name)
{
	for (const struct il_command *c = commands; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

/* Takes the global --db option out of ARGV wherever it stands before "--",
 * so that it may come before or after the command. Returns the new argc, or
 * -1 after a usage message. */
static int take_db_option(struct il_ctx *ctx, int argc, char **argv)
{
	int kept = 1;

	for (int i = 1; i < argc; i++) {
		const char *value = NULL;

		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				argv[kept++] = argv[i++];
			break;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			value = argv[i] + 5;
		} else if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc) {
				il_usage_error("option '--db' needs a value");
				return -1;
			}
			value = argv[++i];
		} else {
			argv[kept++] = argv[i];
			continue;
		}
		if (*value == '\0') {
			il_usage_error("--db: the database path must not be empty");
			return -1;
		}
		ctx->db_option = value;
	}
	argv[kept] = NULL;
	return kept;
}

static bool wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return true;
	return false;
}

/* Chooses the exit status; a failed write to stdout turns success into 1,
 * as a command whose output was lost has not done its job, unless the
 * output only confirmed a change that is saved. */
static int finish(const struct il_ctx *ctx, int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (ctx->saved && rc == IL_CMD_OK) {
		if (errno != EPIPE)
			il_error("warning: the change is saved, but its confirmation could not be "
				 "written to standard output: %s",
				 strerror(errno ? errno : EIO));
		return IL_CMD_OK;
	}
	if (errno == EPIPE)
		return 141; /* a closed pipe (| head): quiet, as git does */
	il_error("write failure on standard output: %s", strerror(errno ? errno : EIO));
	return IL_CMD_ERROR;
}

/* A clock outside the days the program accepts would store dates that
 * import refuses: a command that needs the date refuses it first. */
static int start_clock(struct il_ctx *ctx)
{
	const char *epoch = getenv("SOURCE_DATE_EPOCH");
	long long now;
	bool bad = il_clock_start(&now) < 0;

	ctx->today = il_local_date(now);
	if (!bad && il_date_accepted(ctx->today))
		return IL_CMD_OK;
	if (epoch && *epoch)
		il_error("SOURCE_DATE_EPOCH: '%.40s' is not a time from 1900-03-01 to 9999-12-31 "
			 "(whole seconds since 1970-01-01 UTC)",
			 epoch);
	else
		il_error("the system clock reads %lld seconds since 1970-01-01, outside "
			 "1900-03-01 to 9999-12-31; set the clock",
			 now);
	return IL_CMD_ERROR;
}

int main(int argc, char **argv)
{
	struct il_ctx ctx = {.commands = commands};
	const char *help_argv[] = {"help", NULL, NULL};
	int rc;

	/* No memory statistics: impactlog reads none, and keeping them takes
	 * one global lock per allocation, which serialised team's two threads
	 * (the load of 1000 packets took 5.6 s with them, 3.9 s without). */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	if ((argc = take_db_option(&ctx, argc, argv)) < 0)
		return IL_CMD_USAGE;
	if (argc < 2) {
		il_usage_error(
			"usage: impactlog [--db PATH] COMMAND [ARGS] (see 'impactlog help')");
		return IL_CMD_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		argv[1] = "help";
	else if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)
		argv[1] = "version";
	if (argv[1][0] == '-') {
		il_usage_error("unknown option '%s' (see 'impactlog help')", argv[1]);
		return IL_CMD_USAGE;
	}
	if (!(ctx.command = find_command(argv[1]))) {
		il_usage_error("'%s' is not a command (see 'impactlog help')", argv[1]);
		return IL_CMD_USAGE;
	}
	ctx.db_use = ctx.command->db;
	if (ctx.command->run != cmd_help && wants_help(argc - 1, argv + 1)) {
		help_argv[1] = ctx.command->name;
		ctx.command = find_command("help");
		rc = cmd_help(&ctx, 2, (char **)help_argv);
	} else if (ctx.command->db == IL_USES_NO_DB || (rc = start_clock(&ctx)) == IL_CMD_OK) {
		rc = ctx.command->run(&ctx, argc - 1, argv + 1);
	}
	if (ctx.db_open)
		il_db_close(&ctx.db);
	return finish(&ctx, rc);
}
