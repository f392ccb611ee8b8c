/* The help texts and the man page written from them and the command table,
 * so that `impactlog help`, `impactlog help COMMAND` and man impactlog
 * agree; the field options are laid out here from il_fields. */

#include "impactlog/help.h"

#include "impactlog/achievement.h"
#include "impactlog/util.h"

#include <string.h>

/* Where an option's description starts, the indent of its further lines,
 * and the width they keep to: the layout of every options text in the
 * command table. */
#define OPTION_INDENT "                       "
#define OPTION_COLUMN (sizeof(OPTION_INDENT) - 1)
#define OPTION_WIDTH  79

const char il_help_description[] =
	"Log achievements with the numbers that make them count, and turn them\n"
	"into a calibration packet that shows your own share of each outcome.\n";

const char il_help_global_options[] =
	"  --db PATH   the database (default: $IMPACTLOG_DB, else\n"
	"              $XDG_DATA_HOME/impactlog/impactlog.db, else\n"
	"              ~/.local/share/impactlog/impactlog.db)\n"
	"  --help      this help; 'impactlog COMMAND --help' for a command\n"
	"  --version   print the version\n";

const char il_help_tags[] = "tags: prevented-loss, enabled-scale, user-growth\n";

static const char man_sections[] =
	".SH ACHIEVEMENTS\n"
	"Each achievement carries a tag:\n"
	".B prevented-loss\n"
	"(outages avoided, risks caught early),\n"
	".B enabled-scale\n"
	"(capacity, throughput, teams unblocked) or\n"
	".B user-growth\n"
	"(users gained), with the numbers that make it count.\n"
	".PP\n"
	".B Attributed value\n"
	"is value \\(mu share/100, and for prevented-loss also \\(mu likelihood/100\n"
	"(risk-adjusted).\n"
	".B Scale factor\n"
	"is value / baseline when both are set and the baseline is above 0.\n"
	".PP\n"
	"Amounts accept suffixes: 250000, 250k, 1.2M, 3B.\n"
	"Percentages accept 40 or 40%.\n"
	"Dates are YYYY-MM-DD, today or yesterday.\n"
	"Cycles are 2026 (the year), 2026-H1 (January to June), 2026-H2 (July to\n"
	"December) and 2026-Q1 to 2026-Q4.\n"
	".PP\n"
	"Every reader (options, CSV, add --json, the editor, profile) takes a value\n"
	"without the white space around it, and a value that is only white space as\n"
	"not given; a blank list item is dropped.\n"
	"A unit, project or org is one whatever the case of its letters: usd, USD and\n"
	"Usd are one unit, Payments and payments one org, in filters, totals and\n"
	"counts alike.\n"
	"Each is stored in the spelling first logged, and an ISO currency code (USD,\n"
	"EUR, GBP, ...) in upper case.\n"
	"A date after tomorrow is refused: the log records what happened.\n"
	"So is text holding a bidi control or a zero-width character (U+200B to U+200D,\n"
	"U+202A to U+202E, U+2066 to U+2069, U+FEFF), which makes it read differently\n"
	"from what it is; a joiner inside an emoji is accepted.\n"
	".B check\n"
	"names any such text or date that an older impactlog stored.\n"
	".SH OUTPUT FILES\n"
	"What\n"
	".BR report \" -o\", \" report --xlsx\", \" export\" and \" backup\"\n"
	"write follows the same rules.\n"
	"A regular file is written to a temporary file in the same folder and renamed\n"
	"into place once complete: a failure, Ctrl-C or kill -9 leaves neither a partial\n"
	"file nor the temporary one (where the file system cannot make an unnamed\n"
	"temporary file, a killed process may leave\n"
	".IR .impactlog-PID-XXXXXX ,\n"
	"which the next output into that folder removes).\n"
	"A replaced file keeps its permission bits; a symbolic link is followed.\n"
	"A terminal, FIFO or device is written to directly and never replaced, and\n"
	".B -\n"
	"is standard output (a workbook or backup is never written to a terminal).\n"
	"The database, and its -journal, -wal and -shm files, are refused as an output\n"
	"(exit 2), however the path names them.\n"
	".B export\n"
	"and\n"
	".B backup\n"
	"replace an existing file only with --force; reports replace theirs.\n"
	".SH LIMITS\n"
	"A title holds at most 200 characters, a note 10000, a unit 40, a project 200.\n"
	"Orgs, evidence and witnesses hold at most 100 items each, of at most 1000\n"
	"characters: whatever add accepts, export writes and import reads back.\n"
	"Dates run from 1900-03-01 (the first day spreadsheets count correctly) to\n"
	"tomorrow.\n"
	".SH READINESS AND THE RUBRIC\n"
	".B readiness\n"
	"measures the filtered achievements against the expectations of the rubric for\n"
	"the profile's track and target level (or --track and --level): each is met, not\n"
	"yet (with what is missing), or to argue in person, and the last line is the\n"
	"verdict.\n"
	".PP\n"
	"A rubric is CSV with a header row and the columns\n"
	".BR id ,\n"
	".BR track \" and \" level\n"
	"(compared without regard to case;\n"
	".B *\n"
	"for all),\n"
	".BR dimension ,\n"
	".BR expectation ,\n"
	".B measure\n"
	"(count, orgs, months, sum:UNIT, percent, evidence%, witness% or manual),\n"
	".B where\n"
	"(space-separated conditions such as tag=prevented-loss lead_days>=14 over tag,\n"
	"unit, confidence, value, attributed, share, team_size, lead_days, scale_factor,\n"
	"orgs, evidence and witnesses, with = != >= <= > <; a condition on a field that\n"
	"is not set does not hold),\n"
	".B at_least\n"
	"(the threshold; empty for manual rows) and\n"
	".BR source .\n"
	"The built-in rubric's thresholds are starting points:\n"
	".B rubric \\-\\-format csv\n"
	"prints the rubric in use to edit, and\n"
	".B rubric import\n"
	"stores the edited one in the database, all rows or none.\n"
	".SH PACKETS AND THE TEAM VIEW\n"
	".B report \\-\\-json\n"
	"writes the packet, one JSON object that a manager's\n"
	".B team\n"
	"reads:\n"
	".BR impactlog_packet \" (the version, 1), \" generated\n"
	"(YYYY-MM-DD),\n"
	".B profile\n"
	"(name, level, track, target_level, manager),\n"
	".B period\n"
	"(cycle, since, until),\n"
	".B filters\n"
	"(tag, org, project, search),\n"
	".B redacted\n"
	"and\n"
	".BR achievements ,\n"
	"the objects of\n"
	".B list \\-\\-format json\n"
	"with numbers that read back exactly; a value not given is null.\n"
	".PP\n"
	".B team PACKET...\n"
	"puts several people's packets side by side.  It reads no log and never creates\n"
	"one: the packets go into a private temporary database.  Over-claims come first:\n"
	"achievements of two or more people with the same tag and an evidence item in\n"
	"common (compared without case) whose shares add up past 100 %.  Then one row\n"
	"per person (achievements per tag, attributed value per unit, orgs, evidence and\n"
	"witness percentages, visibility gaps, readiness against that person's own track\n"
	"and target level), and the team totals, where an outcome several people share\n"
	"counts once, at the largest value claimed.  Two packets of one person and\n"
	"period count once: the later generated.  A redacted packet has no evidence, so\n"
	"no over-claim can be matched on it, and the view says so.  The workbook's\n"
	"sheets are Over-claims, People and Achievements (with a Person column); their\n"
	"counts, sums and shares are formulas over Achievements, so an edited share\n"
	"moves them.\n"
	".SH FILES\n"
	".TP\n"
	".I ~/.local/share/impactlog/impactlog.db\n"
	"The default database, an SQLite file (mode 0600, in a folder of mode 0700).\n"
	".SH ENVIRONMENT\n"
	".TP\n"
	".B IMPACTLOG_DB\n"
	"The database, unless --db is given.\n"
	".TP\n"
	".B XDG_DATA_HOME\n"
	"Where the default database lives: $XDG_DATA_HOME/impactlog/impactlog.db.\n"
	".TP\n"
	".B HOME\n"
	"Without XDG_DATA_HOME, the database is ~/.local/share/impactlog/impactlog.db.\n"
	".TP\n"
	".BR VISUAL \", \" EDITOR\n"
	"The editor that\n"
	".B impactlog add\n"
	"opens on a template when run with no arguments on a terminal (default: vi).\n"
	".TP\n"
	".B NO_COLOR\n"
	"When set and not empty, output is never coloured.\n"
	".TP\n"
	".B IMPACTLOG_PROGRESS_DELAY\n"
	"Seconds a long import runs before it shows its progress on a terminal\n"
	"(default: 1; 0 shows it at once).\n"
	".TP\n"
	".B SOURCE_DATE_EPOCH\n"
	"When set, the time (whole seconds since 1970-01-01 UTC) used for today and\n"
	"for the generated date of reports, for reproducible output.  A value that\n"
	"is not a whole number, or whose date lies outside 1900-03-01 to 9999-12-31,\n"
	"is refused before anything is written.\n"
	".TP\n"
	".B IMPACTLOG_BUSY_TIMEOUT\n"
	"Milliseconds a command waits for another one that is writing the database\n"
	"(default: 10000) before it gives up with \"database is busy\" and exit 1.\n"
	".SH EXIT STATUS\n"
	".TP\n"
	".B 0\n"
	"Success.\n"
	".TP\n"
	".B 1\n"
	"A missing id or database, bad file content, or an I/O or database failure.\n"
	".TP\n"
	".B 2\n"
	"A wrong command line: an unknown command or option, or a bad value.\n"
	".PP\n"
	"Every error is one line on standard error starting with \"impactlog: \".\n"
	"A command that fails changes nothing.\n"
	".SH EXAMPLES\n"
	"Log a risk caught early, with your share of a team's work:\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"impactlog add prevented-loss \"Caught cert expiry before the freeze\" \\e\n"
	"    --value 400k --likelihood 60 --share 50 --team-size 3 --lead-days 14 \\e\n"
	"    --org Payments --evidence INC-review --witness \"Payments SRE lead\"\n"
	".RE\n"
	".fi\n"
	".PP\n"
	"Log capacity unblocked, with the baseline that gives its scale factor:\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"impactlog add enabled-scale \"Sharded the checkout queue\" \\e\n"
	"    --value 50000 --baseline 10000 --unit rps\n"
	".RE\n"
	".fi\n"
	".PP\n"
	"See the second half of 2026, then write the packet for your manager:\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"impactlog list --cycle 2026-H2\n"
	"impactlog report --cycle 2026-H2 --xlsx\n"
	"impactlog report --cycle 2026-H2 --md -o packet.md\n"
	".RE\n"
	".fi\n"
	".PP\n"
	"Move your log to a new machine:\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"impactlog export all.csv      # on the old one\n"
	"impactlog import all.csv      # on the new one\n"
	".RE\n"
	".fi\n"
	".PP\n"
	"Come from bragfile or jrnl, entries tagged with none of impactlog's tags\n"
	"taking user-growth (run it again later: entries already there are skipped):\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"brag export \\-\\-format json >brag.json\n"
	"impactlog import \\-\\-from bragfile \\-\\-tag user-growth brag.json\n"
	"jrnl \\-\\-export json | impactlog import \\-\\-from jrnl \\-\\-tag user-growth \\-\n"
	".RE\n"
	".fi\n"
	".PP\n"
	"Keep the habit: a glance each week, and a reminder from cron (its output is\n"
	"mailed) or from a shell's start-up file when two weeks pass with nothing\n"
	"logged:\n"
	".PP\n"
	".nf\n"
	".RS\n"
	"impactlog status\n"
	"0 9 * * 1  impactlog remind          # crontab -e\n"
	"impactlog remind \\-\\-after 7           # in ~/.bashrc\n"
	".RE\n"
	".fi\n"
	".SH SEE ALSO\n"
	".BR sqlite3 (1)\n";

/* One option of add and edit, from the field table:
 * "  --team-size N        people who delivered it (default: 1)". */
static void field_option(struct il_buf *out, const struct il_field_info *field)
{
	struct il_buf words = {0};
	size_t start = out->len;

	il_buf_printf(out, "  %s %s", field->option, field->metavar);
	il_buf_printf(out, "%*s", (int)(OPTION_COLUMN - (out->len - start)), "");
	il_buf_puts(&words, field->help);
	if (field->is_list)
		il_buf_puts(&words, " (repeatable)");
	if (field->by_default)
		il_buf_printf(&words, " (default: %s)", field->by_default);
	il_buf_wrap(out, il_buf_str(&words), out->len - start, OPTION_INDENT, OPTION_WIDTH);
	il_buf_puts(out, "\n");
	il_buf_free(&words);
}

void il_help_options(struct il_buf *out, const struct il_command *c)
{
	for (int f = 0; c->field_options && f < IL_FIELD_COUNT; f++)
		if (il_fields[f].metavar)
			field_option(out, &il_fields[f]);
	il_buf_puts(out, c->options);
}

/* Writes TEXT escaped for roff: backslashes, and dashes as \- so that
 * options can be searched for and copied. */
static void roff_text(FILE *out, const char *text, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\\')
			fputs("\\e", out);
		else if (text[i] == '-')
			fputs("\\-", out);
		else
			putc(text[i], out);
	}
}

/* A line of roff text may not start with a control character. */
static void roff_line(FILE *out, const char *text, size_t len)
{
	if (len && (text[0] == '.' || text[0] == '\''))
		fputs("\\&", out);
	roff_text(out, text, len);
	putc('\n', out);
}

/* The column where the descriptions of an option block start: where the
 * first option whose name is followed by two spaces has its text. */
static size_t description_column(const char *options)
{
	for (const char *line = options; *line; line += strcspn(line, "\n") + 1) {
		size_t len = strcspn(line, "\n"), indent = strspn(line, " ");
		const char *gap = strstr(line + indent, "  ");

		if (line[indent] == '-' && gap && gap < line + len)
			return (size_t)(gap - line) + strspn(gap, " ");
		if (!line[len])
			break;
	}
	return 0;
}

/* Turns option help ("  --opt ARG   text\n" + indented continuations)
 * into .TP entries. */
static void roff_options(FILE *out, const char *options)
{
	size_t column = description_column(options);
	const char *line = options;

	while (*line) {
		size_t len = strcspn(line, "\n");
		size_t indent = strspn(line, " ");

		if (line[indent] == '-' && column > indent && len > column) {
			size_t tag = column;

			while (tag > indent && line[tag - 1] == ' ')
				tag--;
			fputs(".TP\n.B ", out);
			roff_text(out, line + indent, tag - indent);
			putc('\n', out);
			roff_line(out, line + column, len - column);
		} else {
			roff_line(out, line + indent, len - indent);
		}
		line += len + (line[len] == '\n');
	}
}

void il_write_manpage(FILE *out, const struct il_command *commands)
{
	fprintf(out, ".TH IMPACTLOG 1 \"\" \"impactlog %s\" \"User Commands\"\n",
		IMPACTLOG_VERSION);
	fputs(".SH NAME\nimpactlog \\- log achievements with the numbers that make them count\n"
	      ".SH SYNOPSIS\n.B impactlog\n[\\-\\-db PATH]\n.I COMMAND\n[ARGS]\n"
	      ".SH DESCRIPTION\n",
	      out);
	roff_options(out, il_help_description);
	fputs(".SH OPTIONS\n", out);
	roff_options(out, il_help_global_options);
	fputs(".SH COMMANDS\n", out);
	for (const struct il_command *c = commands; c->name; c++) {
		fputs(".SS \"impactlog ", out);
		roff_text(out, c->usage, strlen(c->usage));
		fputs("\"\n", out);
		roff_line(out, c->summary, strlen(c->summary));
		struct il_buf options = {0};

		il_help_options(&options, c);
		if (options.len) {
			fputs(".RS\n", out);
			roff_options(out, il_buf_str(&options));
			fputs(".RE\n", out);
		}
		il_buf_free(&options);
	}
	fputs(man_sections, out);
}
