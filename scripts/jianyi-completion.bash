# bash completion for jianyi(1)                        -*- shell-script -*-
#
# Installed as $(COMPDIR)/jianyi, or: source scripts/jianyi-completion.bash
#
# Nothing here is a copy of jianyi's command table: the commands come from
# "jianyi --help", and each command's options, sub-verbs and closed values
# from the usage lines of "jianyi COMMAND --help", read at run time, so the
# completion never goes stale. Station, department and deputy names, and
# the settings' keys, come from the database ("jianyi [--db FILE] station
# list --format csv", "config list"), with
# the --db already on the command line honoured. Only the Chinese words that
# jianyi also accepts, and the values the usage lines name by a metavariable
# (--source SRC, --status S, --kind K, --format F), are listed here.

# COMPREPLY=($(compgen ...)) splits on purpose, with globbing off (set -f).
# shellcheck disable=SC2207

# Chinese words jianyi accepts beside each English key (vocab.c).
declare -gA _jianyi_zh=(
	[reception]=接待 [session]=人代会 [group]=小组活动 [online]=网上
	[other]=其他 [inspection]=视察 [survey]=调研 [training]=培训
	[town]=镇 [district]=区 [city]=市
	[visit]=走访 [meeting]=座谈 [phone]=电话
	[satisfied]=满意 [basic]=基本满意 [unsatisfied]=不满意
	[registered]=已登记 [assigned]=已交办 [replied]=已答复
	[rehandling]=重新办理 [closed]=已办结 [withdrawn]=已撤回
)

# Values of the metavariables that the usage lines do not spell out.
_jianyi_metavar_words() { # OPTION METAVAR
	case $1:$2 in
	--source:SRC) echo reception session group online other ;;
	--status:S) echo registered assigned replied rehandling closed withdrawn ;;
	--kind:K) echo group inspection survey training session ;;
	--format:F) echo text csv json ;;
	esac
}

# The commands of "jianyi --help", one a line; a fixed list if it fails.
_jianyi_commands() { # PROG
	local line in=0 out=
	while IFS= read -r line; do
		if [[ $line == commands:* ]]; then
			in=1
		elif ((in)); then
			[[ $line =~ ^\ +([a-z][a-z-]*)\  ]] || break
			out+=${BASH_REMATCH[1]}$'\n'
		fi
	done < <(JIANYI_LANG=en "$1" --help 2>/dev/null)
	if [[ -z $out ]]; then
		out="init config station dept deputy reception activity add assign
return contact extend reply rate close withdraw supervise list show similar
overdue remind
report import export log backup check calendar help"
	fi
	# shellcheck disable=SC2086 # one command a word
	printf '%s\n' $out
}

# The usage lines of "jianyi CMD --help", "jianyi CMD " stripped, one a line.
_jianyi_usage() { # PROG CMD
	local line
	while IFS= read -r line; do
		[[ -z $line ]] && break
		line=${line#usage: }
		line=${line#"${line%%[! ]*}"}
		line=${line#jianyi "$2"}
		printf '%s\n' "${line# }"
	done < <(JIANYI_LANG=en "$1" "$2" --help 2>/dev/null)
}

# Parses usage lines (on stdin) into the caller's arrays:
#   _jy_opt[--name]=METAVAR (empty for a flag), _jy_rep[--name]=1 when
#   repeatable, _jy_pos=(METAVAR...) the positional arguments in order.
_jianyi_parse() {
	local line i t raw next
	local -a tok
	while IFS= read -r line; do
		read -ra tok <<<"$line"
		for ((i = 0; i < ${#tok[@]}; i++)); do
			raw=${tok[i]}
			t=$raw
			while [[ $t == ['[(']* ]]; do t=${t:1}; done
			t=${t%%[])]*}
			t=${t%...}
			[[ -z $t || $t == '|' ]] && continue
			if [[ $t == -* ]]; then
				_jy_opt[$t]=
				# "[--all]" and "[--deputy NAME]..." end here.
				case $raw in
				*']...') _jy_rep[$t]=1; continue ;;
				*']' | *')') continue ;;
				esac
				next=${tok[i + 1]-}
				case $next in
				'' | '|' | '['* | '('* | -*) continue ;;
				esac
				((i++))
				case $next in *']...') _jy_rep[$t]=1 ;; esac
				next=${next%%[])]*}
				_jy_opt[$t]=${next%...}
			else
				_jy_pos+=("$t")
			fi
		done
	done
}

# The first column of a CSV listing (on stdin), header skipped.
_jianyi_csv_first() {
	local line f skip=1
	while IFS= read -r line || [[ -n $line ]]; do
		line=${line%$'\r'}
		((skip)) && { skip=0; continue; }
		if [[ $line == \"* ]]; then
			line=${line#\"} f=
			while [[ -n $line ]]; do
				case $line in
				'""'*) f+='"' line=${line:2} ;;
				'"'*) break ;;
				*) f+=${line:0:1} line=${line:1} ;;
				esac
			done
		else
			f=${line%%,*}
		fi
		[[ -n $f ]] && printf '%s\n' "$f"
	done
}

# A word as the shell will see it, roughly: no leading quote, no escapes.
_jianyi_dequote() {
	local s=$1
	case $s in
	\'*) s=${s#\'} s=${s%\'} ;;
	\"*) s=${s#\"} s=${s%\"} ;;
	*) s=${s//\\\\/$'\1'} s=${s//\\/} s=${s//$'\1'/\\} ;;
	esac
	# shellcheck disable=SC2088 # a literal "~/", expanded here
	[[ $s == '~/'* ]] && s=$HOME/${s#'~/'}
	printf '%s' "$s"
}

# Adds to COMPREPLY the names of a registry (or the settings' keys) that
# start with $cur, quoted for the shell where they need it.
_jianyi_names() { # station|dept|deputy|config [--all]
	local name want re='[][[:space:]'\''"\\$`!*?;&|<>(){}#~=]'
	want=$(_jianyi_dequote "$cur")
	while IFS= read -r name; do
		[[ $name == "$want"* ]] || continue
		[[ $name =~ $re ]] && printf -v name '%q' "$name"
		COMPREPLY+=("$name")
	done < <(JIANYI_LANG=en "$prog" "${dbargs[@]}" "$1" list ${2:+"$2"} \
	    --format csv 2>/dev/null | _jianyi_csv_first)
}

_jianyi_files() {
	compopt -o filenames 2>/dev/null
	local IFS=$'\n'
	COMPREPLY+=($(compgen -f -- "$cur"))
}

# Completes the value of option $1 whose metavariable is $2.
_jianyi_value() { # OPTION METAVAR
	local opt=$1 mv=$2 w words='' all=''
	case $opt in
	--db | -o | --output) _jianyi_files; return ;;
	--station) _jianyi_names station "$listall"; return ;;
	--dept | --co) _jianyi_names dept "$listall"; return ;;
	--deputy | --cosigner) _jianyi_names deputy; return ;;
	esac
	[[ $mv == FILE ]] && { _jianyi_files; return; }
	local IFS='|'
	for w in $mv; do
		# A metavariable ("S" in "S|open") stands for its values; "T"
		# and "TEXT" (in "TEXT|-") for free text; the rest are words.
		all=$(_jianyi_metavar_words "$opt" "$w")
		if [[ -n $all ]]; then
			words+=" $all"
		elif [[ $w != T && $w != TEXT && $w != - ]]; then
			words+=" $w"
		fi
	done
	IFS=$' \t\n'
	all=$words
	# The class letters have no Chinese beside them; the others do.
	for w in $all; do
		[[ -n ${_jianyi_zh[$w]-} ]] && all+=" ${_jianyi_zh[$w]}"
	done
	[[ -n $all ]] && COMPREPLY+=($(compgen -W "$all" -- "$cur"))
}

_jianyi() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev='' prog=${COMP_WORDS[0]}
	local cword=$COMP_CWORD i w cmd='' ci=0 verb='' listall='' family=0
	local -a dbargs=() pos=() lines=() _jy_pos=()
	local -A _jy_opt=() _jy_rep=()
	local -
	set -f
	COMPREPLY=()
	((cword > 0)) && prev=${COMP_WORDS[cword - 1]}

	prog=$(_jianyi_dequote "$prog")
	if ! type -P -- "$prog" >/dev/null && [[ ! -x $prog ]]; then
		prog=jianyi
	fi

	# "--opt=value" arrives split at "=" (COMP_WORDBREAKS).
	if [[ $cur == = ]]; then
		cur=
		prev=${COMP_WORDS[cword - 1]}
	elif [[ $prev == = ]] && ((cword > 1)); then
		prev=${COMP_WORDS[cword - 2]}
	fi

	# The global options and the command.
	for ((i = 1; i < cword; i++)); do
		w=${COMP_WORDS[i]}
		case $w in
		--db)
			if [[ ${COMP_WORDS[i + 1]-} == = ]]; then
				((i++))
			fi
			((i + 1 < cword)) &&
			    dbargs=(--db "$(_jianyi_dequote "${COMP_WORDS[i + 1]}")")
			((i++))
			;;
		-*) ;;
		*)
			cmd=$w ci=$i
			break
			;;
		esac
	done

	if [[ -z $cmd ]]; then
		if [[ $prev == --db ]]; then
			_jianyi_files
		elif [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W '--db --help --version' -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$(_jianyi_commands "$prog")" \
			    -- "$cur"))
		fi
		return 0
	fi

	mapfile -t lines < <(_jianyi_usage "$prog" "$cmd")
	((${#lines[@]} == 0)) && return 0
	((${#lines[@]} > 1)) && family=1

	# The positional words so far (options and their values skipped).
	_jianyi_parse < <(printf '%s\n' "${lines[@]}")
	for ((i = ci + 1; i < cword; i++)); do
		w=${COMP_WORDS[i]}
		if [[ $w == -* ]]; then
			if [[ ${COMP_WORDS[i + 1]-} == = ]]; then
				((i += 2))
			elif [[ -n ${_jy_opt[$w]-} ]]; then
				((i++))
			fi
			continue
		fi
		pos+=("$w")
	done

	# A family (station add, station list, ...): the verb picks the line.
	if ((family)); then
		if ((${#pos[@]} == 0)); then
			[[ $cur == -* ]] && return 0
			for w in "${lines[@]}"; do
				COMPREPLY+=($(compgen -W "${w%% *}" -- "$cur"))
			done
			return 0
		fi
		verb=${pos[0]}
		_jy_opt=() _jy_rep=() _jy_pos=()
		for w in "${lines[@]}"; do
			[[ ${w%% *} == "$verb" ]] &&
			    _jianyi_parse <<<"${w#"$verb"}"
		done
		pos=("${pos[@]:1}")
	fi
	[[ $cmd == list || $verb == list ]] && listall=--all

	# The value of an option.
	if [[ $prev == -* && -n ${_jy_opt[$prev]-} ]]; then
		_jianyi_value "$prev" "${_jy_opt[$prev]}"
		return 0
	fi

	if [[ $cur == -* ]]; then
		local opts=
		for w in "${!_jy_opt[@]}"; do
			# Offer an option once, unless it may be repeated.
			if [[ -z ${_jy_rep[$w]-} ]]; then
				for ((i = ci + 1; i < cword; i++)); do
					[[ ${COMP_WORDS[i]} == "$w" ]] && continue 2
				done
			fi
			opts+=" $w"
		done
		# shellcheck disable=SC2086 # one option a word
		COMPREPLY=($(compgen -W "$(printf '%s\n' $opts | sort)" \
		    -- "$cur"))
		return 0
	fi

	# A positional argument: its metavariable in the usage line.
	local n=${#pos[@]} mv
	if ((n < ${#_jy_pos[@]})); then
		mv=${_jy_pos[n]}
	elif ((${#_jy_pos[@]} > 0)) && [[ ${_jy_pos[-1]} == NUMBER ]]; then
		mv=NUMBER # NUMBER... takes several
	else
		return 0
	fi
	case $cmd:$verb:$mv in
	station:rename:OLD | station:retire:NAME) _jianyi_names station ;;
	dept:rename:OLD | dept:retire:NAME) _jianyi_names dept ;;
	deputy:rename:OLD | deputy:retire:NAME) _jianyi_names deputy ;;
	# The settings the database holds (every one, since its migrations).
	config:get:KEY | config:set:KEY) _jianyi_names config ;;
	*:FILE) _jianyi_files ;;
	*'|'*) _jianyi_value "" "$mv" ;;
	esac
	return 0
}

complete -F _jianyi jianyi
