#!/usr/bin/env bash
# help, --help, --version, and how a wrong command line is refused.

. "$(dirname "$0")/../lib.sh"

commands='init add list show edit rm restore profile help version'

test_expect_success 'help lists every command and the tags' '
	impactlog help >out 2>err &&
	test_must_be_empty err &&
	head -n 1 out >first &&
	echo "usage: impactlog [--db PATH] COMMAND [ARGS]" >expect &&
	test_cmp expect first &&
	for c in $commands; do
		grep -q "^  $c  *[a-z]" out || { echo "no $c in help"; exit 1; }
	done &&
	grep -q "^tags: prevented-loss, enabled-scale, user-growth$" out
'

test_expect_success '--help and -h print the same as help' '
	impactlog help >expect &&
	impactlog --help >actual &&
	test_cmp expect actual &&
	impactlog -h >actual &&
	test_cmp expect actual
'

test_expect_success 'help --help is the help of help' '
	impactlog help help >expect &&
	impactlog help --help >actual &&
	test_cmp expect actual &&
	head -n 1 actual >first &&
	echo "usage: impactlog help [COMMAND]" >expect &&
	test_cmp expect first
'

test_expect_success 'help output fits 80 columns' '
	for c in "" $commands; do
		impactlog help $c || exit 1
	done >out &&
	! grep -n ".\{81\}" out
'

test_expect_success 'help COMMAND prints its usage line' '
	impactlog help show >actual &&
	cat >expect <<-\EOF &&
	usage: impactlog show ID

	every field of one achievement
	EOF
	test_cmp expect actual &&
	impactlog help add >out &&
	head -n 1 out >actual &&
	echo "usage: impactlog add TAG TITLE [options]" >expect &&
	test_cmp expect actual &&
	for option in date tag title value unit baseline share team-size likelihood \
		lead-days confidence project org evidence witness note; do
		grep -q "^  --$option " out || { echo "no --$option"; exit 1; }
	done
'

test_expect_success 'COMMAND --help and COMMAND -h are help COMMAND' '
	for c in $commands; do
		impactlog help $c >expect &&
		impactlog $c --help >actual &&
		test_cmp expect actual &&
		impactlog $c -h >actual &&
		test_cmp expect actual || exit 1
	done
'

test_expect_success '--help after other arguments still helps and writes nothing' '
	impactlog add user-growth "Launch" --value 5 --help >actual &&
	impactlog help add >expect &&
	test_cmp expect actual &&
	db_snapshot after &&
	echo "no database" >expect &&
	test_cmp expect after
'

test_expect_success 'help never opens the database' '
	impactlog --db "$TRASH/no/such/folder/x.db" help >/dev/null &&
	impactlog --db "$TRASH/no/such/folder/x.db" --version >/dev/null &&
	! test -e "$TRASH/no"
'

test_expect_success '--version prints the name and version' '
	impactlog --version >actual &&
	grep -Eq "^impactlog [0-9]+\.[0-9]+\.[0-9]+( \(.*\))?$" actual &&
	test "$(wc -l <actual)" -eq 1 &&
	impactlog -V >again &&
	test_cmp actual again &&
	impactlog version >again &&
	test_cmp actual again
'

test_expect_success 'unknown command: exit 2, one line, nothing created' '
	test_refused 2 "${SQ}frobnicate${SQ} is not a command (see ${SQ}impactlog help${SQ})" \
		impactlog frobnicate
'

test_expect_success 'a command name is matched exactly' '
	test_refused 2 "${SQ}List${SQ} is not a command (see ${SQ}impactlog help${SQ})" \
		impactlog List &&
	test_refused 2 "${SQ}ad${SQ} is not a command (see ${SQ}impactlog help${SQ})" \
		impactlog ad user-growth x
'

test_expect_success 'no command: exit 2 with the usage line' '
	test_refused 2 "usage: impactlog [--db PATH] COMMAND [ARGS] (see ${SQ}impactlog help${SQ})" \
		impactlog &&
	test_refused 2 "usage: impactlog [--db PATH] COMMAND [ARGS] (see ${SQ}impactlog help${SQ})" \
		impactlog --db x.db &&
	! test -e x.db
'

test_expect_success 'unknown global option: exit 2' '
	test_refused 2 "unknown option ${SQ}--frob${SQ} (see ${SQ}impactlog help${SQ})" \
		impactlog --frob list &&
	test_refused 2 "unknown option ${SQ}-x${SQ} (see ${SQ}impactlog help${SQ})" \
		impactlog -x
'

test_expect_success 'unknown option of a command: exit 2, names the command' '
	test_refused 2 "list: unknown option ${SQ}--frob${SQ} (see ${SQ}impactlog help list${SQ})" \
		impactlog list --frob &&
	test_refused 2 "add: unknown option ${SQ}-x${SQ} (see ${SQ}impactlog help add${SQ})" \
		impactlog add user-growth Launch -x &&
	test_refused 2 "show: unknown option ${SQ}--all${SQ} (see ${SQ}impactlog help show${SQ})" \
		impactlog show --all 1
'

test_expect_success 'an option that needs a value says so' '
	test_refused 2 "add: option ${SQ}--value${SQ} needs a value" \
		impactlog add user-growth Launch --value &&
	test_refused 2 "option ${SQ}--db${SQ} needs a value" impactlog list --db
'

test_expect_success 'help for an unknown command: exit 2' '
	test_refused 2 "help: ${SQ}frob${SQ} is not a command (see ${SQ}impactlog help${SQ})" \
		impactlog help frob
'

test_expect_success 'extra arguments: exit 2 with the usage line' '
	test_refused 2 "usage: impactlog help [COMMAND] (see ${SQ}impactlog help help${SQ})" \
		impactlog help add list &&
	test_refused 2 "usage: impactlog version (see ${SQ}impactlog help version${SQ})" \
		impactlog version now &&
	test_refused 2 "usage: impactlog init (see ${SQ}impactlog help init${SQ})" \
		impactlog init now
'

test_expect_success 'exit codes: 0 success, 2 command line, 1 everything else' '
	impactlog add user-growth "Launch" >/dev/null &&
	test_must_fail --exit=2 impactlog show 1 2 2>/dev/null &&
	test_must_fail --exit=1 impactlog show 2 2>/dev/null &&
	test_must_fail --exit=1 impactlog --db "$TRASH/missing.db" list 2>/dev/null
'

test_expect_success '"--" ends the options' '
	test_refused 2 "list: unexpected argument ${SQ}--db${SQ} (see ${SQ}impactlog help list${SQ})" \
		impactlog list -- --db x.db
'

test_done
