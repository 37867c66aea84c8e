#!/usr/bin/env bash
# Build the mediasoup worker binary from the sources shipped in the mediasoup
# npm package, against Debian 12 system libraries, fully offline, with a cache.
#
# Usage:
#   bash scripts/mediasoup-worker/build.sh [path-to-mediasoup-package-dir]
#
#   The package dir defaults to $PWD/node_modules/mediasoup. If it does not
#   exist, the package (mediasoup@$MEDIASOUP_VERSION, default 3.19.3) is
#   fetched with `npm pack` into a temp dir.
#
#   Prints the absolute path of the built binary as the LAST line of stdout;
#   all logs go to stderr:
#     BIN=$(bash scripts/mediasoup-worker/build.sh | tail -1)
#     MEDIASOUP_WORKER_BIN="$BIN" npm install   # skips mediasoup's postinstall
#
# Environment:
#   HATCHERY_CACHE_DIR   cache root (default: $HOME/.cache/hatchery)
#   MEDIASOUP_VERSION    version to fetch when the package dir is absent
#                        (default: 3.19.3)
#   MS_BUILD_JOBS        parallel compile jobs (default: nproc)
#   MS_KEEP_BUILD_DIR=1  keep the temporary build dir (for debugging)
#
# Cache layout:
#   $HATCHERY_CACHE_DIR/mediasoup-worker/<mediasoup-version>-<recipe-hash>/mediasoup-worker
#   where <recipe-hash> hashes every file of scripts/mediasoup-worker/ except
#   *.md, so editing this script or a shim triggers a rebuild.
#
# What the recipe does (see README.md beside this file):
#   - copies <pkg>/worker to a temp dir;
#   - relaxes meson_version to >= 1.0.0 (Debian 12 ships meson 1.0.1);
#   - replaces subprojects/*.wrap with the shims in ./subprojects/ that wrap
#     Debian's libraries (libsrtp 2.5 through a libsrtp-3 API compat header);
#   - fixes the DtlsTransport BIO callback (kTLS crash with Debian's OpenSSL);
#   - meson setup (liburing disabled) + compile flatbuffers-generator and
#     mediasoup-worker.
set -euo pipefail

readonly DEFAULT_MEDIASOUP_VERSION="3.19.3"
readonly RECIPE_MEDIASOUP_VERSION="3.19.3"
readonly APT_PACKAGES=(
	meson ninja-build pkg-config g++
	libssl-dev libuv1-dev libsrtp2-dev libusrsctp-dev libabsl-dev
	libflatbuffers-dev flatbuffers-compiler
)

log() { printf '[mediasoup-worker +%ss] %s\n' "$SECONDS" "$*" >&2; }
die() { printf '[mediasoup-worker +%ss] ERROR: %s\n' "$SECONDS" "$*" >&2; exit 1; }

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)"
readonly SCRIPT_DIR

TMP_DIRS=()
cleanup() {
	local d
	if [[ "${MS_KEEP_BUILD_DIR:-0}" == "1" ]]; then
		for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do log "keeping $d"; done
		return 0
	fi
	for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do rm -rf -- "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Creates a temp dir, registers it for cleanup and stores its path in
# $MADE_TMP (not printed: a $(...) subshell would lose the registration).
MADE_TMP=""
make_tmp() {
	MADE_TMP="$(mktemp -d "${TMPDIR:-/tmp}/mediasoup-worker-$1.XXXXXX")" ||
		die "cannot create a temp dir in ${TMPDIR:-/tmp}"
	TMP_DIRS+=("$MADE_TMP")
}

# Hash of the recipe: every file under this folder except docs, keyed by
# relative path, so that renames also count.
recipe_hash() {
	(
		cd "$SCRIPT_DIR"
		find . -type f ! -name '*.md' -print0 | LC_ALL=C sort -z |
			while IFS= read -r -d '' f; do
				printf '%s\0' "$f"
				sha256sum <"$f"
			done
	) | sha256sum | cut -c1-16
}

package_version() {
	local pj="$1/package.json" v
	[[ -f "$pj" ]] || die "$pj not found (is $1 the mediasoup npm package?)"
	v="$(sed -n 's/^[[:space:]]*"version"[[:space:]]*:[[:space:]]*"\([^"]*\)".*/\1/p' "$pj" | head -1)"
	[[ -n "$v" ]] || die "could not read the version from $pj"
	printf '%s\n' "$v"
}

is_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

ensure_apt_packages() {
	local missing=() p sudo=()
	command -v dpkg-query >/dev/null 2>&1 ||
		die "dpkg-query not found: this recipe targets Debian 12 (bookworm)"
	for p in "${APT_PACKAGES[@]}"; do
		is_installed "$p" || missing+=("$p")
	done
	if ((${#missing[@]} == 0)); then
		log "apt packages: all present"
		return 0
	fi
	if [[ "$(id -u)" != "0" ]]; then
		command -v sudo >/dev/null 2>&1 ||
			die "missing apt packages (${missing[*]}) and not root (no sudo to install them)"
		sudo=(sudo -n)
	fi
	log "installing missing apt packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -q >&2 || die "apt-get update failed"
	"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
		die "apt-get install ${missing[*]} failed"
	for p in "${missing[@]}"; do
		is_installed "$p" || die "apt package $p still not installed"
	done
}

# Sets PKG_DIR to the extracted package.
fetch_package() {
	local version="$1" dir tarball
	command -v npm >/dev/null 2>&1 || die "npm not found (needed to fetch mediasoup@$version)"
	make_tmp pkg
	dir="$MADE_TMP"
	log "package dir absent: fetching mediasoup@$version with npm pack"
	(cd "$dir" && npm pack --silent "mediasoup@$version" >&2) ||
		die "npm pack mediasoup@$version failed"
	tarball="$(find "$dir" -maxdepth 1 -name 'mediasoup-*.tgz' | head -1)"
	[[ -n "$tarball" ]] || die "npm pack produced no tarball in $dir"
	tar -xzf "$tarball" -C "$dir" || die "could not extract $tarball"
	[[ -d "$dir/package/worker" ]] || die "$tarball has no worker/ folder"
	PKG_DIR="$dir/package"
}

# Edit a file with sed and fail if the edit changed nothing.
patch_file() {
	local file="$1" expr="$2" what="$3" before
	[[ -f "$file" ]] || die "cannot patch $what: $file not found"
	before="$(sha256sum <"$file")"
	sed -i -e "$expr" "$file"
	[[ "$(sha256sum <"$file")" != "$before" ]] ||
		die "cannot patch $what: expected text not found in $file (mediasoup changed? update the recipe)"
}

# ---------------------------------------------------------------------------

(($# <= 1)) || die "usage: $0 [path-to-mediasoup-package-dir]"

PKG_DIR="${1:-$PWD/node_modules/mediasoup}"
if [[ -d "$PKG_DIR" ]]; then
	PKG_DIR="$(cd -- "$PKG_DIR" && pwd -P)"
	[[ -d "$PKG_DIR/worker" ]] || die "$PKG_DIR/worker not found (is $PKG_DIR the mediasoup npm package?)"
	MS_VERSION="$(package_version "$PKG_DIR")"
else
	if [[ -n "${1:-}" ]]; then
		log "package dir $PKG_DIR does not exist; will fetch it"
	fi
	PKG_DIR=""
	MS_VERSION="${MEDIASOUP_VERSION:-$DEFAULT_MEDIASOUP_VERSION}"
fi

if [[ "$MS_VERSION" != "$RECIPE_MEDIASOUP_VERSION" ]]; then
	log "WARNING: recipe written for mediasoup $RECIPE_MEDIASOUP_VERSION, building $MS_VERSION"
fi

CACHE_ROOT="${HATCHERY_CACHE_DIR:-${HOME:?HOME is not set}/.cache/hatchery}/mediasoup-worker"
KEY="${MS_VERSION}-$(recipe_hash)"
CACHE_DIR="$CACHE_ROOT/$KEY"
CACHED_BIN="$CACHE_DIR/mediasoup-worker"

if [[ -f "$CACHED_BIN" && -x "$CACHED_BIN" ]]; then
	log "cached: $CACHED_BIN"
	printf '%s\n' "$CACHED_BIN"
	exit 0
fi

mkdir -p "$CACHE_ROOT" || die "cannot create cache dir $CACHE_ROOT"
command -v flock >/dev/null 2>&1 || die "flock not found (util-linux)"
exec 9>"$CACHE_ROOT/.$KEY.lock" || die "cannot open lock file $CACHE_ROOT/.$KEY.lock"
log "waiting for build lock $CACHE_ROOT/.$KEY.lock"
flock 9 || die "could not lock $CACHE_ROOT/.$KEY.lock"

# Another process may have finished the build while we waited.
if [[ -f "$CACHED_BIN" && -x "$CACHED_BIN" ]]; then
	log "cached (built concurrently): $CACHED_BIN"
	printf '%s\n' "$CACHED_BIN"
	exit 0
fi

START_TS=$SECONDS
log "building mediasoup-worker $MS_VERSION (recipe $KEY)"

ensure_apt_packages
for tool in meson ninja flatc pkg-config c++ cc; do
	command -v "$tool" >/dev/null 2>&1 || die "$tool not found on PATH after installing apt packages"
done

if [[ -z "$PKG_DIR" ]]; then
	fetch_package "$MS_VERSION"
	FETCHED_VERSION="$(package_version "$PKG_DIR")"
	[[ "$FETCHED_VERSION" == "$MS_VERSION" ]] ||
		die "npm pack returned mediasoup $FETCHED_VERSION, expected $MS_VERSION"
fi
log "sources: $PKG_DIR/worker"

make_tmp build
WORK="$MADE_TMP"
SRC="$WORK/worker"
# Copy the sources only (a previous in-place build may have left out/ and
# downloaded subprojects behind).
mkdir -p "$SRC"
(cd "$PKG_DIR/worker" && tar -cf - --exclude=./out --exclude=./subprojects --exclude=./.venv .) |
	(cd "$SRC" && tar -xf -) || die "could not copy $PKG_DIR/worker"

# 1. Debian 12 has meson 1.0.1; the worker asks for >= 1.1.0 but builds fine.
patch_file "$SRC/meson.build" \
	"s/meson_version[[:space:]]*:[[:space:]]*'>=[[:space:]]*[0-9.]*'/meson_version: '>= 1.0.0'/" \
	"meson_version"

# 2. Replace the wraps (which download sources) with system-library shims.
mkdir -p "$SRC/subprojects"
cp -R "$SCRIPT_DIR/subprojects/." "$SRC/subprojects/"

# 3. Upstream bug: OpenSSL calls the BIO callback with BIO_CB_xxx|BIO_CB_RETURN,
#    never with BIO_CB_RETURN alone, so the callback returned 1 for
#    BIO_CTRL_GET_KTLS_SEND: libssl then believes the BIO does kernel TLS, never
#    allocates its write buffer and the worker segfaults on the first DTLS
#    handshake when OpenSSL is built with kTLS (Debian's is).
patch_file "$SRC/src/RTC/DtlsTransport.cpp" \
	's/(operationType == BIO_CB_RETURN)/((operationType \& BIO_CB_RETURN) != 0)/' \
	"DtlsTransport BIO callback (BIO_CB_RETURN)"

# 4. Configure and build.
BUILD="$SRC/out/Release"
JOBS="${MS_BUILD_JOBS:-$(nproc 2>/dev/null || echo 2)}"
log "meson setup"
meson setup "$BUILD" "$SRC" \
	--buildtype release \
	-Db_ndebug=true \
	--wrap-mode=nodownload \
	-Dms_disable_liburing=true >&2 ||
	die "meson setup failed (see log above)"

log "compiling flatbuffers-generator"
meson compile -C "$BUILD" -j "$JOBS" flatbuffers-generator >&2 ||
	die "compiling flatbuffers-generator failed (see log above)"

log "compiling mediasoup-worker with $JOBS jobs"
meson compile -C "$BUILD" -j "$JOBS" mediasoup-worker >&2 ||
	die "compiling mediasoup-worker failed (see log above)"

BUILT_BIN="$BUILD/mediasoup-worker"
[[ -x "$BUILT_BIN" ]] || die "build finished but $BUILT_BIN is missing"

# 5. Smoke test: every shared library resolves, and the binary starts (without
#    MEDIASOUP_VERSION it must refuse to run with its own exit code 41).
if ldd "$BUILT_BIN" | grep -q 'not found'; then
	ldd "$BUILT_BIN" >&2
	die "built binary has unresolved shared libraries"
fi
set +e
env -u MEDIASOUP_VERSION "$BUILT_BIN" </dev/null >/dev/null 2>&1
rc=$?
set -e
((rc == 41)) || die "smoke test failed: expected exit code 41 from a bare start, got $rc"

# 6. Publish atomically into the cache.
mkdir -p "$CACHE_DIR"
cp "$BUILT_BIN" "$CACHE_DIR/.mediasoup-worker.tmp.$$"
chmod 755 "$CACHE_DIR/.mediasoup-worker.tmp.$$"
mv -f "$CACHE_DIR/.mediasoup-worker.tmp.$$" "$CACHED_BIN"
{
	echo "mediasoup_version=$MS_VERSION"
	echo "recipe_key=$KEY"
	echo "built_at=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "build_seconds=$((SECONDS - START_TS))"
	echo "sources=$PKG_DIR"
} >"$CACHE_DIR/build-info.txt"

log "built in $((SECONDS - START_TS))s: $CACHED_BIN"
printf '%s\n' "$CACHED_BIN"
