# bash completion for zcsearch and zcindex (zhengce), installed by make
# install as share/bash-completion/completions/{zcsearch,zcindex}.
# Options come from the programs' own --help, so they never drift; the
# values below are checked against --help and zcsearch(1) by
# tests/e2e/t40-completion.sh.

_zhengce_options()
{
	"$1" --help 2>/dev/null |
	    grep -oE -- '(^|[ ,])--?[a-zA-Z0-9][a-zA-Z0-9-]*' | tr -d ' ,' |
	    sort -u
}

_zhengce_fields="title: issuer: index: docno: type: category: validity: date: written: published: path:"
_zhengce_facets="year month issuer type category validity"

# Complete the value of the option before the cursor; false when it
# takes none.
_zhengce_value()
{
	case $1 in
	--db|--compact) COMPREPLY=($(compgen -d -- "$2")) ;;
	--lexicon) COMPREPLY=($(compgen -f -- "$2")) ;;
	--count-by) COMPREPLY=($(compgen -W "$_zhengce_facets" -- "$2")) ;;
	--sort) COMPREPLY=($(compgen -W "relevance date -date" -- "$2")) ;;
	--color) COMPREPLY=($(compgen -W "auto always never" -- "$2")) ;;
	-n|--limit|--offset|--per-doc|-j|--jobs|--batch|--exclude|--shards) COMPREPLY=() ;;
	*) return 1 ;;
	esac
	return 0
}

_zcsearch()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}

	_zhengce_value "$prev" "$cur" && return
	case $cur in
	-*) COMPREPLY=($(compgen -W "$(_zhengce_options "${COMP_WORDS[0]}")" -- "$cur")) ;;
	*)
		COMPREPLY=($(compgen -W "$_zhengce_fields" -- "$cur"))
		compopt -o nospace 2>/dev/null
		;;
	esac
}

_zcindex()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}

	_zhengce_value "$prev" "$cur" && return
	case $cur in
	-*) COMPREPLY=($(compgen -W "$(_zhengce_options "${COMP_WORDS[0]}")" -- "$cur")) ;;
	*) COMPREPLY=($(compgen -f -- "$cur")) ;;
	esac
}

complete -F _zcsearch zcsearch
complete -F _zcindex zcindex
