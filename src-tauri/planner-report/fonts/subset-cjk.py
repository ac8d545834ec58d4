"""Makes NotoSansCJK-Subset.otf from Debian's fonts-noto-cjk NotoSansCJK-Regular.ttc.

The whole Noto Sans CJK face is 16 MB; the report needs the characters names and notes are
typed in, at under a third of the size (4.7 MB): the Simplified Chinese face's glyphs for
the 14,654 Han characters of GB 2312, JIS X 0208 and 0212 and KS X 1001 (Python's euc_jp
codec covers both JIS sets), all kana, all 11,172 hangul syllables, CJK punctuation and
full-width forms. Regional variant glyphs (the `locl` feature) and vertical forms are left
out: the report sets text horizontally, in one style for all three languages.

    pip install fonttools
    python3 subset-cjk.py /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""

import sys

from fontTools import subset
from fontTools.ttLib import TTCollection


def encodable(codepoint, codecs):
    char = chr(codepoint)
    for codec in codecs:
        try:
            char.encode(codec)
            return True
        except UnicodeEncodeError:
            pass
    return False


def wanted_codepoints():
    han = [
        cp
        for cp in range(0x4E00, 0xA000)
        if encodable(cp, ["gb2312", "euc_jp", "euc_kr"])
    ]
    hangul = list(range(0xAC00, 0xD7A4))
    ranges = [
        (0x3000, 0x303F),  # CJK punctuation
        (0x3040, 0x30FF),  # hiragana, katakana
        (0x3130, 0x318F),  # hangul compatibility jamo
        (0x31F0, 0x31FF),  # katakana extensions
        (0xFF00, 0xFFEF),  # full-width forms
    ]
    others = [cp for low, high in ranges for cp in range(low, high + 1)]
    return sorted(set(han + hangul + others))


def main(source, target="NotoSansCJK-Subset.otf"):
    collection = TTCollection(source)
    font = next(
        f for f in collection.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC"
    )
    options = subset.Options()
    options.layout_features = ["ccmp", "kern", "liga", "mark", "mkmk"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_codepoints())
    subsetter.subset(font)
    font.save(target)


if __name__ == "__main__":
    main(*sys.argv[1:])
