/* The report's words: the sentences the model fills in (the scope
 * line, each top achievement's quantified sentence). */

#include "impactlog/report.h"

#include "report_model.h"

#include "impactlog/format.h"

#include <stdlib.h>

char *il_report_scope(const struct il_filter *f)
{
	struct il_buf scope = {0};

	if (f->tag != IL_TAG_NONE)
		il_buf_printf(&scope, "tag %s", il_tag_name(f->tag));
	if (f->org)
		il_buf_printf(&scope, "%sorg '%s'", scope.len ? ", " : "", f->org);
	if (f->project)
		il_buf_printf(&scope, "%sproject '%s'", scope.len ? ", " : "", f->project);
	if (f->search)
		il_buf_printf(&scope, "%ssearch '%s'", scope.len ? ", " : "", f->search);
	return scope.data ? scope.data : il_xstrdup("");
}

/* ", your share 50% → $120k" and the like: the individual's part. */
static void share_clause(const struct il_report_item *it, struct il_buf *out)
{
	char share[32], amount[64];

	il_format_percent(it->share, share, sizeof(share));
	il_buf_printf(out, " · your share %s", share);
	if (it->team_size > 1)
		il_buf_printf(out, " of a team of %ld", it->team_size);
	if (it->has_attributed) {
		il_format_amount(it->attributed, it->unit, amount, sizeof(amount));
		il_buf_printf(out, " → %s", amount);
	}
}

static void loss_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], likely[32];

	if (it->has_value) {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Prevented %s loss", amount);
	} else {
		il_buf_puts(out, "Prevented a loss (no value logged)");
	}
	il_format_percent(it->has_likelihood ? it->likelihood : 100, likely, sizeof(likely));
	il_buf_printf(out, " · %s likely", likely);
	share_clause(it, out);
	if (it->has_lead_days)
		il_buf_printf(out, " · caught %ld day%s early", it->lead_days,
			      it->lead_days == 1 ? "" : "s");
}

static void scale_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], baseline[64], factor[32];

	if (!it->has_value) {
		il_buf_puts(out, "Enabled scale (no value logged)");
	} else if (it->has_scale_factor) {
		il_format_compact(it->baseline, baseline, sizeof(baseline));
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_format_scale(it->scale_factor, factor, sizeof(factor));
		il_buf_printf(out, "Scaled %s → %s (%s)", baseline, amount, factor);
	} else {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Enabled %s", amount);
	}
	share_clause(it, out);
}

static void growth_sentence(const struct il_report_item *it, struct il_buf *out)
{
	char amount[64], baseline[64], percent[32];

	if (!it->has_value) {
		il_buf_puts(out, "Grew users (no value logged)");
	} else {
		il_format_amount(it->value, it->unit, amount, sizeof(amount));
		il_buf_printf(out, "Added %s", amount);
		/* For growth the baseline is the users before, so the scale
		 * factor (value / baseline) is the growth rate. */
		if (it->has_scale_factor) {
			il_format_compact(it->baseline, baseline, sizeof(baseline));
			il_format_percent(it->scale_factor * 100, percent, sizeof(percent));
			il_buf_printf(out, " on a base of %s (+%s)", baseline, percent);
		}
	}
	share_clause(it, out);
}

char *il_report_item_sentence(const struct il_report_item *it)
{
	struct il_buf out = {0};

	if (it->tag == IL_TAG_PREVENTED_LOSS)
		loss_sentence(it, &out);
	else if (it->tag == IL_TAG_ENABLED_SCALE)
		scale_sentence(it, &out);
	else
		growth_sentence(it, &out);
	return out.data;
}
