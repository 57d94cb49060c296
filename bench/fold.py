"""Folds `perf script` output into one line per stack ("root;...;leaf count"), or reports the hottest frames.

    perf script | python3 bench/fold.py > folded.txt
    python3 bench/fold.py --report folded.txt [top, default 45]
"""
import collections
import re
import sys


def clean(frame: str) -> str:
    frame = re.sub(r"\[OptimizedTier1\]|\[Optimized\]|\[Tier0\]|\[Tier1\]|\[PreJIT\]|\[QuickJitted\]|\[OSR\]", "", frame)
    frame = re.sub(r"\(.*\)$", "", frame.strip())
    return frame.replace(";", ",")[:160]


def fold(lines):
    stacks = collections.Counter()
    frames = []
    for line in lines:
        line = line.rstrip("\n")
        if not line.strip():
            if frames:
                stacks[";".join(reversed(frames))] += 1
            frames = []
            continue
        if line[0] not in " \t":
            continue
        parts = line.strip().split(" ", 1)
        frames.append(clean(parts[1] if len(parts) > 1 else parts[0]))
    if frames:
        stacks[";".join(reversed(frames))] += 1
    for stack, count in stacks.items():
        print(f"{stack} {count}")


def report(path, top):
    total = 0
    own = collections.Counter()
    inclusive = collections.Counter()
    with open(path) as f:
        for line in f:
            stack, count = line.rsplit(" ", 1)
            count = int(count)
            total += count
            frames = stack.split(";")
            own[frames[-1]] += count
            for frame in set(frames):
                inclusive[frame] += count
    print(f"{total} samples")
    print("-- self --")
    for frame, count in own.most_common(top):
        print(f"{100 * count / total:5.1f}%  {frame}")
    print("-- inclusive --")
    for frame, count in inclusive.most_common(top * 2):
        print(f"{100 * count / total:5.1f}%  {frame}")


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--report":
        report(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 45)
    else:
        fold(sys.stdin)
