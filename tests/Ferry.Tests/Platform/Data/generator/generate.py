"""Regenerates cfg-differential.jsonl by running cargo-platform (cargo @ af373f76, 0.3.3) on generated inputs.

usage: python3 generate.py <oracle binary> <output .jsonl>
The oracle is oracle.rs built against cargo-platform's src/ (serde impls removed) as a path dependency.
"""
import random, json, subprocess, sys
TOOL, OUT = sys.argv[1], sys.argv[2]
random.seed(3493)
H = lambda s: s.encode().hex()
U = lambda h: bytes.fromhex(h).decode()
tokens = ["(", ")", ",", " ", "=", "\"", "all", "any", "not", "r#", "r", "a", "b", "unix", "true", "false", "feature",
          "test", "debug_assertions", "proc_macro", "\t", "é", "7", "_x", "#", "🦀", "\"v\"", "\"\"", "k", "target_os", "\"linux\""]
def soup(): return "".join(random.choice(tokens) for _ in range(random.randint(0, 9)))
names = ["a", "r#b", "unix", "windows", "true", "false", "r#true", "test", "r#test", "debug_assertions", "proc_macro", "_x", "r", "all", "r#any"]
def value():
    n = random.choice(names)
    if random.random() < 0.35:
        key = random.choice(["k", "target_os", "feature", "r#feature", "true", "false", "r#false"])
        return key + random.choice([" = ", "=", " =", "= "]) + '"' + random.choice(["v", "linux", "x", "", "a b", "\\"]) + '"'
    return n
def expr(d=0):
    r = random.random()
    if d > 2 or r < 0.4: return value()
    if r < 0.55: return "not(" + expr(d + 1) + ")"
    op = random.choice(["all", "any"])
    items = [expr(d + 1) for _ in range(random.randint(0, 3))]
    return op + "(" + random.choice([", ", ",", " , "]).join(items) + random.choice(["", "", ",", ", "]) + ")"
def mutate(s):
    if not s: return s
    i = random.randrange(len(s))
    return random.choice([s[:i] + s[i + 1:], s[:i] + random.choice(tokens) + s[i:], s[:i] + random.choice(tokens) + s[i + 1:]])
keys = set()
while len(keys) < 700: keys.add("cfg(" + expr() + ")")
while len(keys) < 1200: keys.add("cfg(" + mutate(expr()) + ")")
while len(keys) < 1500: keys.add(mutate("cfg(" + expr() + ")"))
while len(keys) < 1800: keys.add(soup())
for t in ["x86_64-unknown-linux-gnu", "aé-b", "a.b_c-d", "", "foo bar", "a/b", "🦀", "cfg", "x86_64-pc-windows-msvc", "Cfg(unix)"]: keys.add(t)
keys = sorted(keys)
cfgs = set()
while len(cfgs) < 300: cfgs.add(random.choice([value(), soup(), mutate(value())]))
cfgs = sorted(cfgs)
lines = [("P", k) for k in keys] + [("C", c) for c in cfgs]
inp = "".join(f"{op} {H(s)}\n" for op, s in lines)
out = subprocess.run([TOOL], input=inp, capture_output=True, text=True, check=True).stdout.splitlines()
assert len(out) == len(lines)
with open(OUT, "w") as f:
    for (op, s), o in zip(lines, out):
        parts = o.split(" ")
        if parts[0] == "err": rec = [op, s, "err", U(parts[1])]
        elif op == "P": rec = [op, s, "ok", U(parts[1]), parts[2] == "true", [w for w in U(parts[3]).split("\u0001") if w]]
        else: rec = [op, s, "ok", U(parts[1])]
        f.write(json.dumps(rec, ensure_ascii=True, separators=(",", ":")) + "\n")
import collections
print(len(lines), collections.Counter((op, o.split(" ")[0]) for (op, _), o in zip(lines, out)))
