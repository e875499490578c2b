#!/usr/bin/env bash
# Runs every block of a Markdown file marked <!-- recipe --> as it is written, in order, in
# one scratch folder where pages/ holds the sample pages and newsplit is the built binary. A
# recipe that fails, or prints nothing, fails the test; so do fewer recipes than MIN (the
# markers were lost).
#   tests/readme_recipes.sh README.md BUILD_DIR [MIN]
set -euo pipefail
readme=$(realpath "$1")
build=$(realpath "$2")
min=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
for tool in jq sqlite3 parallel; do
  command -v "$tool" >/dev/null || { echo "readme_recipes: $tool is missing (scripts/setup installs it)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pages" "$work/bin"
cp "$root"/samples/*.txt "$work/pages/"
ln -s "$build/newsplit" "$work/bin/newsplit"
export PATH="$work/bin:$PATH"
mkdir -p "$work/.parallel" && touch "$work/.parallel/will-cite"  # GNU parallel's citation notice
export HOME="$work"

# The blocks: the fenced sh block after each marker line.
n=0
while IFS= read -r -d '' block; do
  n=$((n + 1))
  out=$(cd "$work" && bash -euo pipefail -c "$block" 2>&1) || { printf 'recipe %d failed:\n%s\n%s\n' "$n" "$block" "$out" >&2; exit 1; }
  [[ -n $out || $block == *">"* ]] || { printf 'recipe %d printed nothing:\n%s\n' "$n" "$block" >&2; exit 1; }
  printf 'recipe %d ok\n%s\n' "$n" "$out" | head -n 8
done < <(awk '
  /<!-- recipe -->/ { want = 1; next }
  want && /^```sh/ { inside = 1; block = ""; next }
  inside && /^```/ { printf "%s%c", block, 0; inside = 0; want = 0; next }
  inside { block = block $0 "\n" }
' "$readme")
[[ $n -ge $min ]] || { echo "readme_recipes: found only $n recipes in $readme" >&2; exit 1; }
echo "all $n recipes ran"
