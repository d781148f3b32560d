#!/bin/sh
# make demo: index corpus/ (five scraped pages, a PDF, a DOCX and an OFD)
# into a database under the build folder and run a few sample queries,
# printing ranked passages.
set -eu
build=${1:-build}
db=$build/demo-db
run() {
	printf '\n$ zcsearch %s\n' "$*"
	"$build/zcsearch" --db "$db" --color=always "$@" || true
}
"$build/zcindex" --db "$db" corpus
run -n 3 孵化器
run -n 3 '"科技成果转化"'
run -n 3 'date:2024 众创空间'
run --json -n 1 沃壤行动
run -n 2 '"投融资服务"'
run -l 'type:方案'

