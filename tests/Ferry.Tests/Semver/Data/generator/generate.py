"""Regenerates semver-differential.jsonl by running the real semver crate on generated inputs.

usage: python3 generate.py <path to built semver-oracle binary> <output .jsonl>
The oracle is oracle.rs built against dtolnay/semver (any 1.0.27+ checkout) as a path dependency.
"""
import random, json, subprocess, sys
TOOL = sys.argv[1]
OUT = sys.argv[2]
random.seed(20260822)
H = lambda s: s.encode().hex()
U = lambda h: bytes.fromhex(h).decode()
alpha = list("0123456789") * 3 + list("..........") + list("--++**xX=<>~^,,   ") + list("abvAZ|\t") + ["é", "0", "00", "1", "\u0000", "\u00a0", "🦀", "\u0301", "'", "\\", "\n", "99999999999999999999"]
def rnd(n): return "".join(random.choice(alpha) for _ in range(n))
ops = ["", "", "=", ">", ">=", "<", "<=", "~", "^", "= ", ">= ", "~ "]
def num(): return random.choice(["0", "1", "2", "3", "10", "01", "x", "*", "X", "18446744073709551615", "18446744073709551616"])
def ident(): return ".".join(random.choice(["alpha", "1", "0", "01", "a-b", "rc", "-", "0a", "", "x7", "beta"]) for _ in range(random.randint(1,3)))
def ver_text():
    s = ".".join(num() for _ in range(random.choice([1,2,3,3,3,4])))
    if random.random() < 0.3: s += "-" + ident()
    if random.random() < 0.2: s += "+" + ident()
    return s
def cmp_text(): return random.choice(ops) + ver_text() + random.choice(["", "", " "])
def req_text(): return random.choice(["", " "]) + random.choice([", ", ",", " , ", ",,", " "]).join(cmp_text() for _ in range(random.randint(1,3)))
inputs = set()
while len(inputs) < 900: inputs.add(rnd(random.randint(0, 12)))
while len(inputs) < 2200: inputs.add(req_text())
while len(inputs) < 2700: inputs.add(ver_text())
inputs = sorted(inputs)
lines = []
for s in inputs:
    for k in "VRC": lines.append((k, s))
for s in random.sample(inputs, 500):
    lines.append(("P", s)); lines.append(("B", s))
# valid versions and reqs for matching / ordering
vs = []
for a in range(4):
    for b in range(4):
        for c in range(4):
            vs.append(f"{a}.{b}.{c}")
            for p in ["0", "alpha", "alpha.1", "beta.2", "1"]:
                if random.random() < 0.25: vs.append(f"{a}.{b}.{c}-{p}")
            if random.random() < 0.1: vs.append(f"{a}.{b}.{c}+build.{c}")
def small_num(): return str(random.randint(0,3))
def small_cmp():
    parts = [small_num()]
    r = random.random()
    if r < 0.75: parts.append(random.choice([small_num(), small_num(), "*"]))
    if r < 0.5 and parts[-1] != "*": parts.append(random.choice([small_num(), small_num(), "*"]))
    s = ".".join(parts)
    if len(parts) == 3 and parts[-1] != "*" and random.random() < 0.3: s += "-" + random.choice(["0", "alpha", "alpha.1", "beta.2", "1"])
    return random.choice(["", "=", ">", ">=", "<", "<=", "~", "^"]) + s
reqs = sorted({", ".join(small_cmp() for _ in range(random.choice([1,1,2,2,3]))) for _ in range(300)})
for r in reqs:
    for v in random.sample(vs, 12): lines.append(("M", r, v))
for _ in range(1000):
    lines.append(("O", random.choice(vs), random.choice(vs)))
inp = "".join(" ".join([l[0]] + [H(x) for x in l[1:]]) + "\n" for l in lines)
out = subprocess.run([TOOL], input=inp, capture_output=True, text=True, check=True).stdout.splitlines()
assert len(out) == len(lines)
recs = []
for l, o in zip(lines, out):
    # One JSON array per line: [op, inputs..., expected...] (see Data/README.md).
    if l[0] in "VRCPB":
        st, h = o.split(" ", 1) if " " in o else (o, "")
        rec = [l[0], l[1], st, U(h)]
    elif l[0] == "M": rec = ["M", l[1], l[2], o == "true"]
    else:
        a, b = o.split(" "); order = {"Less": -1, "Equal": 0, "Greater": 1}
        rec = ["O", l[1], l[2], order[a], order[b]]
    recs.append(rec)
with open(OUT, "w") as f:
    for r in recs: f.write(json.dumps(r, ensure_ascii=True, separators=(",", ":")) + "\n")
import collections
print(len(recs), collections.Counter(r[0] for r in recs))

