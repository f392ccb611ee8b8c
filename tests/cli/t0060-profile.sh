#!/usr/bin/env bash
# profile [--name] [--level] [--track] [--target-level] [--manager]

. "$(dirname "$0")/../lib.sh"

test_expect_success 'printing the profile on a missing database: exit 1, nothing created' '
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog profile &&
	! test -e "$IMPACTLOG_DB"
'

test_expect_success 'an unset profile prints its labels alone' '
	impactlog init >/dev/null &&
	impactlog profile >actual &&
	cat >expect <<-\EOF &&
	name:
	level:
	track:
	target_level:
	manager:
	EOF
	test_cmp expect actual
'

test_expect_success 'printing writes nothing' '
	db_snapshot before &&
	impactlog profile >/dev/null &&
	db_snapshot after &&
	test_cmp before after
'

test_expect_success 'setting fields prints the whole profile' '
	impactlog profile --name "Example Engineer" --level L6 --track TPM --target-level L7 \
		--manager "Director of Platform Programs" >actual &&
	cat >expect <<-\EOF &&
	name:          Example Engineer
	level:         L6
	track:         TPM
	target_level:  L7
	manager:       Director of Platform Programs
	EOF
	test_cmp expect actual &&
	impactlog profile >again &&
	test_cmp expect again
'

test_expect_success 'one field changes, the rest stay' '
	impactlog profile --level L7 --target-level=L8 >actual &&
	cat >expect <<-\EOF &&
	name:          Example Engineer
	level:         L7
	track:         TPM
	target_level:  L8
	manager:       Director of Platform Programs
	EOF
	test_cmp expect actual
'

test_expect_success 'an empty value clears a field' '
	impactlog profile --manager "" >actual &&
	tail -n 1 actual >last &&
	echo "manager:" >expect &&
	test_cmp expect last &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT manager IS NULL FROM profile")" = 1
'

test_expect_success 'text is kept verbatim: Unicode, quotes, formula-like' '
	impactlog profile --name "=Équipe \"Sécurité\" Lead" --track "+1 PM" >/dev/null &&
	impactlog profile >out &&
	grep -qx "name:          =Équipe \"Sécurité\" Lead" out &&
	grep -qx "track:         +1 PM" out
'

test_expect_success 'setting the profile creates the database' '
	impactlog --db "$TRASH/new/p.db" profile --name Engineer >out &&
	test -f "$TRASH/new/p.db" &&
	head -n 1 out >actual &&
	echo "name:          Engineer" >expect &&
	test_cmp expect actual
'

test_expect_success 'bad values are refused, changing nothing' '
	test_refused 2 "--level: 201 characters; at most 200 are accepted" \
		impactlog profile --level "$(printf "x%.0s" $(seq 201))" &&
	test_refused 2 "--name: not valid UTF-8" impactlog profile --name "$(printf "Engineer\xff")" &&
	test_refused 2 "--track: must be one line without control characters" \
		impactlog profile --track "$(printf "a\nb")" &&
	test_refused 2 "--manager: must be one line without control characters" \
		impactlog profile --manager "$(printf "a\033[2Jb")" &&
	test_refused 2 "--name: must be one line without control characters" \
		impactlog profile --level L9 --name "$(printf "a\tb")"
'

test_expect_success 'a 200-character value is accepted, counted in characters' '
	name=$(printf "é%.0s" $(seq 200)) &&
	impactlog profile --name "$name" >/dev/null &&
	test "$(sqlite3 "$IMPACTLOG_DB" "SELECT name FROM profile")" = "$name"
'

test_expect_success 'unknown option, extra argument, missing value: exit 2' '
	test_refused 2 "profile: unknown option ${SQ}--title${SQ} (see ${SQ}impactlog help profile${SQ})" \
		impactlog profile --title x &&
	test_refused 2 "usage: impactlog profile [options] (see ${SQ}impactlog help profile${SQ})" \
		impactlog profile Engineer &&
	test_refused 2 "profile: option ${SQ}--name${SQ} needs a value" impactlog profile --name
'

test_expect_success 'a refused change on a missing database creates nothing' '
	test_refused 2 "--name: not valid UTF-8" \
		impactlog --db "$TRASH/absent.db" profile --name "$(printf "\xff")" &&
	! test -e absent.db
'

test_done
