#!/usr/bin/env bash
# Re-records the screen model's test inputs: each is the raw output of standard tools, taken
# from a tmux pane (pipe-pane) of 80x24 with TERM=xterm-256color. Run from this directory.
set -euo pipefail
dir=$(mktemp -d)
trap 'tmux -S "$dir/sock" kill-server 2>/dev/null || true; rm -rf "$dir"' EXIT
seq 1 40 | sed 's/^/line number /' > "$dir/numbers.txt"
record() { # name, keys to send after a second (or ""); the commands come on stdin
  local name=$1 keys=$2
  { echo 'sleep 0.3'; echo "cd $dir"; cat; echo 'sleep 30'; } > "$dir/$name.sh"
  tmux -u -f /dev/null -S "$dir/sock" new-session -d -s rec -x 80 -y 24 \
    "env TERM=xterm-256color LANG=C.UTF-8 sh $dir/$name.sh"
  tmux -S "$dir/sock" pipe-pane -o -t rec "cat > '$PWD/$name'"
  sleep 1
  if [ -n "$keys" ]; then tmux -S "$dir/sock" send-keys -t rec $keys; fi
  sleep 1
  tmux -S "$dir/sock" pipe-pane -t rec
  tmux -S "$dir/sock" kill-server
}
record clear.bin "" <<'SH'
seq 1 30; clear; echo after clear
SH
record scroll-region.bin "" <<'SH'
printf '\033[2J\033[H'; seq 1 10; printf '\033[3;8r\033[8;1H'; seq 100 112
printf '\033[1;1H\033M\033M\033[r\033[24;1H'; echo done
SH
record colours.bin "" <<'SH'
ls --color=always -l /usr/bin | head -30
printf '\033[1;31mred\033[0m \033[38;5;208mx\033[48;2;10;20;30my\033[0m \033[4:3mcurly\033[0m \033[38:2::1:2:3mz\033[0m\n'
printf '\033[44m\033[Kblue line\033[0m\n'
SH
record wide.bin "" <<'SH'
printf '日本語テキスト\n'; printf '%078d日本\n' 0; printf 'e\314\201 cafe\314\201 end\n'
printf 'ab\033[3D日\033[2D\033[1P x\n'
SH
# tmux stores DEC graphics as ASCII with a charset flag and drops invalid UTF-8: no tmux oracle
record charsets.bin "" <<'SH'
printf '\033(0lqqk\033(B ascii \033)0\016x\017 \377 \355\240\200 \300\257 end\n'
SH
record vim.bin "" <<'SH'
vim -u NONE -i NONE numbers.txt
SH
record vim-quit.bin ":q Enter" <<'SH'
echo before vim; vim -u NONE -i NONE numbers.txt; echo after vim
SH
record less.bin "Space" <<'SH'
less numbers.txt
SH
record top.bin "" <<'SH'
top -n 1
SH
ls -l *.bin
