#!/usr/bin/env bash
# add with no arguments on a terminal: the achievement is written in
# $VISUAL or $EDITOR.  CI has no terminal, so script(1) makes one, and the
# editors are small scripts that fill in the template.

. "$(dirname "$0")/../lib.sh"

if ! test_have_prereq SCRIPT; then
	echo "skipped: no script(1) to make a terminal"
	test_done
fi

# row ID COLUMNS: the stored columns of one achievement, '|'-separated.
row () {
	sqlite3 "$IMPACTLOG_DB" "SELECT $2 FROM achievement WHERE id = $1"
}

# list_of TABLE ID: one list field of an achievement, in order.
list_of () {
	sqlite3 "$IMPACTLOG_DB" "SELECT name FROM $1 WHERE achievement_id = $2 ORDER BY position"
}

# added: the id in "added #N" on the terminal (tty.out).
added () {
	sed -n "s/^added #//p" tty.out
}

# count: how many achievements are stored.
count () {
	sqlite3 "$IMPACTLOG_DB" "SELECT count(*) FROM achievement"
}

# aborted MESSAGE COMMAND: COMMAND, on a terminal, exits 1 having printed
# only "impactlog: MESSAGE", and the database is as it was.
aborted () {
	db_snapshot aborted.before &&
	test_must_fail --exit=1 on_terminal "$2" &&
	db_snapshot aborted.after &&
	test_cmp aborted.before aborted.after &&
	printf "impactlog: %s\n" "$1" >aborted.expect &&
	test_cmp aborted.expect tty.out
}

# The editors.  Each is called as EDITOR FILE and leaves a trace in
# $TRASH: the template it saw, the file's name and mode.
mkdir editors tmp &&
cat >editors/fill <<\EOF &&
#!/bin/sh
# fill: a prevented-loss achievement, written over the template with sed.
cp "$1" "$TRASH/seen" &&
echo "$1" >"$TRASH/path" &&
stat -c %a "$1" >"$TRASH/mode" &&
sed -i -e 's/^tag:.*/tag: prevented-loss/' \
	-e 's/^title:.*/title: Caught a bad migration/' \
	-e 's/^value:.*/value: 250k/' \
	-e 's/^share:.*/share: 40%/' \
	-e 's/^team_size:.*/team_size: 3/' \
	-e 's/^likelihood:.*/likelihood: 60/' \
	-e 's/^lead_days:.*/lead_days: 5/' \
	-e 's/^confidence:.*/confidence: measured/' \
	-e 's/^project:.*/project: Atlas/' \
	-e 's/^orgs:.*/orgs: Payments; Ads \\; Growth/' \
	-e 's/^evidence:.*/evidence: go\/pm-1/' \
	-e 's/^witnesses:.*/witnesses: Payments SRE Lead/' \
	-e 's/^note:.*/note: Situation./' "$1" &&
printf "\tAction.\n\n# a comment, not part of the note\nResult.\n\n\n" >>"$1"
EOF
cat >editors/entry <<\EOF &&
#!/bin/sh
# entry: the file becomes $TRASH/entry, written by the test.
cat "$TRASH/entry" >"$1"
EOF
cat >editors/fix-share <<\EOF &&
#!/bin/sh
# fix-share: a share of 140 on the first run; on the second, the error
# must be at the top of the file as the first run left it, and 40 fixes it.
runs=$(($(cat "$TRASH/runs" 2>/dev/null || echo 0) + 1))
echo $runs >"$TRASH/runs"
cp "$1" "$TRASH/seen.$runs"
if test $runs = 1; then
	sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^title:.*/title: Fixed on the second run/' \
		-e 's/^share:.*/share: 140/' "$1"
else
	sed -i -e 's/^share:.*/share: 40/' "$1"
fi
EOF
cat >editors/rounds <<\EOF &&
#!/bin/sh
# rounds: run N keeps the file it was given as seen.N and, when the test
# wrote round.N, puts that in its place.
runs=$(($(cat "$TRASH/runs" 2>/dev/null || echo 0) + 1))
echo $runs >"$TRASH/runs"
cp "$1" "$TRASH/seen.$runs"
if test -e "$TRASH/round.$runs"; then
	cat "$TRASH/round.$runs" >"$1"
fi
EOF
cat >editors/empty <<\EOF &&
#!/bin/sh
: >"$1"
EOF
cat >editors/comments-only <<\EOF &&
#!/bin/sh
sed -i -e '/^[^#]/d' "$1"
EOF
cat >editors/no-title <<\EOF &&
#!/bin/sh
sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^value:.*/value: 5/' "$1"
EOF
cat >editors/fail <<\EOF &&
#!/bin/sh
sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^title:.*/title: Saved, then failed/' "$1"
exit 1
EOF
cat >editors/killed <<\EOF &&
#!/bin/sh
sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^title:.*/title: Saved, then killed/' "$1"
kill -9 $$
EOF
cat >editors/visual <<\EOF &&
#!/bin/sh
sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^title:.*/title: From VISUAL/' "$1"
EOF
cat >editors/with-args <<\EOF &&
#!/bin/sh
# with-args --title TEXT FILE: the options an editor command may carry.
test "$1" = --title && test $# = 3 || exit 3
sed -i -e 's/^tag:.*/tag: enabled-scale/' -e "s/^title:.*/title: $2/" "$3"
EOF
cat >editors/vi <<\EOF &&
#!/bin/sh
sed -i -e 's/^tag:.*/tag: user-growth/' -e 's/^title:.*/title: From vi/' "$1"
EOF
chmod +x editors/*

export TMPDIR=$TRASH/tmp

test_expect_success 'the template: comments, then one line per field' '
	export EDITOR=$TRASH/editors/fill &&
	on_terminal "impactlog add" &&
	echo "added #1" >expect &&
	test_cmp expect tty.out &&
	cat >expect <<-\EOF &&
	# New achievement for impactlog.  Fill in the values after the colons,
	# then save and quit.  Lines starting with '\''#'\'' are ignored.  To add
	# nothing, leave the title empty or empty the file.
	#
	# date        YYYY-MM-DD, today or yesterday
	# tag         prevented-loss, enabled-scale or user-growth (required)
	# title       what you did, one line of at most 200 characters (required)
	# value       outcome magnitude: 250000, 250k, 1.2M, 3B
	# unit        USD (prevented-loss), users (user-growth); required with a
	#             value for enabled-scale: rps, TB, teams, ...
	# baseline    the value before: capacity before, users before
	# share       your share of the outcome, percent 0-100 (default: 100)
	# team_size   people who delivered it (default: 1)
	# likelihood  prevented-loss: chance the loss would have happened,
	#             percent (default: 100)
	# lead_days   prevented-loss: days before impact the risk was caught
	# confidence  measured, estimated (default) or projected
	# project     the initiative or workstream it belongs to
	# orgs        orgs or product lines touched
	# evidence    links or doc names that prove it
	# witnesses   people who can vouch for it
	#             Separate the items of a list with '\'';'\'' (write \; for a '\'';'\''
	#             inside an item), or repeat the line once per item.
	# note        the story: situation, action, result.  It runs from '\''note:'\''
	#             to the end of the file, over as many lines as you like.
	#
	# An empty value is not given: its default applies.

	date: 2026-03-15
	tag:
	title:
	value:
	unit:
	baseline:
	share:
	team_size:
	likelihood:
	lead_days:
	confidence:
	project:
	orgs:
	evidence:
	witnesses:
	note:
	EOF
	test_cmp expect seen &&
	! grep -n ".\{81\}" seen
'

test_expect_success 'a filled template is stored, every field as given' '
	echo "2026-03-15|prevented-loss|Caught a bad migration|250000.0|USD|40.0|3|60.0|5|measured|Atlas" >expect &&
	row 1 "date, tag, title, value, unit, share, team_size, likelihood, lead_days, confidence, project" >actual &&
	test_cmp expect actual &&
	printf "Situation.\n\tAction.\n\nResult.\n" >expect &&
	row 1 note >actual &&
	test_cmp expect actual &&
	printf "Payments\nAds ; Growth\n" >expect &&
	list_of achievement_org 1 >actual &&
	test_cmp expect actual &&
	echo go/pm-1 >expect &&
	list_of achievement_evidence 1 >actual &&
	test_cmp expect actual
'

test_expect_success 'the file is private, in TMPDIR, and removed afterwards' '
	echo 600 >expect &&
	test_cmp expect mode &&
	case "$(cat path)" in
	"$TMPDIR"/impactlog-add-*) ;;
	*) echo "not in TMPDIR: $(cat path)"; exit 1 ;;
	esac &&
	! test -e "$(cat path)" &&
	ls tmp >left &&
	test_must_be_empty left
'

test_expect_success 'an entry written freely: lists over lines, a long note' '
	cat >entry <<-\EOF &&
	Title: Spaces around   
	tag:user-growth
	  value :	1.2M	
	orgs: Search
	orgs: Maps; Ads
	witnesses: VP Eng \; Ads
	date: yesterday

	note:
	    indented first line
	second line
	EOF
	export EDITOR=$TRASH/editors/entry &&
	on_terminal "impactlog add" &&
	echo "added #2" >expect &&
	test_cmp expect tty.out &&
	echo "2026-03-14|user-growth|Spaces around|1200000.0|users" >expect &&
	row 2 "date, tag, title, value, unit" >actual &&
	test_cmp expect actual &&
	printf "Search\nMaps\nAds\n" >expect &&
	list_of achievement_org 2 >actual &&
	test_cmp expect actual &&
	echo "VP Eng ; Ads" >expect &&
	list_of achievement_witness 2 >actual &&
	test_cmp expect actual &&
	printf "indented first line\nsecond line\n" >expect &&
	row 2 note >actual &&
	test_cmp expect actual
'

test_expect_success 'an invalid value reopens the editor with the error on top' '
	export EDITOR=$TRASH/editors/fix-share &&
	on_terminal "impactlog add" &&
	echo "added #3" >expect &&
	test_cmp expect tty.out &&
	echo 2 >expect &&
	test_cmp expect runs &&
	echo "# error: share: ${SQ}140${SQ} is not a percentage from 0 to 100" >expect &&
	head -n 1 seen.2 >actual &&
	test_cmp expect actual &&
	tail -n +2 seen.2 >actual &&
	grep -q "^title: Fixed on the second run$" actual &&
	grep -q "^share: 140$" actual &&
	echo "Fixed on the second run|40.0" >expect &&
	row 3 "title, share" >actual &&
	test_cmp expect actual
'

test_expect_success 'each reopening shows only the latest error' '
	cat >entry <<-\EOF &&
	tag: user-growth
	title: Wrong twice
	impact: huge
	EOF
	cat >editors/twice <<-\EOF &&
	#!/bin/sh
	runs=$(($(cat "$TRASH/runs" 2>/dev/null || echo 0) + 1))
	echo $runs >"$TRASH/runs"
	cp "$1" "$TRASH/seen.$runs"
	case $runs in
	1) cat "$TRASH/entry" >"$1" ;;
	2) sed -i -e "s/^impact:.*/tag: frob/" "$1" ;;
	3) sed -i -e "/^tag: frob/d" "$1" ;;
	esac
	EOF
	chmod +x editors/twice &&
	rm -f runs &&
	export EDITOR=$TRASH/editors/twice &&
	on_terminal "impactlog add" &&
	echo "added #4" >expect &&
	test_cmp expect tty.out &&
	cat >expect <<-\EOF &&
	# error: unknown field '\''impact'\'' (fields: date, tag, title, value, unit, baseline, share, team_size, likelihood, lead_days, confidence, project, orgs, evidence, witnesses, note)
	tag: user-growth
	title: Wrong twice
	impact: huge
	EOF
	test_cmp expect seen.2 &&
	cat >expect <<-\EOF &&
	# error: '\''tag'\'' given twice
	tag: user-growth
	title: Wrong twice
	tag: frob
	EOF
	test_cmp expect seen.3 &&
	test "$(row 4 title)" = "Wrong twice"
'

test_expect_success 'the checks across fields reopen the editor too' '
	cat >entry <<-\EOF &&
	title: No tag yet
	EOF
	cat >editors/add-tag <<-\EOF &&
	#!/bin/sh
	if test -s "$TRASH/entry"; then
		cat "$TRASH/entry" >"$1" && : >"$TRASH/entry"
	else
		cp "$1" "$TRASH/seen" && echo "tag: enabled-scale" >>"$1"
	fi
	EOF
	chmod +x editors/add-tag &&
	export EDITOR=$TRASH/editors/add-tag &&
	on_terminal "impactlog add" &&
	echo "added #5" >expect &&
	test_cmp expect tty.out &&
	printf "%s\n" "# error: tag: required (prevented-loss, enabled-scale or user-growth)" \
		"title: No tag yet" >expect &&
	test_cmp expect seen &&
	test "$(row 5 "tag || title")" = "enabled-scaleNo tag yet"
'

test_expect_success 'a stray line or a control character reopens the editor' '
	rm -f runs round.* seen.* &&
	printf "tag: user-growth\ntitle: Stray\nthis is not a field\n" >round.1 &&
	printf "tag: user-growth\ntitle: a\033b\nimpact\033: x\n" >round.2 &&
	printf "tag: user-growth\ntitle: Stray\n\033\n" >round.3 &&
	printf "tag: user-growth\ntitle: Stray, then fixed\n" >round.4 &&
	export EDITOR=$TRASH/editors/rounds &&
	on_terminal "impactlog add" &&
	echo "added #6" >expect &&
	test_cmp expect tty.out &&
	echo "# error: ${SQ}this is not a field${SQ} is not a ${SQ}field: value${SQ} line" >expect &&
	head -n 1 seen.2 >actual &&
	test_cmp expect actual &&
	echo "# error: title: must be one line without control characters" >expect &&
	head -n 1 seen.3 >actual &&
	test_cmp expect actual &&
	echo "# error: a line with control characters is not a ${SQ}field: value${SQ} line" >expect &&
	head -n 1 seen.4 >actual &&
	test_cmp expect actual &&
	test "$(row 6 title)" = "Stray, then fixed"
'

test_expect_success 'an empty file aborts' '
	export EDITOR=$TRASH/editors/empty &&
	aborted "add: empty file; nothing added" "impactlog add" &&
	export EDITOR=$TRASH/editors/comments-only &&
	aborted "add: empty file; nothing added" "impactlog add"
'

test_expect_success 'an empty title aborts' '
	export EDITOR=$TRASH/editors/no-title &&
	aborted "add: empty title; nothing added" "impactlog add" &&
	cat >entry <<-\EOF &&
	tag: user-growth
	title:
	share: 140
	EOF
	export EDITOR=$TRASH/editors/entry &&
	aborted "add: empty title; nothing added" "impactlog add"
'

test_expect_success 'an editor that fails or is killed aborts' '
	export EDITOR=$TRASH/editors/fail &&
	aborted "add: editor ${SQ}$EDITOR${SQ} exited with status 1; nothing added" "impactlog add" &&
	# The shell that runs the editor says "Killed" and exits 128 + 9, or
	# says "not found" and exits 127: its line comes before ours.
	for editor in killed:137 missing:127; do
		export EDITOR=$TRASH/editors/${editor%:*} &&
		db_snapshot before &&
		test_must_fail --exit=1 on_terminal "impactlog add" &&
		db_snapshot after &&
		test_cmp before after &&
		tail -n 1 tty.out >actual &&
		echo "impactlog: add: editor ${SQ}$EDITOR${SQ} exited with status ${editor#*:}; nothing added" >expect &&
		test_cmp expect actual || exit 1
	done &&
	ls tmp >left &&
	test_must_be_empty left
'

test_expect_success 'VISUAL comes before EDITOR, unless empty' '
	export VISUAL=$TRASH/editors/visual EDITOR=$TRASH/editors/fail &&
	on_terminal "impactlog add" &&
	test "$(row "$(added)" title)" = "From VISUAL" &&
	export VISUAL= EDITOR=$TRASH/editors/visual &&
	rm -f tty.out &&
	on_terminal "impactlog add" &&
	test "$(row "$(added)" title)" = "From VISUAL" &&
	test "$(count)" = 8
'

test_expect_success 'EDITOR may carry arguments' '
	export EDITOR="$TRASH/editors/with-args --title Sharded" &&
	on_terminal "impactlog add" &&
	echo "added #9" >expect &&
	test_cmp expect tty.out &&
	test "$(row 9 "tag || title")" = "enabled-scaleSharded"
'

test_expect_success 'with neither set, vi' '
	unset VISUAL EDITOR &&
	PATH=$TRASH/editors:$PATH &&
	on_terminal "impactlog add" &&
	test "$(row 10 title)" = "From vi"
'

test_expect_success 'a refused entry that is then abandoned adds nothing' '
	cat >editors/give-up <<-\EOF &&
	#!/bin/sh
	if grep -q "^# error:" "$1"; then
		sed -i -e "s/^title:.*/title:/" "$1"
	else
		sed -i -e "s/^tag:.*/tag: frob/" -e "s/^title:.*/title: T/" "$1"
	fi
	EOF
	chmod +x editors/give-up &&
	export EDITOR=$TRASH/editors/give-up &&
	aborted "add: empty title; nothing added" "impactlog add"
'

test_expect_success 'an entry the database refuses is kept, and the message says where' '
	impactlog --db newer.db init >/dev/null &&
	sqlite3 newer.db "PRAGMA user_version = 99" &&
	db_snapshot newer.before newer.db &&
	export EDITOR=$TRASH/editors/fill &&
	test_must_fail --exit=1 on_terminal "impactlog --db newer.db add" &&
	kept=$(cat path) &&
	cat >expect <<-EOF &&
	impactlog: database ${SQ}newer.db${SQ} has schema version 99, newer than this impactlog${SQ}s $(ls "$SOURCE_DIR"/schema/*.sql | wc -l); upgrade impactlog
	impactlog: add: your entry is kept in ${SQ}$kept${SQ}
	EOF
	test_cmp expect tty.out &&
	grep "^title: Caught a bad migration$" "$kept" &&
	test "$(stat -c %a "$kept")" = 600 &&
	db_snapshot newer.after newer.db &&
	test_cmp newer.before newer.after
'

test_expect_success 'a stored entry leaves no file behind' '
	export EDITOR=$TRASH/editors/fill &&
	on_terminal "impactlog add" &&
	! test -e "$(cat path)"
'

test_expect_success 'nothing written creates no database' '
	rm -f "$IMPACTLOG_DB" &&
	export EDITOR=$TRASH/editors/no-title &&
	test_must_fail --exit=1 on_terminal "impactlog add" &&
	! test -e "$IMPACTLOG_DB"
'

test_expect_success 'not on a terminal, add alone is a usage error' '
	export EDITOR=$TRASH/editors/fill &&
	test_refused 2 "usage: impactlog add TAG TITLE [options] (see ${SQ}impactlog help add${SQ})" \
		impactlog add &&
	test_must_fail --exit=2 on_terminal "impactlog add >out 2>err" &&
	test_must_be_empty out &&
	echo "impactlog: usage: impactlog add TAG TITLE [options] (see ${SQ}impactlog help add${SQ})" >expect &&
	test_cmp expect err &&
	test_must_fail --exit=2 on_terminal "impactlog add </dev/null" &&
	! test -e "$IMPACTLOG_DB"
'

test_done
