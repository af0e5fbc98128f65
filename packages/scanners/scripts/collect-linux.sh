#!/bin/sh
# Collects the software inventory of this Linux PC for zhengban (正版化盘点). Read-only.
#
# Kylin, UOS, deepin, openKylin, openEuler and any other Linux with dpkg or rpm. Plain POSIX sh
# (dash, busybox ash, bash): no root needed, nothing installed, nothing changed on the computer.
#
# Writes one folder named after the computer, holding exactly the files the zhengban `linux`
# scanner reads:
#
#   hostname     the computer name (hostname, else /etc/hostname, else uname -n)
#   os-release   /etc/os-release (or /usr/lib/os-release)
#   os-version   /etc/os-version (UOS: its edition), only when present
#   status       /var/lib/dpkg/status (dpkg systems: Kylin, UOS, deepin, Debian, Ubuntu)
#   rpm-qa.txt   rpm -qa --queryformat '%{NAME}\t%{EPOCHNUM}\t%{VERSION}\t%{RELEASE}\t%{ARCH}\t%{VENDOR}\t%{INSTALLTIME}\n'
#                (rpm systems: openEuler, Kylin Server, CentOS; %{EPOCH} where rpm is too old for EPOCHNUM)
#
# Usage:
#   sh collect-linux.sh                 write next to this script (e.g. on the USB stick it runs from)
#   sh collect-linux.sh -o /mnt/share   write below /mnt/share
#   ssh pc01 'sh -s -- --tar' < collect-linux.sh > pc01.tar     over ssh: a tar on stdout, nothing
#                                                                 left on the remote computer
# Then:
#   zhengban audit --policy policy.yaml --input linux:/mnt/share
set -u
umask 022
LC_ALL=C
export LC_ALL

out_dir=''
as_tar=0
while [ $# -gt 0 ]; do
  case "$1" in
    -o|--out)
      [ $# -ge 2 ] || { echo "collect-linux.sh: -o needs a folder" >&2; exit 2; }
      out_dir=$2; shift 2 ;;
    --tar) as_tar=1; shift ;;
    -h|--help) sed -n '2,24p' "$0" 2>/dev/null; exit 0 ;;
    *) echo "collect-linux.sh: unknown option $1 (use -o FOLDER or --tar)" >&2; exit 2 ;;
  esac
done

# The computer name, made safe as a folder name (no slashes, spaces or leading dots).
name=$(hostname 2>/dev/null || true)
[ -n "$name" ] || name=$(cat /etc/hostname 2>/dev/null || true)
[ -n "$name" ] || name=$(uname -n 2>/dev/null || true)
[ -n "$name" ] || name=unknown-host
safe=$(printf '%s' "$name" | tr -c 'A-Za-z0-9._-' '_' | sed 's/^\.*//')
[ -n "$safe" ] || safe=unknown-host

if [ "$as_tar" -eq 1 ]; then
  work=$(mktemp -d 2>/dev/null || mktemp -d -t zhengban) || { echo "collect-linux.sh: cannot create a temporary folder" >&2; exit 1; }
  trap 'rm -rf "$work"' EXIT INT TERM
  base=$work
else
  if [ -z "$out_dir" ]; then
    case "$0" in
      */*) out_dir=$(dirname "$0") ;;
      *) out_dir=. ;;
    esac
  fi
  base=$out_dir
fi
target="$base/$safe"
mkdir -p "$target" || { echo "collect-linux.sh: cannot write to $target" >&2; exit 1; }

printf '%s\n' "$name" > "$target/hostname"

if [ -r /etc/os-release ]; then
  cat /etc/os-release > "$target/os-release"
elif [ -r /usr/lib/os-release ]; then
  cat /usr/lib/os-release > "$target/os-release"
fi
[ -r /etc/os-version ] && cat /etc/os-version > "$target/os-version"

found=0
if [ -r /var/lib/dpkg/status ]; then
  cat /var/lib/dpkg/status > "$target/status" && found=1
fi
if command -v rpm >/dev/null 2>&1; then
  tab=$(printf '\t')
  if rpm -qa --queryformat "%{NAME}$tab%{EPOCHNUM}$tab%{VERSION}$tab%{RELEASE}$tab%{ARCH}$tab%{VENDOR}$tab%{INSTALLTIME}\n" > "$target/rpm-qa.txt" 2>/dev/null \
    || rpm -qa --queryformat "%{NAME}$tab%{EPOCH}$tab%{VERSION}$tab%{RELEASE}$tab%{ARCH}$tab%{VENDOR}$tab%{INSTALLTIME}\n" > "$target/rpm-qa.txt" 2>/dev/null; then
    # An rpm database that is empty (a dpkg system with the rpm tool installed) is no inventory.
    if [ -s "$target/rpm-qa.txt" ]; then found=1; else rm -f "$target/rpm-qa.txt"; fi
  else
    rm -f "$target/rpm-qa.txt"
  fi
fi
if [ "$found" -eq 0 ]; then
  echo "collect-linux.sh: neither /var/lib/dpkg/status nor rpm found; only the OS was collected" >&2
fi

if [ "$as_tar" -eq 1 ]; then
  (cd "$base" && tar -cf - "$safe")
else
  echo "zhengban: inventory of $name written to $target" >&2
fi
