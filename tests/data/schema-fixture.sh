#!/usr/bin/env bash
# Makes a longevity fixture, tests/data/schema-vN.db: a database of schema
# version N holding the records of schema-rows.sql, for
# tests/cli/t0830-upgrade.sh to open with today's program.
#
# Usage: tests/data/schema-fixture.sh N COMMIT
#   COMMIT is a commit whose schema/ holds exactly the first N migrations
#   (git log --oneline -- schema/ finds one); their text is taken from
#   there, as it shipped.  The records are written as the impactlog of
#   schema version 2 could have stored them (before the field rules
#   normalised anything), and the migrations after version 2 are then
#   applied over them, as an upgrade would: so schema-v3.db holds old
#   records that 0003-normalise.sql has normalised.  All of it runs in one
#   transaction that ends by setting PRAGMA user_version to N, as src/db.c
#   applies migrations.
set -euo pipefail
n=${1:?usage: schema-fixture.sh N COMMIT}
commit=${2:?usage: schema-fixture.sh N COMMIT}
rows_version=2 # the schema version schema-rows.sql is written for
root=$(git rev-parse --show-toplevel)
out=$root/tests/data/schema-v$n.db

files=$(git -C "$root" ls-tree --name-only "$commit" schema/ | grep '\.sql$' | sort)
if test "$(echo "$files" | wc -l)" -ne "$n"; then
	echo "schema-fixture.sh: $commit has $(echo "$files" | wc -l) migrations, not $n" >&2
	exit 1
fi
rm -f "$out"
{
	echo "PRAGMA foreign_keys = ON;"
	echo "BEGIN;"
	version=0
	for file in $files; do
		git -C "$root" show "$commit:$file"
		version=$((version + 1))
		if test $version -eq $rows_version || { test $version -eq $n && test $n -lt $rows_version; }; then
			cat "$root/tests/data/schema-rows.sql"
		fi
	done
	echo "PRAGMA user_version = $n;"
	echo "COMMIT;"
	echo "VACUUM;"
} | sqlite3 -bail "$out"
echo "$out: schema version $(sqlite3 "$out" 'PRAGMA user_version')"
