#!/usr/bin/env python3
"""Records what Cargo prints for broken or unusual Cargo.lock files (lockfile-error-cases.json).

Each case is written as the Cargo.lock of a two-package workspace (`a` 0.1.0 with a path
dependency on `b` 0.1.0, no registry dependencies) and read with
`cargo metadata --offline --format-version 1`, with a private empty CARGO_HOME. The workspace
directory is replaced by `[ROOT]` in the recorded stderr. Run from anywhere:

    python3 make-error-cases.py [path/to/cargo]
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PKG = '[[package]]\nname = "a"\nversion = "0.1.0"\n'
REG = 'registry+https://github.com/rust-lang/crates.io-index'

CASES = [
    ("empty file", ""),
    ("truncated", 'version = 4\n\n[[package]]\nname = "a"\nversion = "0.1'),
    ("invalid toml", 'version = 4\n[[package]\n'),
    ("garbage text", '\x01\x02 hello'),
    ("garbage bytes", b'\xff\xfe garbage \x00\x01'),
    ("version 99", 'version = 99\n'),
    ("version 5 on stable", 'version = 5\n'),
    ("version 2 written out", 'version = 2\n'),
    ("version as string", 'version = "4"\n'),
    ("version negative", 'version = -1\n'),
    ("version too big", 'version = 4294967296\n'),
    ("version float", 'version = 4.0\n'),
    ("unknown version beats duplicates", 'version = 9\n' + PKG + PKG),
    ("schema error beats unknown version", 'version = 9\n[[package]]\nname = 1\n'),
    ("missing name", 'version = 4\n[[package]]\nversion = "1.0.0"\n'),
    ("missing version", 'version = 4\n[[package]]\nname = "a"\n'),
    ("missing version of root", 'version = 4\n[root]\nname = "x"\n'),
    ("missing version of dotted root", 'version = 4\nroot.name = "x"\n'),
    ("bad value beats missing field", 'version = 4\n[[package]]\nsource = "bad"\n'),
    ("name not a string", 'version = 4\n[[package]]\nname = true\nversion = "1"\n'),
    ("name is a date", 'version = 4\n[[package]]\nname = 1979-05-27\nversion = "1"\n'),
    ("name is a table", 'version = 4\n[[package]]\nname = {a=1}\nversion = "1"\n'),
    ("package not an array", 'version = 4\npackage = "a\\"b\\n\\u0001\\t"\n'),
    ("package element not a table", 'version = 4\npackage = [1]\n'),
    ("package as short array", 'version = 4\npackage = [["zz", "1.0.x", "%s"]]\n' % REG),
    ("package as inline table", 'version = 4\npackage = [{name="a"}]\n'),
    ("package float", 'version = 4\npackage = 2.5e-10\n'),
    ("invalid version of a workspace package", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.x"\n'),
    ("empty version of a workspace package", 'version = 4\n[[package]]\nname = "a"\nversion = ""\n'),
    ("invalid version of a vanished path package", 'version = 4\n[[package]]\nname = "zz"\nversion = "1.x"\n'),
    ("invalid version of a registry package", 'version = 4\n[[package]]\nname = "zz"\nversion = "1.x"\nsource = "%s"\n' % REG),
    ("invalid source", 'version = 4\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "xyz"\n'),
    ("bad source url", 'version = 4\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "registry+ht tp://x"\n'),
    ("unsupported source protocol", 'version = 4\n[[package]]\nname = "a"\nversion = "1.0.0"\nsource = "local-registry+file:///x"\n'),
    ("bad sparse url", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nsource = "sparse+xyz"\n'),
    ("empty git url", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nsource = "git+"\n'),
    ("checksum not a string", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nchecksum = 5\n'),
    ("checksum of the wrong form", 'version = 4\n[[package]]\nname = "zz"\nversion = "1.0.0"\nsource = "%s"\nchecksum = "xyz"\n' % REG),
    ("dependency string with junk", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["b 1.0 xyz"]\n'),
    ("dependency string with bad source", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["b 1.0 (xyz)"]\n'),
    ("dependency string with bad url", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = [\n "x",\n "b 1.0 (foo+bar)",\n]\n'),
    ("dependency string with two spaces", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = ["b  1.0"]\n'),
    ("dependency naming no package", 'version = 4\n\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = [\n "b",\n "nothing",\n]\n\n[[package]]\nname = "b"\nversion = "0.1.0"\n'),
    ("dependency not a string", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = [1]\n'),
    ("dependencies not an array", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\ndependencies = "b"\n'),
    ("replace with junk", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nreplace = "b 1.0 xyz"\n'),
    ("replace not a string", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nreplace = 3\n'),
    ("duplicate package entries", 'version = 4\n' + PKG + PKG),
    ("duplicate after invalid version", '[[package]]\nname = "a"\nversion = "0.1.x"\n[[package]]\nname = "x"\nversion = "1.0.0"\n[[package]]\nname = "x"\nversion = "1.0.0"\n'),
    ("unknown top-level keys", 'version = 4\nfoo = 1\n[bar]\nx = 1\n'),
    ("unknown package keys", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nextra = true\n'),
    ("metadata not a table", 'version = 4\nmetadata = []\n'),
    ("metadata value not a string", 'version = 4\n[metadata]\nfoo = 1\n'),
    ("metadata checksum key with junk", '[metadata]\n"checksum a b c" = "x"\n'),
    ("metadata checksum key with bad source", 'version = 4\n[metadata]\n"checksum a 1.0 (x)" = "y"\n'),
    ("patch without unused", 'version = 4\n[patch]\n'),
    ("patch with a sub-table only", 'version = 4\n[patch.foo]\n'),
    ("patch not a table", 'version = 4\npatch = 1\n'),
    ("patch as empty array", 'version = 4\npatch = []\n'),
    ("patch as positional array", 'version = 4\npatch = [[], 1]\n'),
    ("unused patch with invalid version and no source", 'version = 4\n[[patch.unused]]\nname = "zz"\nversion = "1.x"\n'),
    ("unused patch with invalid version", 'version = 4\n[[patch.unused]]\nname = "zz"\nversion = "1.x"\nsource = "%s"\n' % REG),
    ("crlf line endings", 'version = 4\r\n[[package]]\r\nname = "a"\r\nversion = "0.1.0"\r\nsource = "xyz"\r\n'),
    ("byte order mark", '\ufeffversion = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nsource="x"\n'),
    ("control characters in a message", 'version = 4\n[[package]]\nname = "a"\nversion = "0.1.0"\nsource = "xy\\u0001z\\u001b[31mred"\n'),
    ("cargo snapshot wildcard", 'version = 4\n\n[[package]]\nname = "bar"\nversion = "0.1.0"\nsource = "git+[..]"\n'),
]


def main():
    cargo = sys.argv[1] if len(sys.argv) > 1 else os.path.expanduser("~/.cargo/bin/cargo")
    base = tempfile.mkdtemp(prefix="ferry-lock-cases-")
    try:
        ws = os.path.join(base, "ws")
        home = os.path.join(base, "home")
        os.makedirs(os.path.join(ws, "src"))
        os.makedirs(os.path.join(ws, "b", "src"))
        os.makedirs(home)
        with open(os.path.join(ws, "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "a"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\nb = { path = "b" }\n')
        with open(os.path.join(ws, "src", "lib.rs"), "w") as f:
            f.write("")
        with open(os.path.join(ws, "b", "Cargo.toml"), "w") as f:
            f.write('[package]\nname = "b"\nversion = "0.1.0"\nedition = "2021"\n')
        with open(os.path.join(ws, "b", "src", "lib.rs"), "w") as f:
            f.write("")
        env = {k: v for k, v in os.environ.items() if not k.startswith("CARGO")}
        env["CARGO_HOME"] = home
        env["CARGO_TERM_COLOR"] = "never"
        out = []
        for name, content in CASES:
            data = content if isinstance(content, bytes) else content.encode("utf-8")
            with open(os.path.join(ws, "Cargo.lock"), "wb") as f:
                f.write(data)
            run = subprocess.run([cargo, "metadata", "--offline", "--format-version", "1"],
                                 cwd=ws, env=env, capture_output=True)
            stderr = run.stderr.decode("utf-8").replace(ws, "[ROOT]")
            case = {"name": name, "exit": run.returncode}
            if isinstance(content, bytes):
                case["inputHex"] = content.hex()
            else:
                case["input"] = content
            case["stderr"] = stderr if run.returncode != 0 else ""
            out.append(case)
        target = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lockfile-error-cases.json")
        with open(target, "w") as f:
            json.dump(out, f, indent=1, ensure_ascii=False)
            f.write("\n")
        print(f"{len(out)} cases -> {target}")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
