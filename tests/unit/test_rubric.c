/* Unit tests for the rubric parser (src/rubric.c): every measure, every
 * operator, every refusal and its message. */

#include "impactlog/rubric.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HEAD "id,track,level,dimension,expectation,measure,where,at_least,source\n"

/* Parses TEXT; on failure returns the one line it printed on stderr (without
 * "impactlog: " and the newline), on success "". */
static const char *parse(struct il_rubric *r, const char *text)
{
	static char message[1024];
	FILE *capture = tmpfile();
	int saved = dup(STDERR_FILENO);
	int rc;

	fflush(stderr);
	dup2(fileno(capture), STDERR_FILENO);
	rc = il_rubric_parse(r, "r.csv", text, strlen(text));
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(capture);
	message[0] = '\0';
	if (!fgets(message, sizeof(message), capture))
		message[0] = '\0';
	fclose(capture);
	message[strcspn(message, "\n")] = '\0';
	if (rc == 0)
		return message[0] ? "printed on success" : "";
	return strncmp(message, "impactlog: ", 11) == 0 ? message + 11 : message;
}

static const char *refusal(const char *text)
{
	struct il_rubric r;
	const char *message = parse(&r, text);

	il_rubric_free(&r);
	return message;
}

static void test_measures(void)
{
	struct il_rubric r;

	CHECK_STR(parse(&r, HEAD "a,TPM,L7,Scope,x,count,orgs>=2,3,src\n"
				 "b,*,*,Scope,x,orgs,,4,\n"
				 "c,PM,L6,Consistency,x,months,,4,\n"
				 "d,SWE,L8,Impact,x,sum:USD,tag=prevented-loss,250k,\n"
				 "e,*,L7,Impact,x,percent,value>=0,60,\n"
				 "f,*,*,Evidence,x,evidence%,,70%,\n"
				 "g,*,*,Evidence,x,witness%,,50,\n"
				 "h,TPM,*,Judgement,x,manual,,,\n"),
		  "");
	CHECK(r.len == 8);
	CHECK(r.rows[0].measure == IL_MEASURE_COUNT && r.rows[0].at_least == 3);
	CHECK_STR(r.rows[0].source, "src");
	CHECK(r.rows[1].measure == IL_MEASURE_ORGS);
	CHECK(r.rows[2].measure == IL_MEASURE_MONTHS);
	CHECK(r.rows[3].measure == IL_MEASURE_SUM && r.rows[3].at_least == 250000);
	CHECK_STR(r.rows[3].unit, "USD");
	CHECK(r.rows[4].measure == IL_MEASURE_PERCENT);
	CHECK(r.rows[5].measure == IL_MEASURE_EVIDENCE_PCT && r.rows[5].at_least == 70);
	CHECK(r.rows[6].measure == IL_MEASURE_WITNESS_PCT);
	CHECK(r.rows[7].measure == IL_MEASURE_MANUAL && !r.rows[7].has_at_least);
	il_rubric_free(&r);
}

static void test_conditions(void)
{
	struct il_rubric r;
	const struct il_condition *c;

	CHECK_STR(parse(&r, HEAD "a,*,*,D,x,count,"
				 "tag=user-growth unit!=usd confidence=measured value>1k "
				 "attributed<5 share<=40 team_size>=2 lead_days=14 scale_factor!=1 "
				 "orgs>=2 evidence>=1 witnesses<1,1,\n"),
		  "");
	CHECK(r.len == 1 && r.rows[0].conditions_len == 12);
	c = r.rows[0].conditions;
	CHECK(c[0].field == IL_COND_TAG && c[0].op == IL_OP_EQ);
	CHECK_STR(c[0].word, "user-growth");
	CHECK(c[1].field == IL_COND_UNIT && c[1].op == IL_OP_NE);
	CHECK(c[3].field == IL_COND_VALUE && c[3].op == IL_OP_GT && c[3].number == 1000);
	CHECK(c[4].op == IL_OP_LT && c[5].op == IL_OP_LE && c[6].op == IL_OP_GE);
	CHECK(c[7].op == IL_OP_EQ && c[7].number == 14 && c[8].op == IL_OP_NE);
	CHECK(c[11].field == IL_COND_WITNESSES && c[11].number == 1);
	il_rubric_free(&r);

	/* Cells are trimmed; the header's names are not case-sensitive and
	 * may come in any order; a BOM and CRLF are read as in import. */
	CHECK_STR(parse(&r, "\xEF\xBB\xBFMeasure,ID,track,level,dimension,expectation,at_least\r\n"
			    " count , a ,*,*,D, x ,2\r\n"),
		  "");
	CHECK(r.len == 1 && r.rows[0].at_least == 2);
	CHECK_STR(r.rows[0].id, "a");
	CHECK_STR(r.rows[0].expectation, "x");
	CHECK_STR(r.rows[0].where, "");
	il_rubric_free(&r);
}

static void test_refusals(void)
{
	CHECK_STR(refusal(HEAD "a,*,*,D,x,median,,1,\n"),
		  "r.csv:2: measure: 'median' is not one (count, orgs, months, sum:UNIT, percent, "
		  "evidence%, witness%, manual)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,colour=red,1,\n"),
		  "r.csv:2: where: unknown field in 'colour=red' (fields: tag, unit, confidence, "
		  "value, attributed, share, team_size, lead_days, scale_factor, orgs, evidence, "
		  "witnesses)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,orgs~2,1,\n"),
		  "r.csv:2: where: 'orgs~2' needs an operator: =, !=, >=, <=, > or <");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,orgs>=,1,\n"),
		  "r.csv:2: where: 'orgs>=' needs a value after its operator");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,orgs>=two,1,\n"),
		  "r.csv:2: where: 'orgs>=two': orgs compares with a number (250000, 250k, 1.2M)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,tag>=user-growth,1,\n"),
		  "r.csv:2: where: 'tag>=user-growth': tag compares with = or != only");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,tag=growth,1,\n"),
		  "r.csv:2: where: 'tag=growth': not a tag (prevented-loss, enabled-scale or "
		  "user-growth)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,confidence=sure,1,\n"),
		  "r.csv:2: where: 'confidence=sure': not a confidence (measured, estimated or "
		  "projected)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,,three,\n"),
		  "r.csv:2: at_least: 'three' is not a number (3, 250k, 1.2M)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,evidence%,,120,\n"),
		  "r.csv:2: at_least: '120' is not a percentage from 0 to 100");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,,,\n"),
		  "r.csv:2: at_least: required for a measured row (only manual rows have none)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,manual,,2,\n"),
		  "r.csv:2: at_least: a manual row has no threshold (leave it empty)");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,sum:,,2,\n"),
		  "r.csv:2: measure: 'sum:' needs a unit, as in sum:USD or sum:users");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,,1,\nA,*,*,D,y,count,,1,\n"),
		  "r.csv:3: id: 'A' is already the id of another row");
	CHECK_STR(refusal(HEAD "a,*,*,D,,count,,1,\n"), "r.csv:2: expectation: required");
	CHECK_STR(refusal(HEAD "a b,*,*,D,x,count,,1,\n"),
		  "r.csv:2: id: 'a b': letters, digits, '-', '_' and '.' only");
	CHECK_STR(refusal(HEAD "a,*,*,D,\xff,count,,1,\n"),
		  "r.csv:2: expectation: not valid UTF-8");
	CHECK_STR(refusal(HEAD "a,*,*,D,x,count,,1\n"), "r.csv:2: 8 fields, but the header has 9");
	CHECK_STR(refusal("id,track,level,dimension,expectation,measure,weight\n"),
		  "r.csv:1: unknown column 'weight' (the columns: id, track, level, dimension, "
		  "expectation, measure, where, at_least, source)");
	CHECK_STR(refusal("id,track,level,dimension,expectation\n"),
		  "r.csv:1: no column 'measure' (the header needs id, track, level, dimension, "
		  "expectation and measure)");
	CHECK_STR(refusal(""), "r.csv:1: empty: a rubric starts with a header row (id, track, "
			       "level, dimension, expectation, measure, where, at_least, source)");
	CHECK_STR(refusal(HEAD "a,*,*,D,\"x,count,,1,\n"),
		  "r.csv:2: a quoted cell is not closed before the end of the file");

	/* A rubric too large to be one is refused, not measured. */
	struct il_buf big = {0};

	il_buf_puts(&big, HEAD);
	for (int i = 0; i <= IL_RUBRIC_ROWS_MAX; i++)
		il_buf_printf(&big, "r%d,*,*,D,x,count,,1,\n", i);
	CHECK_STR(refusal(il_buf_str(&big)),
		  "r.csv:2002: more than 2000 rows: a rubric this large is not a rubric");
	il_buf_free(&big);
}

static void test_applies_and_levels(void)
{
	struct il_rubric r;
	struct il_buf levels = {0};

	CHECK_STR(parse(&r, HEAD "a,TPM,L7,D,x,count,,1,\n"
				 "b,*,L6,D,x,count,,1,\n"
				 "c,tpm,l8,D,x,count,,1,\n"
				 "d,PM,L9,D,x,count,,1,\n"
				 "e,*,*,D,x,count,,1,\n"),
		  "");
	CHECK(il_expectation_applies(&r.rows[0], "tpm", "l7"));
	CHECK(!il_expectation_applies(&r.rows[0], "PM", "L7"));
	CHECK(il_expectation_applies(&r.rows[1], "PM", "L6"));
	CHECK(il_expectation_applies(&r.rows[4], "anything", "L1"));
	il_rubric_levels(&r, "TPM", &levels);
	CHECK_STR(il_buf_str(&levels), "L7, L6, l8");
	il_buf_free(&levels);
	il_rubric_free(&r);
}

int main(void)
{
	test_measures();
	test_conditions();
	test_refusals();
	test_applies_and_levels();
	return unit_done();
}
