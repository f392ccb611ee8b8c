#!/usr/bin/env bash
# tests/lib.sh itself, as git's t0000-basic.sh tests its test library: each
# case is a small script run on its own, whose output is compared.

. "$(dirname "$0")/../lib.sh"

# run_sub_test NAME: runs NAME.sh, standard input after a line sourcing
# lib.sh, and leaves its output in NAME.out and its status in NAME.status
# (124 when it ran for more than a minute and was stopped, with everything
# it started).  It works in a fresh folder of its own, as every script
# does; $OUTER names this one.
run_sub_test () {
	{
		printf '. "%s/lib.sh"\n' "$test_lib_dir" &&
		cat
	} >"$1.sh" &&
	{
		OUTER=$PWD timeout 60 bash "$1.sh" >"$1.out" 2>&1
		echo $? >"$1.status"
	}
}

test_expect_success 'the closing line counts passed, failed and skipped tests' '
	run_sub_test counts <<-\EOF &&
	test_expect_success "passes" "true"
	test_expect_success "fails" "false"
	test_expect_success NEVER "is skipped" "false"
	test_done
	EOF
	cat >expect <<-\EOF &&
	ok 1 - passes
	not ok 2 - fails
	#	false
	ok 3 # skip is skipped (missing NEVER)
	1 passed, 1 failed, 1 skipped
	EOF
	test_cmp expect counts.out &&
	test "$(cat counts.status)" = 1
'

test_expect_success 'skipped tests alone do not fail the script' '
	run_sub_test skips <<-\EOF &&
	test_expect_success NEVER "one" "false"
	test_expect_success NEVER,ALSO_NEVER "two" "false"
	test_done
	EOF
	cat >expect <<-\EOF &&
	ok 1 # skip one (missing NEVER)
	ok 2 # skip two (missing NEVER,ALSO_NEVER)
	0 passed, 0 failed, 2 skipped
	EOF
	test_cmp expect skips.out &&
	test "$(cat skips.status)" = 0
'

test_expect_success 'test_set_prereq, negation and lists' '
	run_sub_test set <<-\EOF &&
	test_expect_success HAVE "before it is set" "true"
	test_set_prereq HAVE
	test_expect_success HAVE "after it is set" "true"
	test_expect_success !HAVE "negated" "false"
	test_expect_success !NEVER "negated, missing" "true"
	test_expect_success HAVE,NEVER "in a list" "false"
	test_expect_success HAVE,!NEVER "a list met" "true"
	test_expect_success "test_have_prereq in a body" "
		test_have_prereq HAVE && ! test_have_prereq NEVER &&
		! test_have_prereq HAVE,!HAVE,NEVER &&
		test \"\$test_missing_prereq\" = !HAVE,NEVER
	"
	test_done
	EOF
	cat >expect <<-\EOF &&
	ok 1 # skip before it is set (missing HAVE)
	ok 2 - after it is set
	ok 3 # skip negated (missing !HAVE)
	ok 4 - negated, missing
	ok 5 # skip in a list (missing NEVER)
	ok 6 - a list met
	ok 7 - test_have_prereq in a body
	4 passed, 0 failed, 3 skipped
	EOF
	test_cmp expect set.out
'

test_expect_success 'a lazy prerequisite is checked once, when first needed, outside trash/' '
	run_sub_test lazy <<-\EOF &&
	test_lazy_prereq COUNTED "
		echo checked >>\"\$TRASH/checked\" &&
		test -z \"\$(ls -A)\" &&
		test \"\$PWD\" != \"\$TRASH\" &&
		touch litter
	"
	test_lazy_prereq FAILS "false"
	test_expect_success "not checked before" "! test -e checked"
	test_expect_success COUNTED "first" "test \$(wc -l <checked) = 1"
	test_expect_success COUNTED "second" "test \$(wc -l <checked) = 1"
	test_expect_success FAILS "unmet" "false"
	test_expect_success !FAILS "negated" "true"
	test_expect_success "its folder is gone" "! test -e \"\$TEST_ROOT/prereq-COUNTED\""
	test_done
	EOF
	cat >expect <<-\EOF &&
	ok 1 - not checked before
	ok 2 - first
	ok 3 - second
	ok 4 # skip unmet (missing FAILS)
	ok 5 - negated
	ok 6 - its folder is gone
	5 passed, 0 failed, 1 skipped
	EOF
	test_cmp expect lazy.out
'

test_expect_success 'a prerequisite name is capitals, digits and _' '
	run_sub_test badname <<-\EOF &&
	test_expect_success lower "title" "true"
	test_done
	EOF
	echo "bug in the test script: ${SQ}lower${SQ} is not a prerequisite name (A-Z, 0-9, _)" >expect &&
	test_cmp expect badname.out &&
	test "$(cat badname.status)" = 1
'

# met_when PREREQ COMMAND...: PREREQ is met exactly when COMMAND succeeds.
met_when () {
	if "${@:2}" >/dev/null 2>&1; then
		test_have_prereq "$1"
	else
		! test_have_prereq "$1"
	fi
}

test_expect_success 'each known prerequisite is met when what it names is there' '
	met_when PYTHON3 /usr/bin/python3 -c "" &&
	met_when OPENPYXL /usr/bin/python3 -c "import openpyxl" &&
	met_when SQLITE3 command -v sqlite3 &&
	met_when LIBREOFFICE command -v soffice &&
	met_when GNUMERIC command -v ssconvert &&
	met_when SCRIPT sh -c "script --version | grep -q util-linux" &&
	met_when MAN command -v man &&
	met_when ROOT test "$(id -u)" -eq 0
'

test_expect_success 'ROOT and SANITY say what id -u and file modes do' '
	run_sub_test root <<-\EOF &&
	test_expect_success ROOT "root" "test \$(id -u) = 0"
	test_expect_success !ROOT "not root" "test \$(id -u) != 0"
	test_expect_success SANITY "sane" "mkdir d && chmod 555 d && ! test -w d"
	test_done
	EOF
	grep -q "^[0-9] passed, 0 failed, [0-9] skipped$" root.out
'

test_expect_success 'test_when_finished runs after the body, the last registered first' '
	run_sub_test finished <<-\EOF &&
	test_expect_success "passes" "
		test_when_finished \"echo first >>log\" &&
		test_when_finished \"echo second >>log\" &&
		echo body >>log
	"
	test_expect_success "log" "printf \"body\nsecond\nfirst\n\" >expect && test_cmp expect log"
	test_done
	EOF
	tail -n 1 finished.out >actual &&
	echo "2 passed, 0 failed, 0 skipped" >expect &&
	test_cmp expect actual
'

test_expect_success 'test_when_finished runs however the body ends, and sees its variables' '
	run_sub_test ends <<-\EOF &&
	test_expect_success "fails" "
		test_when_finished \"echo fails >>log\" &&
		false
	"
	test_expect_success "exits" "
		test_when_finished \"echo exits >>log\" &&
		exit 3
	"
	test_expect_success "returns" "
		test_when_finished \"echo returns >>log\" &&
		for i in 1; do return 1; done
	"
	test_expect_success "variables" "
		test_when_finished \"echo \\\$word >>log\" &&
		word=late
	"
	test_expect_success "log" "
		printf \"fails\nexits\nreturns\nlate\n\" >expect &&
		test_cmp expect log
	"
	test_done
	EOF
	grep "^\(not \)\?ok" ends.out >actual &&
	cat >expect <<-\EOF &&
	not ok 1 - fails
	not ok 2 - exits
	not ok 3 - returns
	ok 4 - variables
	ok 5 - log
	EOF
	test_cmp expect actual
'

test_expect_success 'a failing cleanup fails the test, and the others still run' '
	run_sub_test cleanup <<-\EOF &&
	test_expect_success "cleanup fails" "
		test_when_finished \"echo ran >>log\" &&
		test_when_finished \"false\" &&
		true
	"
	test_expect_success "log" "echo ran >expect && test_cmp expect log"
	test_done
	EOF
	grep "^\(not \)\?ok" cleanup.out >actual &&
	cat >expect <<-\EOF &&
	not ok 1 - cleanup fails
	ok 2 - log
	EOF
	test_cmp expect actual
'

test_expect_success 'test_when_finished is refused outside a test and in a subshell' '
	run_sub_test outside <<-\EOF &&
	test_when_finished "echo never"
	test_done
	EOF
	echo "bug in the test script: test_when_finished outside a test" >expect &&
	test_cmp expect outside.out &&
	test "$(cat outside.status)" = 1 &&
	run_sub_test subshell <<-\EOF &&
	test_expect_success "subshell" "(test_when_finished \"echo never\")"
	test_done
	EOF
	grep -q "^not ok 1 - subshell$" subshell.out &&
	grep -q "^# > bug in the test script: test_when_finished in a subshell does nothing$" subshell.out
'

# Without the kill, the script would wait for the sleeper to end, until
# timeout stopped both after a minute.
test_expect_success 'reap_on_exit kills what a test left running' '
	run_sub_test reap <<-\EOF &&
	test_expect_success "starts a sleeper" "
		reap_on_exit &&
		{ sleep 300 & } &&
		echo \$! >\"\$OUTER/sleeper\"
	"
	test_done
	EOF
	test "$(cat reap.status)" = 0 &&
	grep -q "^ok 1 - starts a sleeper$" reap.out &&
	sleeper=$(cat sleeper) &&
	test -n "$sleeper" &&
	! kill -0 "$sleeper" 2>/dev/null
'

test_done
