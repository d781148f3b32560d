#!/bin/sh
# Check that the build and test dependencies are present; install the
# missing Debian packages when run as root, else print the command.
# A fast no-op when everything is there.
set -u

need=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
have_cmd() { command -v "$1" >/dev/null 2>&1; }

have_cmd pkg-config || need="$need pkg-config"
have_cmd cc || need="$need gcc"
have_cmd c++ || need="$need g++"
have_cmd make || need="$need make"
have_pc xapian-core || need="$need libxapian-dev"
have_pc icu-uc || need="$need libicu-dev"
have_pc libxml-2.0 || need="$need libxml2-dev"
have_pc zlib || need="$need zlib1g-dev"
have_pc poppler-glib || need="$need libpoppler-glib-dev"
have_pc libzip || need="$need libzip-dev"
have_pc criterion || need="$need libcriterion-dev"
have_cmd mandoc || need="$need mandoc"
# xapian-tcpsrv and xapian-progsrv: the tests serve shards with them
have_cmd xapian-tcpsrv || need="$need xapian-tools"
# optional for zcindex (it reads .doc and .wps through them when they are
# there); installed so that the tests try the real converters
have_cmd antiword || need="$need antiword"
have_cmd catdoc || need="$need catdoc"
have_cmd jq || need="$need jq"
have_cmd python3 || need="$need python3"
have_cmd xz || need="$need xz-utils"

[ -z "$need" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "zhengce: missing packages:$need" >&2
	echo "zhengce: install them with: sudo apt-get install -y$need" >&2
	exit 1
fi
echo "zhengce: installing:$need" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || exit 1
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $need >&2 || exit 1
