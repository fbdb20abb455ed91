#!/usr/bin/env bash
# The release test (slow: not part of ./tools/test). Takes the archive that
# tools/release wrote (running it first when there is none for this version) and,
# in a clean folder:
#   1. checks it against its .sha256 as INSTALL says, and unpacks it;
#   2. checks that ldd lists only the C library family;
#   3. runs `citywide init` and `citywide build` with `env -i` (no PATH, no Swift),
#      and checks the site, and that the disclosure auditor (COIN-OR CLP/CBC,
#      linked in statically) withheld the sample's small counts; serves it with
#      `citywide serve` and fetches a page;
#   4. does it again in a chroot holding only the binary, the C libraries ldd
#      names and /proc (where Swift reads the arguments), so nothing from
#      /opt/swift or /usr/lib (libcmark-gfm, COIN-OR, LAPACK) can be used (root only; skipped otherwise);
#   5. runs the install step of the `init --with-workflow` workflow against a copy
#      of the release folder (file://), as GitHub Actions would.
# Usage: Tests/release/test_release.sh        Exit status 0 when every check passes.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

version=$(sed -nE 's/^ *public static let string = "([^"]+)".*/\1/p' Sources/CitywideModel/Support/CitywideVersion.swift)
name="citywide-$version-linux-x86_64"
[ -f "dist/$name.tar.gz" ] || tools/release

work=$(mktemp -d /tmp/citywide-release-test.XXXXXX)
# The chroot's /proc is unmounted before the folder is removed.
trap 'umount "$work/chroot/proc" 2>/dev/null || true; rm -rf "$work"' EXIT
failures=0
pass() { echo "ok: $*"; }
fail() { echo "FAILED: $*"; failures=$((failures + 1)); }

# 1. Check and unpack, as a user would.
cp "dist/$name.tar.gz" "dist/$name.tar.gz.sha256" "$work/"
cd "$work"
if sha256sum -c "$name.tar.gz.sha256" >/dev/null; then pass "sha256sum -c"; else fail "sha256sum -c"; fi
tar -xzf "$name.tar.gz"
for file in citywide README.md LICENSE INSTALL THIRD-PARTY-NOTICES docs/publishing.md; do
  [ -e "$name/$file" ] && pass "archive holds $file" || fail "archive lacks $file"
done
binary="$work/$name/citywide"
echo "archive: $(du -h "$name.tar.gz" | cut -f1), binary: $(du -h "$binary" | cut -f1)"

# 2. Only the C library family.
ldd "$binary" | sed 's/^/  /'
if ldd "$binary" | awk '{ print $1 }' | sed 's|.*/||' \
    | grep -vqE '^(linux-vdso|ld-linux-x86-64|libc|libm|libstdc\+\+|libgcc_s|libpthread|libdl|librt|libutil|libresolv)\.so'; then
  fail "ldd lists a library outside the C library family"
else
  pass "ldd: only the C library family"
fi

# 3. init, build, check the site, with an empty environment.
check_site() { # $1: the site folder, $2: what ran
  local site=$1
  if [ -f "$site/_site/index.html" ] && grep -q "Citywide $version" "$site/_site/index.html" \
     && [ -f "$site/_site/cities/our-city/index.html" ] && [ -f "$site/_site/data/index.json" ]; then
    pass "$2: the site has index.html, the city page and the data"
  else
    fail "$2: the site is incomplete"
  fi
  # The sample data has small counts (2 and 3 survivors of both kinds): the
  # auditor must withhold them, and their complements, solving with COIN-OR.
  local withheld
  withheld=$(grep -c '"withheld": *true' "$site/.citywide/ledger.json" 2>/dev/null || true)
  if [ "${withheld:-0}" -ge 2 ]; then
    pass "$2: the disclosure auditor withheld $withheld cells (privacy ledger)"
  else
    fail "$2: the disclosure auditor withheld ${withheld:-no} cells"
  fi
}
out=$(env -i "$binary" --version 2>&1) && [ "$out" = "$version" ] && pass "env -i citywide --version: $out" || fail "--version printed '$out'"
if env -i "$binary" init "$work/site" >"$work/init.log" 2>&1; then pass "env -i citywide init"; else fail "init: $(cat "$work/init.log")"; fi
if env -i "$binary" build "$work/site" >"$work/build.log" 2>&1 && ! grep -q "error:" "$work/build.log"; then
  pass "env -i citywide build"
else
  fail "build: $(cat "$work/build.log")"
fi
check_site "$work/site" "env -i"
# serve (FlyingFox, Foundation's sockets and file watching) from the static binary.
port=$((20000 + RANDOM % 20000))
env -i "$binary" serve "$work/site" --port "$port" >"$work/serve.log" 2>&1 &
serve_pid=$!
status=""
# The server answers while its first build runs (status version 0): wait for a build.
for _ in $(seq 1 50); do
  status=$(curl -s "http://127.0.0.1:$port/_citywide/status" || true)
  [ -n "$status" ] && [[ "$status" != *'"version":0'* ]] && break
  sleep 0.2
done
if [[ "$status" == *'"ok":true'* ]] && curl -sf "http://127.0.0.1:$port/" | grep -q "Citywide $version"; then
  pass "env -i citywide serve: the home page and the status"
else
  fail "serve: $(cat "$work/serve.log")"
fi
kill "$serve_pid" 2>/dev/null || true
wait "$serve_pid" 2>/dev/null || true

# 4. In a chroot with nothing but the binary and its C libraries.
chroot=$(command -v chroot || true)
if [ "$(id -u)" -eq 0 ] && [ -n "$chroot" ]; then
  root="$work/chroot"
  mkdir -p "$root/bin" "$root/tmp" "$root/proc"
  cp "$binary" "$root/bin/citywide"
  for lib in $(ldd "$binary" | grep -oE '/[^ ]+'); do
    mkdir -p "$root$(dirname "$lib")"
    cp -L "$lib" "$root$lib"
  done
  if ! mount -t proc proc "$root/proc" 2>/dev/null; then
    echo "skipped: the chroot check cannot mount /proc here"
  elif env -i "$chroot" "$root" /bin/citywide init /site >"$work/chroot.log" 2>&1 \
     && env -i "$chroot" "$root" /bin/citywide build /site >>"$work/chroot.log" 2>&1 \
     && ! grep -q "error:" "$work/chroot.log"; then
    pass "chroot (only the program and $(find "$root/lib" "$root/lib64" -type f | wc -l) C libraries): citywide init and build"
    check_site "$root/site" "chroot"
  else
    fail "chroot: $(cat "$work/chroot.log")"
  fi
else
  echo "skipped: the chroot check needs root"
fi

# 5. The workflow's install step, with the release served from a file:// folder.
env -i "$binary" init "$work/workflow-site" --with-workflow >/dev/null
install_step=$(python3 - "$work/workflow-site/.github/workflows/publish.yml" <<'EOF'
import sys, yaml
steps = yaml.safe_load(open(sys.argv[1]))["jobs"]["publish"]["steps"]
print(next(s["run"] for s in steps if s.get("name", "").startswith("Install Citywide")))
EOF
)
mkdir -p "$work/releases/download/v$version" "$work/runner"
cp "dist/$name.tar.gz" "dist/$name.tar.gz.sha256" "$work/releases/download/v$version/" 2>/dev/null \
  || cp "$work/$name.tar.gz" "$work/$name.tar.gz.sha256" "$work/releases/download/v$version/"
if env -i PATH=/usr/bin:/bin CITYWIDE_VERSION="$version" CITYWIDE_SHA256="$(cut -d' ' -f1 "$work/$name.tar.gz.sha256")" \
     CITYWIDE_RELEASES="file://$work/releases" RUNNER_TEMP="$work/runner" GITHUB_PATH="$work/runner/path" \
     bash -e -c "$install_step" >"$work/install.log" 2>&1 \
   && [ -x "$(cat "$work/runner/path")/citywide" ]; then
  pass "the workflow's install step downloads, verifies and unpacks the release"
else
  fail "the workflow's install step: $(cat "$work/install.log")"
fi
if env -i PATH=/usr/bin:/bin CITYWIDE_VERSION="$version" CITYWIDE_SHA256="0000" \
     CITYWIDE_RELEASES="file://$work/releases" RUNNER_TEMP="$work/runner" GITHUB_PATH="$work/runner/path" \
     bash -e -c "$install_step" >/dev/null 2>&1; then
  fail "the workflow's install step accepted a wrong pinned checksum"
else
  pass "the workflow's install step refuses a wrong pinned checksum"
fi

echo
if [ "$failures" -eq 0 ]; then echo "release test: all checks passed"; else echo "release test: $failures failed"; fi
[ "$failures" -eq 0 ]
