#!/usr/bin/env bash
# team PACKET...: a manager's view of three people's packets, each made by
# impactlog itself from its own database.  Two of them claim one outcome
# through a shared evidence item (60 % + 70 %): the over-claim is found in
# every format; the people rows and team totals are checked against numbers
# computed here, in Python, from the packets; readiness against what
# `impactlog readiness` says over each person's own database.

. "$(dirname "$0")/../lib.sh"

# The people's numbers and the team totals, computed from the packets
# alone: team_expect.py [--tag T] [--since D] [--until D] PACKET... >expect.
# The same JSON subset is cut from team --json by team_actual.py, so that
# test_cmp shows what differs.
cat >"$TEST_ROOT/team_expect.py" <<-\EOF
import json, sys

args = sys.argv[1:]
tag = since = until = None
while args and args[0].startswith("--"):
    opt, val = args[0], args[1]
    args = args[2:]
    if opt == "--tag": tag = val
    elif opt == "--since": since = val
    elif opt == "--until": until = val
people, entries = [], []
for n, path in enumerate(args):
    packet = json.load(open(path))
    name = packet["profile"]["name"]
    mine = [a for a in packet["achievements"]
            if (tag is None or a["tag"] == tag) and (since is None or a["date"] >= since)
            and (until is None or a["date"] <= until)]
    def attributed(a):
        if a["value"] is None: return None
        v = a["value"] * a["share"] / 100
        if a["tag"] == "prevented-loss": v = v * (100 if a["likelihood"] is None else a["likelihood"]) / 100
        return v
    per_unit = {}
    for a in mine:
        if attributed(a) is not None:
            per_unit[a["unit"]] = per_unit.get(a["unit"], 0) + attributed(a)
    people.append({
        "name": name,
        "achievements": len(mine),
        "by_tag": [sum(a["tag"] == t for a in mine)
                   for t in ("prevented-loss", "enabled-scale", "user-growth")],
        "attributed": {u: float(round(v, 6)) for u, v in per_unit.items()},
        "distinct_orgs": len({o.lower() for a in mine for o in a["orgs"]}),
        "multi_org": sum(len(a["orgs"]) >= 2 for a in mine),
        "with_evidence": sum(bool(a["evidence"]) for a in mine),
        "with_witness": sum(bool(a["witnesses"]) for a in mine),
        "full_share_of_team": sum(a["share"] == 100 and a["team_size"] > 1 for a in mine),
    })
    for a in mine:
        entries.append((n, a, attributed(a)))
# Outcomes: achievements of different people with the same tag and an
# evidence item in common (trimmed, without case) are one, linked through
# each other; counted once per tag and unit, at the largest value.
parent = list(range(len(entries)))
def find(i):
    while parent[i] != i: i = parent[i]
    return i
by_key = {}
for i, (n, a, _) in enumerate(entries):
    for e in a["evidence"]:
        by_key.setdefault((a["tag"], e.strip().lower()), []).append(i)
for members in by_key.values():
    if len({entries[i][0] for i in members}) >= 2:
        for i in members[1:]:
            parent[find(i)] = find(members[0])
totals = {}
for i, (n, a, attr) in enumerate(entries):
    key = (a["tag"], a["unit"] or "")
    t = totals.setdefault(key, {"achievements": 0, "attributed": 0.0, "outcomes": {}})
    t["achievements"] += 1
    t["attributed"] += attr or 0
    root = find(i)
    t["outcomes"][root] = max(t["outcomes"].get(root, 0), a["value"] or 0)
out = {"people": people, "totals": sorted(
    [{"tag": k[0], "unit": k[1], "achievements": t["achievements"],
      "outcomes": len(t["outcomes"]), "outcome": float(round(sum(t["outcomes"].values()), 6)),
      "attributed": float(round(t["attributed"], 6))} for k, t in totals.items()],
    key=lambda x: (x["tag"], x["unit"]))}
print(json.dumps(out, indent=1, sort_keys=True))
EOF

cat >"$TEST_ROOT/team_actual.py" <<-\EOF
import json, sys

d = json.load(open(sys.argv[1]))
people = [{
    "name": p["name"], "achievements": p["achievements"],
    "by_tag": [p["prevented-loss"], p["enabled-scale"], p["user-growth"]],
    "attributed": {a["unit"]: float(round(a["attributed"], 6)) for a in p["attributed"]},
    "distinct_orgs": p["distinct_orgs"], "multi_org": p["multi_org"],
    "with_evidence": p["with_evidence"], "with_witness": p["with_witness"],
    "full_share_of_team": p["full_share_of_team"]} for p in d["people"]]
totals = sorted([{"tag": t["tag"], "unit": t["unit"] or "", "achievements": t["achievements"],
                  "outcomes": t["outcomes"], "outcome": float(round(t["outcome"], 6)),
                  "attributed": float(round(t["attributed"], 6))} for t in d["totals"]],
                key=lambda x: (x["tag"], x["unit"]))
print(json.dumps({"people": people, "totals": totals}, indent=1, sort_keys=True))
EOF

# check_numbers [FILTERS] -- PACKET...: team --json with FILTERS over the
# packets gives the numbers computed independently from them.
check_numbers () {
	local filters=()

	while test "$1" != --; do filters+=("$1"); shift; done
	shift
	impactlog team "${filters[@]}" --json "$@" >view.json &&
	/usr/bin/python3 "$TEST_ROOT/team_expect.py" "${filters[@]}" "$@" >numbers.expect &&
	/usr/bin/python3 "$TEST_ROOT/team_actual.py" view.json >numbers.actual &&
	test_cmp numbers.expect numbers.actual
}

# readiness_of DB [FILTERS]: "met measurable" by impactlog readiness over
# the person's own database.
readiness_of () {
	local db=$1

	shift
	impactlog --db "$db" readiness --format json "$@" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sum(x["met"] is True for x in d), sum(x["met"] is not None for x in d))'
}

# team_readiness VIEW.json NAME: "met measurable" the team view gives NAME.
team_readiness () {
	/usr/bin/python3 -c '
import json, sys
p = [p for p in json.load(open(sys.argv[1]))["people"] if p["name"] == sys.argv[2]][0]
print(p["readiness"]["met"], p["readiness"]["measurable"])' "$@"
}

test_expect_success 'three people, each with a log of their own' '
	impactlog --db ana.db profile --name "Ana Alvarez" --level L6 --track TPM \
		--target-level L7 >/dev/null &&
	impactlog --db ana.db add prevented-loss "Caught the failover bug" --date 2026-02-10 \
		--value 100k --share 60 --likelihood 50 --lead-days 20 --team-size 3 \
		--org Payments --org Platform --evidence "INC-4412 postmortem" \
		--witness "Maria Lopez" >/dev/null &&
	impactlog --db ana.db add enabled-scale "Sharded the queue" --date 2026-01-05 \
		--value 9000 --unit rps --baseline 3000 --org platform --evidence doc-1 >/dev/null &&
	impactlog --db ana.db add user-growth "Onboarding revamp" --date 2025-10-01 \
		--value 20k --share 50 --team-size 2 --org Growth --evidence dash-7 \
		--witness "Kim Park" >/dev/null &&
	impactlog --db ben.db profile --name "Ben Brown" --level L5 --track SWE \
		--target-level L6 >/dev/null &&
	impactlog --db ben.db add prevented-loss "Fixed the failover" --date 2026-02-11 \
		--value 120k --share 70 --likelihood 80 --lead-days 3 --team-size 3 \
		--org Payments --evidence "inc-4412 postmortem " --witness "Ana Alvarez" >/dev/null &&
	impactlog --db ben.db add user-growth "Referral emails" --date 2026-03-01 --value 5000 \
		--share 100 --team-size 4 >/dev/null &&
	impactlog --db cy.db profile --name "Cy Chen" --level L7 --track PM >/dev/null &&
	impactlog --db cy.db add user-growth "Onboarding experiments" --date 2025-10-02 \
		--value 25k --share 50 --team-size 2 --org growth --org Search \
		--evidence "DASH-7" >/dev/null &&
	impactlog --db cy.db add prevented-loss "Fraud rule" --date 2026-03-02 --value 0.1 \
		--share 33.333333333333336 --evidence "INC-9000" >/dev/null &&
	for p in ana ben cy; do
		impactlog --db $p.db report --json >$p.json || return 1
	done
'

test_expect_success 'text: the over-claim at 130 %, with both claims' '
	impactlog team ana.json ben.json cy.json >view.txt &&
	sed -n "/^OVER-CLAIMS$/,/^PEOPLE$/p" view.txt >over &&
	cat >over.expect <<-\EOF &&
	OVER-CLAIMS
	  prevented-loss, evidence ${SQ}INC-4412 postmortem${SQ}: shares add up to 130%
	    Person       ID  Title                    Share  Attributed
	    Ana Alvarez  #1  Caught the failover bug    60%        $30k
	    Ben Brown    #1  Fixed the failover         70%        $67k

	PEOPLE
	EOF
	sed "s/\${SQ}/$SQ/g" over.expect >over.expect2 &&
	test_cmp over.expect2 over &&
	grep "^  People  *3, with 7 achievements$" view.txt &&
	grep "^  Generated  *$TODAY$" view.txt
'

test_expect_success 'text: one row per person, as the packets add up' '
	impactlog team ana.json ben.json cy.json >view.txt &&
	grep -E "^  Ana Alvarez  L6 → L7  TPM +1 +1 +1 +3 +1 +100% +66.7% +1 +" view.txt &&
	grep -E "^  Ben Brown +L5 → L6  SWE +1 +0 +1 +1 +0 +50% +50% +3 +" view.txt &&
	grep -E "^  Cy Chen +L7 +PM +1 +0 +1 +2 +1 +100% +0% +2 +- +13k users, \\\$0.03$" view.txt &&
	grep -E "^  Ana Alvarez .* \\\$30k, 10k users, 9k rps$" view.txt &&
	grep -E "^  Ben Brown .* \\\$67k, 5k users$" view.txt
'

test_expect_success 'a shared outcome that is not over-claimed counts once in the totals' '
	impactlog team ana.json ben.json cy.json >view.txt &&
	sed -n "/^TEAM TOTALS$/,/^NOTES$/p" view.txt >totals &&
	grep -E "^  prevented-loss  USD +3 +2 +\\\$120k +\\\$97k$" totals &&
	grep -E "^  user-growth +users +3 +2 +30k users +28k users$" totals &&
	grep -E "^  enabled-scale +rps +1 +1 +9k rps +9k rps$" totals &&
	! grep "dash-7" view.txt
'

test_expect_success PYTHON3 'JSON: people and totals equal the numbers computed from the packets' '
	check_numbers -- ana.json ben.json cy.json &&
	/usr/bin/python3 -c "
import json
d = json.load(open(\"view.json\"))
assert len(d[\"overclaims\"]) == 1, d[\"overclaims\"]
o = d[\"overclaims\"][0]
assert o[\"tag\"] == \"prevented-loss\" and o[\"total_share\"] == 130, o
assert o[\"evidence\"] == \"INC-4412 postmortem\", o[\"evidence\"]
claims = [(c[\"person\"], c[\"id\"], c[\"title\"], c[\"share\"], c[\"attributed\"], c[\"unit\"]) for c in o[\"claims\"]]
assert claims == [(\"Ana Alvarez\", 1, \"Caught the failover bug\", 60, 30000, \"USD\"),
                  (\"Ben Brown\", 1, \"Fixed the failover\", 70, 67200, \"USD\")], claims
assert d[\"notes\"] == [] and d[\"redacted_packets\"] == 0
assert d[\"generated\"] == \"$TODAY\"
"
'

test_expect_success 'Markdown: the over-claim and the people in tables' '
	impactlog team ana.json ben.json cy.json --md >view.md &&
	grep "^\*\*prevented-loss, evidence ${SQ}INC-4412 postmortem${SQ}: shares add up to 130%\*\*$" view.md &&
	grep "^| Ana Alvarez | #1 | Caught the failover bug | 60% | \$30k |$" view.md &&
	grep "^| Ben Brown | #1 | Fixed the failover | 70% | \$67k |$" view.md &&
	grep "^| Cy Chen | L7 | PM | 1 | 0 | 1 | 2 | 1 | 100% | 0% |" view.md &&
	test "$(grep -c "^## " view.md)" = 4
'

test_expect_success PYTHON3 'readiness is what impactlog readiness gives over each own log' '
	impactlog team ana.json ben.json cy.json --json >view.json &&
	test "$(team_readiness view.json "Ana Alvarez")" = "$(readiness_of ana.db)" &&
	test "$(team_readiness view.json "Ben Brown")" = "$(readiness_of ben.db)" &&
	read met measurable <<-EOF &&
	$(readiness_of ana.db)
	EOF
	test "$measurable" -gt 0 &&
	grep -E "^  Ana Alvarez .*  $met of $measurable  " <(impactlog team ana.json ben.json cy.json)
'

test_expect_success PYTHON3 'with --cycle, readiness is the one of that cycle in the own log' '
	impactlog team --cycle 2026-H1 ana.json ben.json cy.json --json >view.json &&
	test "$(team_readiness view.json "Ana Alvarez")" = "$(readiness_of ana.db --cycle 2026-H1)" &&
	test "$(team_readiness view.json "Ben Brown")" = "$(readiness_of ben.db --cycle 2026-H1)"
'

test_expect_success PYTHON3 'no target level: readiness says why, not a number' '
	impactlog team ana.json ben.json cy.json --json >view.json &&
	/usr/bin/python3 -c "
import json
p = [p for p in json.load(open(\"view.json\"))[\"people\"] if p[\"name\"] == \"Cy Chen\"][0]
assert p[\"readiness\"][\"met\"] is None and p[\"readiness\"][\"unavailable\"], p[\"readiness\"]
" &&
	grep -E "^  Cy Chen .*  -  " <(impactlog team ana.json ben.json cy.json)
'

test_expect_success PYTHON3 '--rubric FILE measures against that rubric instead' '
	cat >rubric.csv <<-\EOF &&
	id,track,level,dimension,expectation,measure,where,at_least,source
	t-loss,TPM,L7,Foresight,Losses prevented,count,tag=prevented-loss,1,
	t-growth,TPM,L7,Impact,Growth,count,tag=user-growth,2,
	EOF
	impactlog team --rubric rubric.csv ana.json ben.json --json >view.json &&
	test "$(team_readiness view.json "Ana Alvarez")" = "1 2" &&
	grep -E "^  Ana Alvarez .*  1 of 2  " <(impactlog team --rubric rubric.csv ana.json ben.json) &&
	impactlog --db ana.db rubric import rubric.csv >/dev/null &&
	test "$(readiness_of ana.db)" = "1 2" &&
	impactlog --db ana.db rubric reset >/dev/null
'

test_expect_success PYTHON3 '--tag narrows every packet, and the view says so' '
	check_numbers --tag prevented-loss -- ana.json ben.json cy.json &&
	impactlog team --tag prevented-loss ana.json ben.json cy.json >view.txt &&
	grep "^  People  *3, with 3 achievements$" view.txt &&
	grep "^  Counted  *only tag prevented-loss$" view.txt &&
	grep "shares add up to 130%" view.txt &&
	! grep -E "^  (user-growth|enabled-scale) " view.txt &&
	impactlog team --tag user-growth ana.json ben.json cy.json >view.txt &&
	grep "^  None: no outcome is claimed past 100 % by the people together\.$" view.txt
'

test_expect_success PYTHON3 '--cycle, --since and --until narrow every packet' '
	check_numbers --since 2026-01-01 --until 2026-06-30 -- ana.json ben.json cy.json &&
	impactlog team --cycle 2026-H1 ana.json ben.json cy.json >cycle.txt &&
	grep "^  Counted  *only 2026-H1 (2026-01-01 to 2026-06-30)$" cycle.txt &&
	grep "^  People  *3, with 5 achievements$" cycle.txt &&
	check_numbers --since 2026-02-11 -- ana.json ben.json cy.json &&
	check_numbers --until 2026-02-10 -- ana.json ben.json cy.json &&
	impactlog team --until 2026-02-10 ana.json ben.json cy.json >view.txt &&
	grep "^  None: no outcome" view.txt
'

test_expect_success 'packets of a cycle state their period' '
	for p in ana ben; do
		impactlog --db $p.db report --json --cycle 2026-H1 >$p-h1.json || return 1
	done &&
	impactlog team ana-h1.json ben-h1.json >view.txt &&
	grep "^  Period  *2026-H1 (2026-01-01 to 2026-06-30)$" view.txt &&
	grep "shares add up to 130%" view.txt
'

test_expect_success 'needs no database, and never creates one' '
	impactlog --db /nonexistent/dir/x.db team ana.json ben.json >a.txt &&
	! test -e /nonexistent/dir &&
	IMPACTLOG_DB=$TRASH/none/y.db impactlog team ana.json ben.json >b.txt &&
	! test -e "$TRASH/none" &&
	! test -e "$IMPACTLOG_DB" &&
	test_cmp a.txt b.txt &&
	grep "shares add up to 130%" a.txt
'

test_expect_success '-o FILE writes the view silently, replacing a file and keeping its mode' '
	impactlog team ana.json ben.json cy.json >expect &&
	echo old >view.out && chmod 600 view.out &&
	impactlog team ana.json ben.json cy.json -o view.out >out &&
	test_must_be_empty out &&
	test_cmp expect view.out &&
	test "$(stat -c %a view.out)" = 600 &&
	impactlog team --md -o view.md ana.json ben.json cy.json &&
	impactlog team --md ana.json ben.json cy.json >expect.md &&
	test_cmp expect.md view.md
'

test_expect_success 'a packet on standard input as -' '
	impactlog team ana.json ben.json cy.json >expect &&
	impactlog team - ben.json cy.json <ana.json >actual &&
	test_cmp expect actual &&
	test_refused 2 "team: standard input (${SQ}-${SQ}) given twice" impactlog team - - <ana.json
'

test_expect_success 'two packets of one person and period: the later generated wins, said once' '
	impactlog --db ana.db add enabled-scale "Read replicas" --date 2026-03-10 --value 4000 \
		--unit rps --baseline 1000 --evidence doc-2 >/dev/null &&
	SOURCE_DATE_EPOCH=$((SOURCE_DATE_EPOCH + 86400)) impactlog --db ana.db report --json >ana-new.json &&
	grep "\"generated\": \"2026-03-16\"" ana-new.json &&
	for order in "ana-new.json ana.json" "ana.json ana-new.json"; do
		impactlog team $order ben.json >view.txt &&
		grep "^  People  *2, with 6 achievements$" view.txt &&
		grep -E "^  Ana Alvarez .* \\\$30k, 13k rps, 10k users$" view.txt &&
		test "$(grep -c "replaces" view.txt)" = 1 &&
		impactlog team $order ben.json --md >view.md &&
		grep "^- Ana Alvarez: ana-new.json (generated 2026-03-16) replaces ana.json (generated $TODAY)$" view.md ||
		return 1
	done &&
	impactlog team ana.json ana-new.json ben.json --json >view.json &&
	grep -c "replaces" view.json >count &&
	echo 1 >count.expect &&
	test_cmp count.expect count
'

test_expect_success 'the same person over two periods is two rows, each labelled by its period' '
	impactlog team ana.json ana-h1.json ben.json >view.txt &&
	! grep replaces view.txt &&
	grep "^  Ana Alvarez (all time) " view.txt &&
	grep "^  Ana Alvarez (2026-H1 (2026-01-01 to 2026-06-30)) " view.txt
'

test_expect_success 'a redacted packet: the view says over-claims cannot be matched' '
	impactlog --db ana.db report --json --redact >ana-r.json &&
	for format in --text --md; do
		impactlog team $format ana-r.json ben.json >view &&
		! grep "None: no outcome" view &&
		! grep "shares add up to" view &&
		grep "Cannot be matched: 1 of 2 packets are redacted" view &&
		grep "1 of 2 packets are redacted: their achievements have no evidence" view ||
		return 1
	done &&
	impactlog team ana-r.json ben.json cy.json >view &&
	grep "^  None among the 2 packets with evidence; 1 redacted packet cannot be matched\.$" view &&
	grep -E "^  Ana Alvarez .* redacted " view &&
	impactlog team ana-r.json ben.json --json >view.json &&
	grep "\"redacted_packets\": 1," view.json
'

test_expect_success 'the view is the same whatever the order of the over-claim'"'"'s packets' '
	impactlog team --json ana.json ben.json >ab.json &&
	impactlog team --json ben.json ana.json >ba.json &&
	grep -c "\"total_share\": 130" ab.json >n1 &&
	grep -c "\"total_share\": 130" ba.json >n2 &&
	test_cmp n1 n2 &&
	echo 1 >one &&
	test_cmp one n1
'

test_expect_success PYTHON3 'over-claims are sorted by their excess, largest first' '
	impactlog --db ben.db add enabled-scale "Cache tier" --date 2026-03-03 --value 800 \
		--unit rps --baseline 200 --share 90 --evidence "Cache design" >/dev/null &&
	impactlog --db cy.db add enabled-scale "Cache rollout" --date 2026-03-04 --value 900 \
		--unit rps --baseline 200 --share 60 --evidence "cache DESIGN" >/dev/null &&
	impactlog --db ben.db report --json >ben2.json &&
	impactlog --db cy.db report --json >cy2.json &&
	impactlog team ana.json ben2.json cy2.json >view.txt &&
	grep "shares add up to" view.txt >lines &&
	cat >lines.expect <<-EOF &&
	  enabled-scale, evidence ${SQ}Cache design${SQ}: shares add up to 150%
	  prevented-loss, evidence ${SQ}INC-4412 postmortem${SQ}: shares add up to 130%
	EOF
	test_cmp lines.expect lines &&
	impactlog team ana.json ben2.json cy2.json --json >view.json &&
	/usr/bin/python3 -c "
import json
d = json.load(open(\"view.json\"))
assert [o[\"total_share\"] for o in d[\"overclaims\"]] == [150, 130], d[\"overclaims\"]
t = [t for t in d[\"totals\"] if t[\"tag\"] == \"enabled-scale\"][0]
assert (t[\"achievements\"], t[\"outcomes\"], t[\"outcome\"]) == (3, 2, 9900), t
" &&
	check_numbers -- ana.json ben2.json cy2.json
'

test_done
