# bash completion for impactlog                              -*- shell-script -*-
# Commands, options, tags, cycles, formats and files.

_impactlog_options()
{
	case $1 in
	add | edit)
		[ "$1" = add ] && echo --json
		echo "--date --tag --title --value --unit --baseline --share --team-size" \
			"--likelihood --lead-days --confidence --project --org --evidence" \
			"--witness --note" ;;
	list) echo "--tag --cycle --since --until --org --project --search --deleted --format" ;;
	export) echo "--tag --cycle --since --until --org --project --search --force" ;;
	report)
		echo "--tag --cycle --since --until --org --project --search --text --md" \
			"--xlsx --json -o --output --redact" ;;
	team) echo "--tag --cycle --since --until --text --md --json --xlsx -o --output --rubric" ;;
	import) echo "--dry-run --from --tag" ;;
	remind) echo "--after" ;;
	readiness)
		echo "--tag --cycle --since --until --org --project --search --track --level" \
			"--format" ;;
	rubric) echo "--format --dry-run" ;;
	backup) echo "--force" ;;
	profile) echo "--name --level --track --target-level --manager" ;;
	esac
	echo "--db --help"
}

_impactlog_cycles()
{
	local year
	year=$(date +%Y)
	for y in $((year - 1)) "$year"; do
		echo "$y $y-H1 $y-H2 $y-Q1 $y-Q2 $y-Q3 $y-Q4"
	done
}

_impactlog()
{
	local cur prev words cword command i
	_init_completion || return

	local commands="init add list show edit rm restore profile import export report readiness rubric team check backup status remind help version"
	local tags="prevented-loss enabled-scale user-growth"

	command=
	for ((i = 1; i < cword; i++)); do
		case ${words[i]} in
		--db) ((i++)) ;;
		-*) ;;
		*) command=${words[i]}; break ;;
		esac
	done

	case $prev in
	--db | -o | --output) _filedir; return ;;
	--tag) COMPREPLY=($(compgen -W "$tags" -- "$cur")); return ;;
	--cycle) COMPREPLY=($(compgen -W "$(_impactlog_cycles)" -- "$cur")); return ;;
	--date | --since | --until) COMPREPLY=($(compgen -W "today yesterday" -- "$cur")); return ;;
	--confidence) COMPREPLY=($(compgen -W "measured estimated projected" -- "$cur")); return ;;
	--format)
		case $command in
		readiness) COMPREPLY=($(compgen -W "text md json" -- "$cur")) ;;
		rubric) COMPREPLY=($(compgen -W "table csv" -- "$cur")) ;;
		*) COMPREPLY=($(compgen -W "table csv json" -- "$cur")) ;;
		esac
		return ;;
	--unit) COMPREPLY=($(compgen -W "USD EUR GBP users rps TB teams" -- "$cur")); return ;;
	--xlsx) _filedir xlsx; return ;;
	--rubric) _filedir csv; return ;;
	--from) COMPREPLY=($(compgen -W "impactlog bragfile jrnl" -- "$cur")); return ;;
	--after) COMPREPLY=($(compgen -W "7 14 30" -- "$cur")); return ;;
	esac

	if [[ -z $command ]]; then
		COMPREPLY=($(compgen -W "$commands --db --help --version" -- "$cur"))
		return
	fi
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$(_impactlog_options "$command")" -- "$cur"))
		return
	fi
	case $command in
	add) COMPREPLY=($(compgen -W "$tags" -- "$cur")) ;;
	help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
	import | export | backup) _filedir ;;
	team) _filedir json ;;
	rubric)
		if [[ ${words[cword - 1]} == import ]]; then
			_filedir csv
		else
			COMPREPLY=($(compgen -W "import reset" -- "$cur"))
		fi ;;
	esac
} && complete -F _impactlog impactlog
