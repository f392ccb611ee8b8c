#!/usr/bin/env bash
# team PACKET... refuses what is not a packet it can read: one line naming
# the file (and the entry and key where there is one), exit 1 (2 for a
# wrong command line), nothing on standard output, no output file written
# and no database created.

. "$(dirname "$0")/../lib.sh"

# listing FILE: the current folder's entries, hidden ones (a temporary
# file) included, but not the test's own scratch files.
listing () {
	ls -A | grep -v -e '^refused\.' -e '\.list$' >"$1"
}

# refused_packet MESSAGE FILE...: team over FILE... is refused with
# "impactlog: MESSAGE" in every format, to standard output or to a file,
# and leaves no file behind, nor a database.
refused_packet () {
	local message=$1 how

	shift
	listing before.list &&
	for how in "" "--md" "--json" "-o out.txt" "--md -o out.md" "--xlsx out.xlsx" "--xlsx"; do
		test_refused 1 "$message" impactlog team $how "$@" || {
			echo "(with '$how')" >&3
			return 1
		}
	done &&
	listing after.list &&
	test_cmp before.list after.list &&
	! test -e "$IMPACTLOG_DB"
}

# mutate NAME PYTHON: NAME.json is the good packet changed by PYTHON, which
# edits the dict d (prerequisite PYTHON3).
mutate () {
	/usr/bin/python3 -c "import json
d = json.load(open('good.json'))
$2
json.dump(d, open('$1.json', 'w'))"
}

test_expect_success 'fixture: a good packet, made by impactlog' '
	impactlog --db "$TEST_ROOT/own.db" profile --name "Ana Alvarez" --track TPM \
		--target-level L7 >/dev/null &&
	impactlog --db "$TEST_ROOT/own.db" add prevented-loss "Caught the failover bug" \
		--date 2026-02-10 --value 100k --share 60 --evidence "INC-4412 postmortem" >/dev/null &&
	impactlog --db "$TEST_ROOT/own.db" add enabled-scale "Sharded the queue" \
		--date 2026-01-05 --value 9000 --unit rps --baseline 3000 >/dev/null &&
	impactlog --db "$TEST_ROOT/own.db" report --json >good.json &&
	impactlog team good.json >view &&
	grep "^  People  *1, with 2 achievements$" view &&
	rm view
'

test_expect_success 'zero packets is a wrong command line' '
	test_refused 2 "team: no packets (give each person${SQ}s ${SQ}impactlog report --json${SQ} file: impactlog team PACKET...)" \
		impactlog team &&
	test_refused 2 "team: no packets (give each person${SQ}s ${SQ}impactlog report --json${SQ} file: impactlog team PACKET...)" \
		impactlog team --xlsx out.xlsx &&
	! test -e out.xlsx &&
	test_refused_like 2 "unrecognized|unknown" impactlog team --bogus good.json
'

test_expect_success 'a file that is not JSON' '
	printf "{\"impactlog_packet\": 1,\n" >cut.json &&
	refused_packet "cut.json: not valid JSON" good.json cut.json &&
	echo "impactlog_packet = 1" >toml.json &&
	refused_packet "toml.json: not valid JSON" toml.json
'

test_expect_success 'JSON that is not a packet: an array, a lone value, another object' '
	echo "[1, 2]" >array.json &&
	refused_packet "array.json: not an impactlog packet (it is an array; ${SQ}impactlog report --json${SQ} writes a packet, a JSON object)" \
		array.json &&
	echo "\"text\"" >lone.json &&
	refused_packet "lone.json: not an impactlog packet (it is a string; ${SQ}impactlog report --json${SQ} writes a packet, a JSON object)" \
		lone.json &&
	echo "{}" >empty-object.json &&
	refused_packet "empty-object.json: not an impactlog packet (no key ${SQ}impactlog_packet${SQ}; ${SQ}impactlog report --json${SQ} writes one)" \
		empty-object.json &&
	echo "{\"entries\": []}" >jrnl.json &&
	refused_packet "jrnl.json: not an impactlog packet (no key ${SQ}impactlog_packet${SQ}; ${SQ}impactlog report --json${SQ} writes one)" \
		jrnl.json
'

test_expect_success 'an empty file' '
	: >empty.json &&
	refused_packet "empty.json: empty: not a packet (${SQ}impactlog report --json${SQ} writes one)" \
		empty.json
'

test_expect_success PYTHON3 'a newer packet version, however large' '
	mutate v2 "d[\"impactlog_packet\"] = 2" &&
	refused_packet "v2.json: packet version 2 is newer than this impactlog reads (1); upgrade impactlog" \
		good.json v2.json &&
	sed "s/\"impactlog_packet\": 1/\"impactlog_packet\": 99999999999999999999/" good.json >huge.json &&
	refused_packet "huge.json: packet version 1.0e+20 is newer than this impactlog reads (1); upgrade impactlog" \
		huge.json
'

test_expect_success PYTHON3 'a version that is not a number' '
	mutate vs "d[\"impactlog_packet\"] = \"1\"" &&
	refused_packet "vs.json: key ${SQ}impactlog_packet${SQ}: must be the number 1, not a string" vs.json &&
	mutate v0 "d[\"impactlog_packet\"] = 0" &&
	refused_packet "v0.json: key ${SQ}impactlog_packet${SQ}: must be the number 1, not 0" v0.json
'

test_expect_success PYTHON3 'a missing key' '
	mutate nogen "del d[\"generated\"]" &&
	refused_packet "nogen.json: no key ${SQ}generated${SQ}" nogen.json &&
	mutate noach "del d[\"achievements\"]" &&
	refused_packet "noach.json: no key ${SQ}achievements${SQ}" noach.json &&
	mutate noprofile "del d[\"profile\"]" &&
	refused_packet "noprofile.json: no key ${SQ}profile${SQ}" noprofile.json &&
	mutate noid "del d[\"achievements\"][1][\"id\"]" &&
	refused_packet "noid.json: entry 2: no key ${SQ}id${SQ} (the achievement${SQ}s id in its log)" noid.json &&
	mutate notag "del d[\"achievements\"][0][\"tag\"]" &&
	refused_packet "notag.json: entry 1: key ${SQ}tag${SQ}: required (prevented-loss, enabled-scale or user-growth)" \
		notag.json
'

test_expect_success PYTHON3 'a mistyped key' '
	mutate red "d[\"redacted\"] = \"no\"" &&
	refused_packet "red.json: key ${SQ}redacted${SQ}: must be true or false, not a string" red.json &&
	mutate achobj "d[\"achievements\"] = {}" &&
	refused_packet "achobj.json: key ${SQ}achievements${SQ}: must be an array, not an object" achobj.json &&
	mutate pname "d[\"profile\"][\"name\"] = 5" &&
	refused_packet "pname.json: profile: key ${SQ}name${SQ}: must be a string or null, not a number" pname.json &&
	mutate eid "d[\"achievements\"][0][\"id\"] = \"1\"" &&
	refused_packet "eid.json: entry 1: key ${SQ}id${SQ}: must be a whole number from 1, not a string" eid.json &&
	mutate orgs "d[\"achievements\"][1][\"orgs\"] = [\"Payments\", 3]" &&
	refused_packet "orgs.json: entry 2: key ${SQ}orgs${SQ}: must be an array of strings; item 2 is a number" \
		orgs.json &&
	mutate entry "d[\"achievements\"].insert(1, 7)" &&
	refused_packet "entry.json: entry 2: must be an object, not a number" entry.json &&
	mutate gen "d[\"generated\"] = \"2026-13-01\"" &&
	refused_packet "gen.json: key ${SQ}generated${SQ}: ${SQ}2026-13-01${SQ} is not a real calendar day (YYYY-MM-DD)" \
		gen.json
'

test_expect_success PYTHON3 'an unknown key, at the top, in the profile and in an entry' '
	mutate top "d[\"extra\"] = 1" &&
	refused_packet "top.json: unknown key ${SQ}extra${SQ} (a packet has impactlog_packet, generated, profile, period, filters, redacted, achievements)" \
		top.json &&
	mutate pkey "d[\"profile\"][\"email\"] = \"a@example.com\"" &&
	refused_packet "pkey.json: profile: unknown key ${SQ}email${SQ} (profile has name, level, track, target_level, manager)" \
		pkey.json &&
	mutate ekey "d[\"achievements\"][1][\"colour\"] = \"red\"" &&
	refused_packet "ekey.json: entry 2: unknown key ${SQ}colour${SQ} (an achievement has id and the keys of ${SQ}impactlog list --format json${SQ})" \
		ekey.json &&
	printf "{\"impactlog_packet\": 1, \"impactlog_packet\": 1}" >twice.json &&
	refused_packet "twice.json: key ${SQ}impactlog_packet${SQ} appears twice" twice.json
'

test_expect_success PYTHON3 'an achievement that breaks a field rule names the entry and key' '
	mutate neg "d[\"achievements\"][1][\"value\"] = -5" &&
	refused_packet "neg.json: entry 2: key ${SQ}value${SQ}: ${SQ}-5${SQ} is not an amount of 0 or more (e.g. 250000, 250k, 1.2M, 3B)" \
		good.json neg.json &&
	mutate share "d[\"achievements\"][0][\"share\"] = 140" &&
	refused_packet "share.json: entry 1: key ${SQ}share${SQ}: ${SQ}140${SQ} is not a percentage from 0 to 100" \
		share.json &&
	mutate date "d[\"achievements\"][1][\"date\"] = \"2026-02-30\"" &&
	refused_packet "date.json: entry 2: key ${SQ}date${SQ}: ${SQ}2026-02-30${SQ} is not a real calendar day (YYYY-MM-DD)" \
		date.json &&
	mutate future "d[\"achievements\"][1][\"date\"] = \"2027-01-01\"" &&
	refused_packet "future.json: entry 2: key ${SQ}date${SQ}: ${SQ}2027-01-01${SQ} is in the future" \
		future.json &&
	mutate title "d[\"achievements\"][0][\"title\"] = \"x\" * 201" &&
	refused_packet "title.json: entry 1: key ${SQ}title${SQ}: 201 characters; at most 200 are accepted" \
		title.json
'

test_expect_success 'invalid UTF-8' '
	sed "s/Sharded the queue/Sharded \\xc3 queue/" good.json >utf8.json &&
	! iconv -f UTF-8 -t UTF-8 utf8.json >/dev/null 2>&1 &&
	refused_packet "utf8.json: not valid UTF-8" good.json utf8.json
'

test_expect_success 'a 1 GB file is refused, naming the limit' '
	truncate -s 1G big.json &&
	refused_packet "big.json: more than 64 MiB: not a packet impactlog writes" good.json big.json &&
	rm big.json
'

test_expect_success 'more than 64 MiB on standard input is refused too' '
	head -c 70000000 /dev/zero >big.in &&
	test_refused 1 "standard input: more than 64 MiB: not a packet impactlog writes" \
		impactlog team - <big.in &&
	rm big.in
'

test_expect_success 'a folder, and a file that is not there' '
	mkdir folder.json &&
	refused_packet "folder.json: is a folder, not a packet" good.json folder.json &&
	refused_packet "missing.json: cannot open: No such file or directory" missing.json
'

test_expect_success !ROOT 'an unreadable file (not as root, who reads anything)' '
	cp good.json locked.json &&
	chmod 000 locked.json &&
	test_when_finished "chmod 644 locked.json" &&
	refused_packet "locked.json: cannot open: Permission denied" good.json locked.json
'

test_expect_success 'standard input that is not a packet' '
	echo "[]" >in &&
	test_refused 1 "standard input: not an impactlog packet (it is an array; ${SQ}impactlog report --json${SQ} writes a packet, a JSON object)" \
		impactlog team good.json - <in
'

test_expect_success 'a FIFO with a writer is read; one without fails at once, cleanly' '
	mkfifo pipe.json &&
	reap_on_exit &&
	{ cat good.json >pipe.json & } &&
	impactlog team pipe.json >view &&
	wait &&
	grep "^  People  *1, with 2 achievements$" view &&
	start=$(date +%s) &&
	test_refused 1 "pipe.json: empty: not a packet (${SQ}impactlog report --json${SQ} writes one)" \
		impactlog team pipe.json &&
	test $(($(date +%s) - start)) -lt 5
'

test_expect_success 'a bad packet after good ones leaves an existing output file as it was' '
	echo old >kept.txt &&
	test_refused 1 "array.json: not an impactlog packet (it is an array; ${SQ}impactlog report --json${SQ} writes a packet, a JSON object)" \
		impactlog team good.json array.json -o kept.txt &&
	echo old >expect &&
	test_cmp expect kept.txt
'

test_expect_success 'nothing of a refused run is left in the folder' '
	! ls -A | grep -e "^\.out" -e "\.tmp" -e "^impactlog-team\.xlsx$"
'

test_done
