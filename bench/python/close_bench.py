"""Reference timing in Python: os.closerange on freshly opened descriptors.

usage: close_bench.py FILE BASE COUNT EXTRA ROUNDS WARMUP  (as bench/c/close-bench.c)
prints one JSON line: {"python-closerange": [ns, ...]}
"""
import errno
import fcntl
import json
import os
import sys
import time


def open_at(path, target):
    fd = os.open(path, os.O_RDONLY)
    if fd != target:
        os.dup2(fd, target)  # inheritable, like the C and JavaScript layouts
        os.close(fd)
    else:
        os.set_inheritable(fd, True)


def assert_closed(fd):
    try:
        fcntl.fcntl(fd, fcntl.F_GETFD)
    except OSError as error:
        if error.errno == errno.EBADF:
            return
        raise
    sys.exit(f"close_bench.py: fd {fd} still open after os.closerange")


def main():
    path, base, count, extra, rounds, warmup = sys.argv[1], *map(int, sys.argv[2:7])
    layout = list(range(base, base + count)) + ([extra] if extra >= 0 else [])
    lo, hi = min(layout), max(layout)
    samples = []
    for round_index in range(-warmup, rounds):
        for fd in layout:
            open_at(path, fd)
        start = time.perf_counter_ns()
        os.closerange(lo, hi + 1)  # the upper bound is exclusive
        elapsed = time.perf_counter_ns() - start
        for fd in layout:
            assert_closed(fd)
        if round_index >= 0:
            samples.append(elapsed)
    print(json.dumps({"python-closerange": samples}))


main()
