"""The page style of the HTML and PDF renderings: A4, typography close to GB/T 9704.

GB/T 9704 (党政机关公文格式): body 3号仿宋 (16 pt), first-level headings 黑体, the title
2号小标宋 (22 pt), page numbers 4号 (14 pt) between dashes ("— 1 —") at the foot. Without
仿宋/小标宋 installed, the Noto CJK fonts of Debian's fonts-noto-cjk stand in: Noto Serif CJK
(宋体-like) for text, Noto Sans CJK (黑体-like) for headings. Tables use 五号 (10.5 pt).
"""

from __future__ import annotations

SERIF = '"FangSong", "仿宋", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif'
SANS = '"SimHei", "黑体", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'
TITLE = '"FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", "Source Han Serif SC", serif'

# 页码: 4号 (14 pt) 半角宋体阿拉伯数字, 一字线 on each side; odd pages right, even pages left
PAGE_NUMBER = f'content: "— " counter(page) " —"; font-family: {SERIF}; font-size: 14pt;'

CSS = f"""
@page {{ size: A4; margin: 37mm 26mm 35mm 28mm; }}
@page table {{ size: A4; margin: 25mm 20mm 25mm 20mm; }}
@page landscape {{ size: A4 landscape; margin: 24mm 22mm 24mm 22mm; }}
@page :right {{ @bottom-right {{ {PAGE_NUMBER} margin-right: 1em; }} }}
@page :left {{ @bottom-left {{ {PAGE_NUMBER} margin-left: 1em; }} }}
html {{ font-family: {SERIF}; font-size: 16pt; line-height: 1.75; color: #000; }}
body {{ margin: 0; }}
h1 {{ font-family: {TITLE}; font-weight: bold; font-size: 22pt; text-align: center;
      line-height: 1.5; margin: 40mm 0 0 0; }}
h2 {{ font-family: {SANS}; font-weight: normal; font-size: 16pt; text-align: center;
      break-before: page; margin: 0 0 1em 0; }}
h3 {{ font-family: {SANS}; font-weight: normal; font-size: 16pt; margin: 0.6em 0 0 0;
      break-after: avoid; }}
p {{ margin: 0; text-indent: 2em; text-align: justify; }}
section.table-block {{ break-before: page; page: table; }}
section.table-block.wide {{ page: landscape; }}
h2.part-tables, h2.part-performance {{ page: table; }}
h2 + section.table-block {{ break-before: avoid; }}
section.table-block .number {{ font-family: {SANS}; font-size: 12pt; text-indent: 0; }}
section.table-block h3.title {{ font-family: {TITLE}; font-weight: bold; font-size: 18pt;
      text-align: center; margin: 0.2em 0 0.4em 0; white-space: nowrap; }}
section.table-block h3.title.long {{ font-size: 14pt; }}
.meta {{ display: flex; justify-content: space-between; font-size: 11pt; margin-bottom: 2pt; }}
.meta span {{ text-indent: 0; }}
table {{ border-collapse: collapse; width: 100%; font-size: 10.5pt; line-height: 1.35; table-layout: fixed; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; page-break-inside: avoid; }}
th, td {{ border: 0.5pt solid #000; padding: 2pt 3pt; vertical-align: top; }}
thead th {{ vertical-align: middle; }}
thead th {{ font-family: {SANS}; font-weight: normal; text-align: center; }}
tbody th {{ font-weight: normal; text-align: left; }}
td.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
.i1 {{ padding-left: 1.2em; }}
.i2 {{ padding-left: 2.4em; }}
figure.chart {{ margin: 0.8em 0; break-inside: avoid; text-align: center; }}
figure.chart svg {{ font-family: {SERIF}; max-width: 150mm; }}
figure.chart figcaption {{ font-family: {SANS}; font-size: 12pt; }}
p.note {{ font-size: 10.5pt; text-indent: 0; margin-top: 4pt; }}
section.sheet {{ break-before: page; }}
.draft-mark {{ position: fixed; top: 45%; left: 0; right: 0; text-align: center;
      font-family: {SANS}; font-size: 150pt; color: rgba(200, 0, 0, 0.2); transform: rotate(-30deg); }}
@media screen {{
  body {{ max-width: 60em; margin: 2em auto; padding: 0 1em; font-size: 12pt; }}
  h1 {{ margin-top: 1em; }}
  section.table-block {{ margin: 2.5em 0; overflow-x: auto; }}
}}
"""
