#!/usr/bin/env bash
# Rewrites the report golden files from the fixture, in lib.sh's environment
# (TZ=UTC, NO_COLOR, LC_ALL=C, clock at 2026-03-15).  Run after an intended
# change to the report's layout, then read the diff before committing it.
# Usage: tests/data/report-update-goldens.sh [IMPACTLOG-BINARY]
set -euo pipefail
data=$(cd "$(dirname "$0")" && pwd)
binary=$(realpath "${1:-$data/../../build/impactlog}")
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir "$scratch/bin"
ln -s "$binary" "$scratch/bin/impactlog"
export PATH=$scratch/bin:$PATH HOME=$scratch IMPACTLOG_DB=$scratch/impactlog.db
export TZ=UTC NO_COLOR=1 LC_ALL=C SOURCE_DATE_EPOCH=1773576000
unset XDG_DATA_HOME
cd "$scratch"
. "$data/report-fixture.sh"
report_fixture >/dev/null
impactlog report --cycle 2026-H1 >"$data/report-text.golden"
impactlog report >"$data/report-all-text.golden"
impactlog report --cycle 2026-H1 --md >"$data/report-md.golden"
impactlog report --cycle 2026-H1 --redact >"$data/report-redact-text.golden"

# The hostile fixture: mixed-case units and orgs, formula-looking text,
# extreme values, every tag, in a database of its own.
export IMPACTLOG_DB=$scratch/hostile.db
. "$data/hostile-fixture.sh"
hostile_fixture >/dev/null
hostile_fixture_units >/dev/null
impactlog report >"$data/hostile-text.golden"
impactlog report --md >"$data/hostile-md.golden"

# The demo's half year against the built-in rubric (t0901).
export IMPACTLOG_DB=$scratch/demo.db SOURCE_DATE_EPOCH=1796040000
. "$data/../../scripts/demo-data.sh"
demo_data
impactlog readiness --cycle 2026-H2 >"$data/demo-readiness.golden"
impactlog readiness --cycle 2026-H2 --format json >"$data/demo-readiness.json"
