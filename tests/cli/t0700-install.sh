#!/usr/bin/env bash
# cmake --install: the program, its man page and shell completions, and the
# man page and completions agreeing with the help they come from.

. "$(dirname "$0")/../lib.sh"

commands=$(impactlog help | sed -n '/^commands:/,/^$/s/^  \([a-z]*\) .*/\1/p')

# The long options `help COMMAND` lists for a command.
options_of () {
	impactlog help "$1" | sed -n '/^options:/,$p' | grep -o -- '--[a-z][a-z-]*' | sort -u
}

test_expect_success 'the help names every command' '
	test "$(echo $commands | wc -w)" -ge 15
'

test_expect_success 'cmake --install lays out the program, man page and completions' '
	test -n "$BUILD_DIR" || { echo "BUILD_DIR is not set (run under ctest)"; exit 1; }
	cmake --install "$BUILD_DIR" --prefix "$TRASH/prefix" >/dev/null &&
	test -x prefix/bin/impactlog &&
	test -f prefix/share/man/man1/impactlog.1 &&
	test -f prefix/share/bash-completion/completions/impactlog &&
	test -f prefix/share/zsh/site-functions/_impactlog &&
	prefix/bin/impactlog --version >out &&
	grep -q "^impactlog [0-9]" out
'

test_expect_success 'the installed man page is the one the program writes' '
	impactlog help --man >expect &&
	test_cmp expect prefix/share/man/man1/impactlog.1
'

test_expect_success 'the man page has every command, option and section' '
	man=prefix/share/man/man1/impactlog.1 &&
	for c in $commands; do
		grep -q "^\.SS \"impactlog $c" $man || { echo "no command $c"; exit 1; }
		for o in $(options_of $c); do
			grep -q -- "^\.B \(.* \)\?${o//-/\\\\-}" $man || { echo "no option $o of $c"; exit 1; }
		done
	done &&
	for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS FILES ENVIRONMENT \
		"EXIT STATUS" EXAMPLES; do
		grep -q "^\.SH \"\?$section\"\?$" $man || { echo "no section $section"; exit 1; }
	done
'

test_expect_success MAN 'man renders the page without warnings' '
	MANWIDTH=80 man --warnings -l prefix/share/man/man1/impactlog.1 >page 2>warnings &&
	test_must_be_empty warnings &&
	grep -q "EXIT STATUS" page
'

test_expect_success 'both completions know every command and option' '
	for file in prefix/share/bash-completion/completions/impactlog \
		prefix/share/zsh/site-functions/_impactlog; do
		for c in $commands; do
			grep -qw -- "$c" $file || { echo "$file: no command $c"; exit 1; }
			for o in $(options_of $c); do
				grep -q -- "$o\b" $file || { echo "$file: no option $o of $c"; exit 1; }
			done
		done
	done
'

# Completion as bash runs it, with the two bash-completion helpers it uses
# stood in for when the package is not installed.
complete_words () {
	bash -c '
		if [ -f /usr/share/bash-completion/bash_completion ]; then
			. /usr/share/bash-completion/bash_completion
		else
			_init_completion () {
				cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
				words=("${COMP_WORDS[@]}") cword=$COMP_CWORD
			}
			_filedir () { COMPREPLY=(); }
		fi
		. "$1"
		shift
		COMP_WORDS=("$@") COMP_CWORD=$(($# - 1))
		_impactlog
		printf "%s\n" "${COMPREPLY[@]}" | sort
	' sh prefix/share/bash-completion/completions/impactlog "$@"
}

test_expect_success 'bash completes commands, options, tags and cycles' '
	complete_words impactlog re >actual &&
	printf "readiness\nremind\nreport\nrestore\n" >expect &&
	test_cmp expect actual &&
	complete_words impactlog add "" >actual &&
	printf "enabled-scale\nprevented-loss\nuser-growth\n" >expect &&
	test_cmp expect actual &&
	complete_words impactlog add x y --sh >actual &&
	echo --share >expect &&
	test_cmp expect actual &&
	complete_words impactlog list --cycle 2026-H >actual &&
	grep -qx 2026-H2 actual &&
	complete_words impactlog list --format "" >actual &&
	printf "csv\njson\ntable\n" >expect &&
	test_cmp expect actual
'

test_done
