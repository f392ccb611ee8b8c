#ifndef IMPACTLOG_HELP_H
#define IMPACTLOG_HELP_H

/* The words of `impactlog help` and of the man page, kept in one place so
 * the two never disagree.  Option texts use the command table's layout:
 * "  --opt ARG            text", continuation lines indented further. */

#include "impactlog/cli.h"
#include "impactlog/util.h"

#include <stdio.h>

extern const char il_help_description[];
extern const char il_help_global_options[];
extern const char il_help_tags[];

/* Appends command C's option help: the field options from il_fields when
 * its row says field_options, then its own options text. */
void il_help_options(struct il_buf *out, const struct il_command *c);

/* Writes the man page in roff, from the command table and the texts above. */
void il_write_manpage(FILE *out, const struct il_command *commands);

#endif
