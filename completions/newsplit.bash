# bash completion for newsplit                                    -*- shell-script -*-
# Installed to share/bash-completion/completions/newsplit; or: source newsplit.bash

_newsplit() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local commands="split clean count stats explain kwic"
  local common="-o --output --encoding --lossy -j --jobs -q --quiet --raw-punct --color --to -h --help"
  local command=split word
  for word in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case " $commands " in *" $word "*) command=$word; break ;; esac
  done

  case $prev in
    --encoding) COMPREPLY=($(compgen -W "auto utf-8 gb18030 big5 utf-16le utf-16be" -- "$cur")); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --to) COMPREPLY=($(compgen -W "simplified traditional" -- "$cur")); return ;;
    --by) COMPREPLY=($(compgen -W "total file article" -- "$cur")); return ;;
    --scope) COMPREPLY=($(compgen -W "body all" -- "$cur")); return ;;
    --sort) COMPREPLY=($(compgen -W "count name" -- "$cur")); return ;;
    -f | --format)
      case $command in
        count | stats | kwic) COMPREPLY=($(compgen -W "table tsv csv json" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "jsonl json csv tsv md text" -- "$cur")) ;;
      esac
      return ;;
    --fields)
      COMPREPLY=($(compgen -W "type file index kicker title subtitle dateline byline authors lead_label lead
        paragraphs subheads captions credits notes line_start line_end chars warnings page date paper page_no section
        continued_on continued_from kind text" -- "${cur##*,}"))
      return ;;
    -o | --output | -K | --keywords-file | --stopwords | --dict) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    -k | --keyword | --top | --min | -j | --jobs | -w | --width) return ;;
  esac

  if [[ $cur == -* ]]; then
    local options=$common
    case $command in
      split) options+=" -f --format --fields --all --join" ;;
      clean) options+=" --all" ;;
      count) options+=" -k --keyword -K --keywords-file --by --top --stopwords --dict --scope -i --ignore-case --min --sort -f --format" ;;
      stats) options+=" -f --format" ;;
      kwic) options+=" -k --keyword -K --keywords-file -w --width --scope -i --ignore-case -f --format" ;;
    esac
    [[ $COMP_CWORD -eq 1 ]] && options+=" --version"
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
  [[ $COMP_CWORD -eq 1 ]] && COMPREPLY+=($(compgen -W "$commands" -- "$cur"))
}

complete -o filenames -F _newsplit newsplit
