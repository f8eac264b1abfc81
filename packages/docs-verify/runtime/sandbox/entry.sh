#!/bin/bash
# A block's sandbox, from the inside (run/sandbox.ts builds it with bubblewrap): its files copied
# into its own size-bounded folder, the door to the mock's proxy opened, the limits set, then
# the block, under strace when there is one, which records each failed connect and open (what
# the block tried and the sandbox stopped: the checker reports them).
# Arguments: NODE PORT SOCKET SOURCE FOLDER PROCESSES FILE_KB MEMORY_KB TRACE -- COMMAND…
set -u
node=$1 port=$2 socket=$3 source=$4 folder=$5 processes=$6 file_kb=$7 memory_kb=$8 trace=$9
shift 10
cp -a "$source/." "$folder/" || exit 125
# The door must be open before the block runs: the forwarder says so on its first line. It is
# started twice removed, so the block's process (strace's, which waits for every child it has)
# is not its parent; it ends with the sandbox. It runs with an empty environment (exec -c): the
# block's proxy variables would have Node load its proxy agent at start, 40 ms of a core a
# block, and nothing the page set (NODE_OPTIONS) is the forwarder's.
mkfifo /tmp/.door || exit 125
(exec -c "$node" "$(dirname "$0")/forward.mjs" "$port" "$socket" >/tmp/.door 2>/dev/null &)
read -r -t 10 ready </tmp/.door
rm -f /tmp/.door
[ "${ready:-}" = ready ] || { echo "sandbox: the door to the mock did not open" >&2; exit 125; }
ulimit -u "$processes" -f "$file_kb" -v "$memory_kb"
cd "$folder" || exit 125
if command -v strace >/dev/null; then
  exec strace -f -qq -Z --seccomp-bpf -e trace=connect,open,openat -e signal=none -o "$trace" "$@"
fi
exec "$@"
