#!/usr/bin/env bash
# report --json: the packet a manager's `impactlog team` reads.  Its shape
# read back by Python's json, its achievements the very objects of
# list --format json (numbers exact), every filter and --redact honoured,
# and the output-file rules of every report.

. "$(dirname "$0")/../lib.sh"

# py SCRIPT ARGS...: runs a Python snippet (prerequisite PYTHON3).
py () {
	local script=$1

	shift
	/usr/bin/python3 -c "import json, sys
$script" "$@"
}

test_expect_success 'a missing database is refused, untouched' '
	test_refused 1 "no database at $IMPACTLOG_DB (run ${SQ}impactlog add${SQ} or ${SQ}impactlog init${SQ})" \
		impactlog report --json &&
	! test -e "$IMPACTLOG_DB"
'

test_expect_success 'fixture' '
	impactlog profile --name "Ana Alvarez" --level L6 --track TPM --target-level L7 \
		--manager "Mo Chen" >/dev/null &&
	impactlog add prevented-loss "Caught the failover bug" --date 2026-02-10 --value 100k \
		--share 60 --likelihood 50 --lead-days 20 --team-size 3 --org Payments \
		--org Platform --evidence "INC-4412 postmortem" --witness "Maria Lopez" \
		--note "Secret story" --project Failover >/dev/null &&
	impactlog add user-growth "A third of the signups" --date 2026-01-20 --value 0.1 \
		--unit users --share 33.333333333333336 --evidence "dash-7" >/dev/null &&
	impactlog add enabled-scale "Point three" --date 2025-11-04 --value 0.30000000000000004 \
		--unit rps --baseline 0.1 --witness "Kim Park" >/dev/null &&
	impactlog add prevented-loss "Old risk" --date 2025-08-01 --value 5000 >/dev/null
'

test_expect_success PYTHON3 'the packet: every key SPEC names, with the profile' '
	impactlog report --json >packet.json &&
	py "
d = json.load(open(\"packet.json\"))
assert list(d) == [\"impactlog_packet\", \"generated\", \"profile\", \"period\", \"filters\",
                   \"redacted\", \"achievements\"], list(d)
assert d[\"impactlog_packet\"] == 1 and type(d[\"impactlog_packet\"]) is int
assert d[\"generated\"] == \"$TODAY\", d[\"generated\"]
assert d[\"profile\"] == {\"name\": \"Ana Alvarez\", \"level\": \"L6\", \"track\": \"TPM\",
                        \"target_level\": \"L7\", \"manager\": \"Mo Chen\"}, d[\"profile\"]
assert d[\"period\"] == {\"cycle\": None, \"since\": None, \"until\": None}, d[\"period\"]
assert d[\"filters\"] == {\"tag\": None, \"org\": None, \"project\": None, \"search\": None}
assert d[\"redacted\"] is False
assert len(d[\"achievements\"]) == 4
"
'

test_expect_success PYTHON3 'its achievements are list --format json, numbers read back identical' '
	impactlog report --json >packet.json &&
	impactlog list --format json >list.json &&
	py "
p = json.load(open(\"packet.json\"))[\"achievements\"]
l = json.load(open(\"list.json\"))
assert p == l, (p, l)
by = {a[\"title\"]: a for a in p}
assert by[\"A third of the signups\"][\"share\"] == 33.333333333333336
assert by[\"A third of the signups\"][\"value\"] == 0.1
assert by[\"Point three\"][\"value\"] == 0.1 + 0.2
assert by[\"Caught the failover bug\"][\"evidence\"] == [\"INC-4412 postmortem\"]
" &&
	grep -F "\"share\":33.333333333333336" packet.json &&
	grep -F "\"value\":0.30000000000000004" packet.json
'

test_expect_success 'standard output is the default; -o - is standard output too' '
	impactlog report --json >a.json &&
	impactlog report --json -o - >b.json &&
	test_cmp a.json b.json &&
	grep "^  \"impactlog_packet\": 1,$" a.json
'

test_expect_success PYTHON3 '--cycle states the cycle and its bounds, and keeps only its achievements' '
	impactlog report --json --cycle 2026-H1 >h1.json &&
	impactlog list --format json --cycle 2026-H1 >h1-list.json &&
	py "
d = json.load(open(\"h1.json\"))
assert d[\"period\"] == {\"cycle\": \"2026-H1\", \"since\": \"2026-01-01\", \"until\": \"2026-06-30\"}, d[\"period\"]
assert sorted(a[\"title\"] for a in d[\"achievements\"]) == [\"A third of the signups\", \"Caught the failover bug\"]
assert d[\"achievements\"] == json.load(open(\"h1-list.json\"))
"
'

test_expect_success PYTHON3 '--since/--until inside a cycle narrow the stated period' '
	impactlog report --json --cycle 2025-H2 --since 2025-09-01 >n.json &&
	py "
d = json.load(open(\"n.json\"))
assert d[\"period\"] == {\"cycle\": \"2025-H2\", \"since\": \"2025-09-01\", \"until\": \"2025-12-31\"}, d[\"period\"]
assert [a[\"title\"] for a in d[\"achievements\"]] == [\"Point three\"]
" &&
	impactlog report --json --until 2025-12-31 >u.json &&
	py "
d = json.load(open(\"u.json\"))
assert d[\"period\"] == {\"cycle\": None, \"since\": None, \"until\": \"2025-12-31\"}, d[\"period\"]
assert sorted(a[\"title\"] for a in d[\"achievements\"]) == [\"Old risk\", \"Point three\"]
"
'

test_expect_success PYTHON3 '--tag, --org, --project and --search narrow it and show in filters' '
	impactlog report --json --tag prevented-loss >tag.json &&
	py "
d = json.load(open(\"tag.json\"))
assert d[\"filters\"] == {\"tag\": \"prevented-loss\", \"org\": None, \"project\": None, \"search\": None}
assert sorted(a[\"title\"] for a in d[\"achievements\"]) == [\"Caught the failover bug\", \"Old risk\"]
" &&
	impactlog report --json --org payments --project failover --search failover >f.json &&
	py "
d = json.load(open(\"f.json\"))
assert d[\"filters\"] == {\"tag\": None, \"org\": \"payments\", \"project\": \"failover\", \"search\": \"failover\"}, d[\"filters\"]
assert [a[\"title\"] for a in d[\"achievements\"]] == [\"Caught the failover bug\"]
" &&
	impactlog report --json --tag user-growth --cycle 2025 >none.json &&
	py "
d = json.load(open(\"none.json\"))
assert d[\"achievements\"] == [] and d[\"filters\"][\"tag\"] == \"user-growth\"
"
'

test_expect_success PYTHON3 '--redact: no evidence, no note, witnesses by initials, no search text' '
	impactlog report --json --redact --search failover >r.json &&
	py "
d = json.load(open(\"r.json\"))
assert d[\"redacted\"] is True
assert d[\"filters\"][\"search\"] is None, d[\"filters\"]
a = d[\"achievements\"]
assert len(a) == 1
assert a[0][\"evidence\"] == [] and a[0][\"note\"] is None, a[0]
assert a[0][\"witnesses\"] == [\"M.L.\"], a[0][\"witnesses\"]
assert a[0][\"share\"] == 60 and a[0][\"value\"] == 100000
" &&
	! grep -e "Secret" -e "INC-4412" -e "Maria" -e "\"search\": \"failover\"" r.json
'

test_expect_success '-o FILE writes silently and replaces a 0600 file keeping its mode' '
	echo old >packet.out &&
	chmod 600 packet.out &&
	impactlog report --json -o packet.out >out &&
	test_must_be_empty out &&
	test "$(stat -c %a packet.out)" = 600 &&
	impactlog report --json >expect &&
	test_cmp expect packet.out
'

test_expect_success '-o to the database or its journal is refused, exit 2, nothing written' '
	db_snapshot before.sql &&
	test_refused 2 "report: ${SQ}$IMPACTLOG_DB${SQ} is the database; choose another output file" \
		impactlog report --json -o "$IMPACTLOG_DB" &&
	test_refused_like 2 "is a file of the database" \
		impactlog report --json -o "$IMPACTLOG_DB-wal" &&
	! test -e "$IMPACTLOG_DB-wal" &&
	db_snapshot after.sql &&
	test_cmp before.sql after.sql
'

test_expect_success '-o into a missing folder: exit 1, one line, no file' '
	test_refused 1 "cannot write ${SQ}missing/p.json${SQ}: No such file or directory" \
		impactlog report --json -o missing/p.json &&
	! test -e missing
'

test_expect_success '--json with another format is a wrong command line' '
	test_refused_like 2 "json" impactlog report --json --md
'

test_expect_success 'a packet read back by team gives the report'"'"'s own count' '
	impactlog report --json --cycle 2026-H1 >h1.json &&
	impactlog --db "$TRASH/nowhere/x.db" team h1.json >view &&
	grep "^  People  *1, with 2 achievements$" view &&
	! test -e "$TRASH/nowhere"
'

test_done
