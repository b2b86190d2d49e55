"""Where the bytes of a .wasm go: per section, and per function grouped by crate (needs a name
section: run it on wasm-bindgen's output before wasm-opt, or on cargo's output).

python3 benches/wasm_sizes.py FILE.wasm [TOP]
"""
import re
import sys
from collections import Counter


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]; i += 1
        r |= (x & 0x7F) << s; s += 7
        if x < 0x80:
            return r, i


def main():
    b = open(sys.argv[1], "rb").read()
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    i = 8
    sections = Counter(); bodies = []; names = {}; imports = 0
    while i < len(b):
        sid = b[i]; i += 1
        size, i = leb(b, i)
        end = i + size
        if sid == 0:
            nlen, j = leb(b, i); name = b[j:j + nlen].decode(); j += nlen
            sections["custom:" + name] += size
            if name == "name":
                while j < end:
                    sub = b[j]; j += 1
                    ssz, j = leb(b, j); send = j + ssz
                    if sub == 1:
                        cnt, j = leb(b, j)
                        for _ in range(cnt):
                            idx, j = leb(b, j); l, j = leb(b, j)
                            names[idx] = b[j:j + l].decode("utf-8", "replace"); j += l
                    j = send
        else:
            sections[{1: "type", 2: "import", 3: "function", 5: "memory", 6: "global", 7: "export", 10: "code", 11: "data", 12: "datacount", 4: "table", 9: "elem"}.get(sid, str(sid))] += size
            if sid == 2:
                cnt, j = leb(b, i)
                for _ in range(cnt):
                    l, j = leb(b, j); j += l; l, j = leb(b, j); j += l
                    kind = b[j]; j += 1
                    if kind == 0:
                        imports += 1; _, j = leb(b, j)
                    elif kind == 1:
                        j += 1; fl, j = leb(b, j); _, j = leb(b, j)
                        if fl & 1: _, j = leb(b, j)
                    elif kind == 2:
                        fl, j = leb(b, j); _, j = leb(b, j)
                        if fl & 1: _, j = leb(b, j)
                    elif kind == 3:
                        j += 2
            if sid == 10:
                cnt, j = leb(b, i)
                for k in range(cnt):
                    sz, j2 = leb(b, j)
                    bodies.append((imports + k, sz)); j = j2 + sz
        i = end
    print("sections:")
    for k, v in sections.most_common():
        print(f"  {v:9,d}  {k}")
    groups = Counter(); fns = []
    for idx, sz in bodies:
        n = names.get(idx, f"func[{idx}]")
        m = re.findall(r"(?:_ZN|^|<|\b)([a-z_][a-z0-9_]*)(?:\.\.|::|[0-9])", n)
        crate = next((x for x in m if x not in ("impl", "core", "alloc", "_", "dyn", "as")), None) or (m[0] if m else "?")
        if n.startswith("_ZN"):
            l = re.match(r"_ZN(\d+)", n)
            crate = n[3 + len(l.group(1)):3 + len(l.group(1)) + int(l.group(1))] if l else crate
        groups[crate] += sz; fns.append((sz, n))
    print(f"code by crate (first path segment; generic code counts where it is instantiated from):")
    for k, v in groups.most_common(top):
        print(f"  {v:9,d}  {k}")
    print("largest functions:")
    for sz, n in sorted(fns, reverse=True)[:top]:
        print(f"  {sz:9,d}  {n[:150]}")


main()
