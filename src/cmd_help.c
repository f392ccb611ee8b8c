/* help [COMMAND] and version: drawn from the command table in main.c. */

#include "impactlog/cli.h"
#include "impactlog/help.h"

#include "impactlog/util.h"

#include <stdbool.h>
#include <string.h>

#define HELP_WIDTH 80

/* Prints the words of TEXT in lines of at most HELP_WIDTH columns, the first
 * going on from column START and the rest indented to INDENT, so that a long
 * summary in the command table still reads well in a terminal. */
static void print_wrapped(const char *text, size_t start, size_t indent)
{
	struct il_buf out = {0}, blanks = {0};

	il_buf_printf(&blanks, "%*s", (int)indent, "");
	il_buf_wrap(&out, text, start, il_buf_str(&blanks), HELP_WIDTH);
	printf("%s\n", il_buf_str(&out));
	il_buf_free(&out);
	il_buf_free(&blanks);
}

static void print_overview(const struct il_command *commands)
{
	printf("usage: impactlog [--db PATH] COMMAND [ARGS]\n\n%s\ncommands:\n",
	       il_help_description);
	for (const struct il_command *c = commands; c->name; c++) {
		printf("  %-10s ", c->name);
		print_wrapped(c->summary, 13, 13);
	}
	printf("\nglobal options:\n%s\n%s", il_help_global_options, il_help_tags);
}

static void print_command(const struct il_command *c)
{
	printf("usage: impactlog ");
	print_wrapped(c->usage, 17, 17);
	putchar('\n');
	print_wrapped(c->summary, 0, 0);
	struct il_buf options = {0};

	il_help_options(&options, c);
	if (options.len)
		printf("\noptions:\n%s", il_buf_str(&options));
	il_buf_free(&options);
}

int cmd_help(struct il_ctx *ctx, int argc, char **argv)
{
	if (argc > 2)
		return il_usage_hint(ctx);
	if (argc == 1) {
		print_overview(ctx->commands);
		return IL_CMD_OK;
	}
	/* The man page, from the same table and texts (see CMakeLists.txt). */
	if (strcmp(argv[1], "--man") == 0) {
		il_write_manpage(stdout, ctx->commands);
		return IL_CMD_OK;
	}
	/* "help --help" asks about help itself, as "git help --help" does. */
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_command(ctx->command);
		return IL_CMD_OK;
	}
	for (const struct il_command *c = ctx->commands; c->name; c++) {
		if (strcmp(c->name, argv[1]) == 0) {
			print_command(c);
			return IL_CMD_OK;
		}
	}
	return il_usage_error("help: '%s' is not a command (see 'impactlog help')", argv[1]);
}

int cmd_version(struct il_ctx *ctx, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return il_usage_hint(ctx);
	printf("impactlog %s\n", IMPACTLOG_VERSION);
	return IL_CMD_OK;
}
