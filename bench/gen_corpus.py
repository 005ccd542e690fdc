#!/usr/bin/env python3
"""Builds a large benchmark corpus from real documents, for bench/store-scale.sh.

    bench/gen_corpus.py N OUT_DIR [--from DIR ...] [--max-bytes 15000] [--seed S]

Each output document is one of the source documents (default: ../shared/corpus/dev when
present, else samples/) with:
- its own number changed: the digits after "Số:" become a number drawn from a pool sized
  N/40, so numbers collide the way they do between provinces and years (98/2025/QĐ-UBND of
  several provinces); a year inside the number follows the new date;
- its date changed: the first "ngày D tháng M năm Y" becomes a random date 2015-2026;
- its province changed: every province name in the document becomes another one (one per
  output document), so issuers, places and unit names vary;
- one or two department names swapped for others, so task units vary;
- cut at a paragraph end after --max-bytes (plans are 5-15 KB; the dev corpus averages 45 KB,
  which would make the benchmark measure the parser on long laws rather than the store);
- a last line with its index, so that every output has its own hash.

Files go to OUT_DIR/NNNN/ (1,000 per folder). Deterministic for a given seed.
"""
import argparse
import os
import random
import re
import sys

PROVINCES = [
    "Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Hồ Chí Minh", "An Giang", "Bà Rịa - Vũng Tàu",
    "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương",
    "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên",
    "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương",
    "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
    "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình",
    "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh",
    "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa",
    "Thừa Thiên Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
    "Yên Bái", "Bình Sơn",
]
DEPARTMENTS = [
    "Sở Y tế", "Sở Tài chính", "Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Công Thương",
    "Sở Giáo dục và Đào tạo", "Sở Kế hoạch và Đầu tư", "Sở Giao thông vận tải",
    "Sở Tài nguyên và Môi trường", "Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ",
    "Sở Lao động - Thương binh và Xã hội", "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Nông nghiệp và Phát triển nông thôn", "Công an tỉnh", "Ban Dân tộc tỉnh",
]
PROVINCE_RE = re.compile("|".join(re.escape(p) for p in sorted(PROVINCES, key=len, reverse=True)),
                         re.IGNORECASE)
DEPT_RE = re.compile("|".join(re.escape(d) for d in sorted(DEPARTMENTS, key=len, reverse=True)))
NUMBER_RE = re.compile(r"(Số\s*:?\s*)(\d{1,5})((?:\s*/\s*)(?:(?:19|20)\d\d)(?=\s*/))?")
DATE_RE = re.compile(r"ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+(?:19|20)\d\d")


def sources(dirs):
    out = []
    for d in dirs:
        for name in sorted(os.listdir(d)):
            if name.endswith(".txt") and not name.endswith(".expected.json"):
                with open(os.path.join(d, name), encoding="utf-8", errors="replace") as f:
                    out.append(f.read())
    return out


def cut(text, max_bytes):
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    # characters ≈ bytes / 1.3 for Vietnamese; cut at the paragraph end after that point
    at = text.find("\n", int(max_bytes / 1.3))
    return text if at < 0 else text[:at + 1]


class Template:
    """A source document cut once into literal text and the places vary() fills in.

    Regular expressions over every output document made generating 1,000,000 of them take
    hours; the places are found once per source and each output is a join.
    """

    def __init__(self, text):
        head, body = text[:2500], text[2500:]
        # Places in the head: the first date, and the first number (its year, if any, follows
        # the new date). Both are found before any province is replaced; neither can overlap
        # a province or department name.
        spots = []  # (start, end, kind, data)
        d = DATE_RE.search(head)
        if d:
            spots.append((d.start(), d.end(), "date", None))
        n = NUMBER_RE.search(head)
        if n:
            spots.append((n.start(), n.end(), "number", (n.group(1), bool(n.group(3)))))
        for m in PROVINCE_RE.finditer(text):
            spots.append((m.start(), m.end(), "province", m.group(0).isupper()))
        for m in DEPT_RE.finditer(text):
            spots.append((m.start(), m.end(), "dept", m.group(0)))
        spots.sort()
        self.parts = []  # literal strings and (kind, data) places, alternating as they come
        at = 0
        for start, end, kind, data in spots:
            if start < at:  # overlapping matches: keep the first
                continue
            self.parts.append(text[at:start])
            self.parts.append((kind, data))
            at = end
        self.parts.append(text[at:])
        self.has_number = n is not None


def vary(t, i, pool, rng):
    # The random draws in the order the per-document regular expressions made them, so a
    # seed gives the corpus it gave before.
    year = rng.randint(2015, 2026)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    number = rng.randint(1, pool) if t.has_number else 0
    province = rng.choice(PROVINCES)
    swap = {d: rng.choice(DEPARTMENTS) for d in rng.sample(DEPARTMENTS, 2)}
    out = []
    for p in t.parts:
        if isinstance(p, str):
            out.append(p)
            continue
        kind, data = p
        if kind == "date":
            out.append(f"ngày {day:02d} tháng {month:02d} năm {year}")
        elif kind == "number":
            prefix, has_year = data
            out.append(f"{prefix}{number}" + (f"/{year}" if has_year else ""))
        elif kind == "province":
            out.append(province.upper() if data else province)
        else:
            out.append(swap.get(data, data))
    out.append(f"\n(Bản số {i}.)\n")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--from", dest="src", action="append")
    ap.add_argument("--max-bytes", type=int, default=15000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    if a.n <= 0:
        sys.exit("gen_corpus: N must be a positive number")
    here = os.path.dirname(os.path.abspath(__file__))
    src = a.src
    if not src:
        dev = os.path.join(here, "..", "..", "shared", "corpus", "dev")
        src = [dev] if os.path.isdir(dev) else [os.path.join(here, "..", "samples")]
    docs = [cut(t, a.max_bytes) for t in sources(src)]
    if not docs:
        sys.exit(f"gen_corpus: no .txt documents in {', '.join(src)}")
    rng = random.Random(a.seed)
    pool = max(10, a.n // 40)
    total = 0
    for i in range(a.n):
        folder = os.path.join(a.out, f"{i // 1000:04d}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        k = i % len(docs)
        if isinstance(docs[k], str):  # made when first needed: a small N uses few sources
            docs[k] = Template(docs[k])
        data = vary(docs[k], i, pool, rng).encode("utf-8")
        total += len(data)
        with open(os.path.join(folder, f"d{i:07d}.txt"), "wb") as f:
            f.write(data)
    print(f"gen_corpus: {a.n} documents, {total / 1e6:.1f} MB, from {len(docs)} sources "
          f"in {', '.join(src)}", file=sys.stderr)


if __name__ == "__main__":
    main()
